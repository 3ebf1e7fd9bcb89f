import { useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ScriptSummary, ScriptVersion } from '../../../../shared/api/calls/script-calls';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDialogAction } from '../../components/use-dialog-action';
import { formatBytes, formatDateTime, shortHash } from '../../format';

type VersionInfo = Omit<ScriptVersion, 'source'>;

interface Props {
  script: ScriptSummary;
  /** Restoring replaces the editor's text, so it waits until unsaved edits are saved or discarded. */
  canRestore: boolean;
  onClose: () => void;
  /** Shows a version read-only in the editor. */
  onOpen: (version: ScriptVersion) => void;
  /** Saves a version's source as the newest version. */
  onRestore: (version: ScriptVersion) => Promise<void>;
}

/** Every saved version of a script, newest first: open one read-only, or restore it as a new version. */
export function HistoryDialog({ script, canRestore, onClose, onOpen, onRestore }: Props) {
  const api = useApi();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const action = useDialogAction();

  useEffect(() => {
    let live = true;
    api.call('scripts.history', { script: { id: script.id } }).then(
      (answer) => {
        if (live) setVersions(answer.versions);
      },
      (caught: unknown) => {
        if (live) setError(ApiError.from(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [api, script.id]);

  const read = async (version: number) =>
    (await api.call('scripts.get', { script: { id: script.id }, version })).version;

  return (
    <Dialog title={`History of ${script.name}`} onClose={onClose} size="large">
      {error ? <ErrorBanner error={error} /> : null}
      {versions === null ? (
        <p className="muted">{error ? '' : 'Reading the history…'}</p>
      ) : (
        <div className="table-scroll history-table">
          <table className="data-table data-table--compact" aria-label="Script versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Saved</th>
                <th scope="col" className="numeric">
                  Size
                </th>
                <th scope="col">SHA-256</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => {
                const latest = version.version === script.latestVersion;
                return (
                  <tr key={version.version} data-version={version.version}>
                    <th scope="row">
                      v{version.version}
                      {latest ? <span className="badge badge--quiet">Latest</span> : null}
                    </th>
                    <td className="nowrap">{formatDateTime(version.savedAt)}</td>
                    <td className="numeric">{formatBytes(version.bytes)}</td>
                    <td>
                      <code className="hash">{shortHash(version.sha256)}</code>
                    </td>
                    <td className="history-table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={action.running}
                        onClick={() => void action.run(async () => onOpen(await read(version.version)))}
                      >
                        Open
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={action.running || latest || !canRestore}
                        title={
                          latest
                            ? 'This is the latest version'
                            : canRestore
                              ? 'Save this version again as the newest one'
                              : 'Save or discard the unsaved changes first'
                        }
                        onClick={() => void action.run(async () => onRestore(await read(version.version)))}
                      >
                        Restore
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {action.error ? <ErrorBanner error={action.error} /> : null}
      {!canRestore ? (
        <p className="field__hint">
          The open script has unsaved changes: save or discard them to restore a version.
        </p>
      ) : null}
    </Dialog>
  );
}
