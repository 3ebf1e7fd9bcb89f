import { useState } from 'react';
import type { ModelSummary } from '../../../../../shared/api/calls/model-calls';
import { useApi } from '../../../api/api-context';
import { SavePathDialog } from '../../../components/SavePathDialog';
import { WrittenFile } from '../../../components/WrittenFile';
import { folderOf, joinPath, safeFileName, useAppInfo } from '../../../data/app-info';
import { platform } from '../../../platform/platform';
import { useWorkbench } from '../../../state/workbench-context';

/**
 * Every run is kept as a model (with the script's source, parameters and test metrics): open it in
 * Models, or write its parameter file from here as the Models view does.
 */
export function SavedModelBar({ model }: { model: ModelSummary }) {
  const api = useApi();
  const info = useAppInfo();
  const { updateModels, showView } = useWorkbench();
  const [asking, setAsking] = useState(false);
  const [written, setWritten] = useState<{ path: string; bytes: number } | null>(null);
  const defaultPath = joinPath(
    info ? folderOf(info.workspacePath) : '',
    `${safeFileName(model.name)}.params.json`,
  );

  const save = async (path: string) => {
    const answer = await api.call('models.exportParams', { model: { id: model.id }, path });
    setWritten({ path: answer.path, bytes: answer.bytes });
    setAsking(false);
  };
  const ask = async () => {
    if (platform.canPickSavePath) {
      const picked = await platform.pickSavePath(defaultPath);
      if (picked) await save(picked);
      return;
    }
    setAsking(true);
  };

  return (
    <div className="saved-model">
      <div className="banner banner--ok" role="status">
        <span>
          Kept as model <strong>{model.name}</strong>.
        </span>
        <span className="saved-model__actions">
          <button type="button" className="button button--small" onClick={() => void ask()}>
            Export parameter file…
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              updateModels({ selectedId: model.id });
              showView('models');
            }}
          >
            Open in Models
          </button>
        </span>
      </div>
      {written ? <WrittenFile label="Parameter file" path={written.path} bytes={written.bytes} /> : null}
      {asking ? (
        <SavePathDialog
          title="Save parameter file"
          description={
            <>
              Writes the parameter file of <strong>{model.name}</strong>: the script’s source, its fitted
              parameters and provenance, with a content hash. Check it later with <code>scorecal verify</code>
              .
            </>
          }
          defaultPath={defaultPath}
          confirmLabel="Save"
          onClose={() => setAsking(false)}
          onSave={save}
        />
      ) : null}
    </div>
  );
}
