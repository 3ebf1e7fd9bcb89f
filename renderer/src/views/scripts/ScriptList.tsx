import type { ScriptSummary } from '../../../../shared/api/calls/script-calls';
import { Panel } from '../../components/Panel';
import { formatDateTime } from '../../format';

interface Props {
  scripts: ScriptSummary[];
  selectedId: number | null;
  /** Ids of scripts with unsaved edits. */
  unsaved: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onNew: () => void;
}

/** The saved scripts, most recently changed first; the open one is highlighted. */
export function ScriptList({ scripts, selectedId, unsaved, onSelect, onNew }: Props) {
  return (
    <Panel
      title="Scripts"
      subtitle={`${scripts.length} in this workspace`}
      className="script-list-panel"
      actions={
        <button type="button" className="button button--small" onClick={onNew}>
          New…
        </button>
      }
    >
      {scripts.length === 0 ? (
        <p className="muted script-list__empty">None yet: start from an example.</p>
      ) : (
        <ul className="script-list" aria-label="Saved scripts">
          {scripts.map((script) => {
            const selected = script.id === selectedId;
            return (
              <li key={script.id}>
                <button
                  type="button"
                  className={`script-list__item${selected ? ' is-selected' : ''}`}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(script.id)}
                >
                  <span className="script-list__name">
                    {script.name}
                    {unsaved.has(script.id) ? (
                      <span className="unsaved-dot" title="Unsaved changes" aria-label="unsaved changes" />
                    ) : null}
                  </span>
                  <span className="script-list__meta">
                    v{script.latestVersion} · {formatDateTime(script.updatedAt)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
