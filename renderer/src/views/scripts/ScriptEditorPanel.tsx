import type { ReactNode, Ref } from 'react';
import type { ScriptVersion } from '../../../../shared/api/calls/script-calls';
import { Panel } from '../../components/Panel';
import { formatBytes, formatDateTime } from '../../format';
import type { LoadedMonaco } from '../../editor/load-monaco';
import type { RuntimeError } from '../../editor/runtime-marker';
import { ScriptEditor, type ScriptEditorHandle } from '../../editor/ScriptEditor';
import type { OpenScript } from './use-open-script';

interface Props {
  monaco: LoadedMonaco | null;
  /** Why Monaco could not be loaded, if it could not. */
  monacoError: string | null;
  script: OpenScript;
  /** An older version shown read-only; null: the editable latest version (or its unsaved draft). */
  viewing: ScriptVersion | null;
  /** Names the text shown (see useScriptEditing). */
  documentKey: string;
  text: string;
  dirty: boolean;
  saving: boolean;
  runtimeError: RuntimeError | null;
  editorRef: Ref<ScriptEditorHandle>;
  onChange: (text: string) => void;
  onSave: () => void;
  onDiscard: () => void;
  onHistory: () => void;
  onRename: () => void;
  onDelete: () => void;
  onBackToLatest: () => void;
  onRestoreViewing: () => void;
  /** Compile errors and run failures, under the editor. */
  children?: ReactNode;
}

/** The open script: its name and version, Save and the other actions, and the editor. */
export function ScriptEditorPanel({
  monaco,
  monacoError,
  script,
  viewing,
  documentKey,
  text,
  dirty,
  saving,
  runtimeError,
  editorRef,
  onChange,
  onSave,
  onDiscard,
  onHistory,
  onRename,
  onDelete,
  onBackToLatest,
  onRestoreViewing,
  children,
}: Props) {
  const { summary, latest } = script;
  const shown = viewing ?? latest;
  return (
    <Panel
      title={summary.name}
      className="script-editor-panel"
      subtitle={
        <span className="script-editor-panel__status">
          <span>
            Version {shown.version} of {summary.latestVersion} · saved {formatDateTime(shown.savedAt)} ·{' '}
            {formatBytes(shown.bytes)}
          </span>
          {viewing ? <span className="badge badge--quiet">Read-only</span> : null}
          {dirty && !viewing ? (
            <>
              <span className="badge badge--warning" data-testid="unsaved-indicator">
                Unsaved changes
              </span>
              <button type="button" className="text-button" onClick={onDiscard}>
                Discard changes
              </button>
            </>
          ) : null}
        </span>
      }
      actions={
        <>
          <button
            type="button"
            className="button button--small"
            onClick={onSave}
            disabled={!dirty || saving || viewing !== null}
            title="Save a new version (Ctrl+S, ⌘S)"
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button--small" onClick={onHistory}>
            History…
          </button>
          <button type="button" className="button button--small" onClick={onRename}>
            Rename…
          </button>
          <button type="button" className="button button--small button--danger" onClick={onDelete}>
            Delete…
          </button>
        </>
      }
    >
      {viewing ? (
        <div className="message message--warning viewing-banner" role="status">
          <span>
            Showing version {viewing.version} of {summary.name}, read-only. Run uses this version.
          </span>
          <span className="viewing-banner__actions">
            <button
              type="button"
              className="button button--small"
              onClick={onRestoreViewing}
              disabled={dirty}
            >
              Restore as new version
            </button>
            <button type="button" className="button button--small" onClick={onBackToLatest}>
              Back to the latest version
            </button>
          </span>
        </div>
      ) : null}
      <div className="script-editor-frame">
        {monaco ? (
          <ScriptEditor
            ref={editorRef}
            monaco={monaco}
            documentKey={documentKey}
            text={text}
            readOnly={viewing !== null}
            onChange={onChange}
            onSave={onSave}
            runtimeError={runtimeError}
            label={`Script ${summary.name}${viewing ? `, version ${viewing.version}, read-only` : ''}`}
          />
        ) : (
          <div className="script-editor-frame__placeholder">
            {monacoError ? <span className="field__error">{monacoError}</span> : 'Loading the editor…'}
          </div>
        )}
      </div>
      {children}
    </Panel>
  );
}
