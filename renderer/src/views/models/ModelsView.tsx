import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { ModelDetails, ModelSummary } from '../../../../shared/api/calls/model-calls';
import { useApi } from '../../api/api-context';
import { useEngineQuery } from '../../api/use-engine-query';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { RenameDialog } from '../../components/RenameDialog';
import { useDatasetList } from '../../data/datasets-context';
import { viewHref } from '../../navigation/views';
import { useWorkbench } from '../../state/workbench-context';
import { methodInfo } from '../shared/calibration-labels';
import { ExportPanel } from './ExportPanel';
import { ModelComparison } from './ModelComparison';
import { ModelDetailsPanels } from './ModelDetails';
import { ModelTable } from './ModelTable';

/** The kept models: the history, one model's page with its exports, and a comparison of two. */
export function ModelsView() {
  const api = useApi();
  const { datasets } = useDatasetList();
  const { models: selection, updateModels } = useWorkbench();
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);

  const refresh = useCallback(async () => {
    try {
      setModels((await api.call('models.list', {})).models);
      setListError(null);
    } catch (caught) {
      setListError(ApiError.from(caught));
    }
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A remembered model that is gone is forgotten; with none chosen, the newest opens.
  useEffect(() => {
    if (!models) return;
    const exists = (id: number | null) => id !== null && models.some((m) => m.id === id);
    const selectedId = exists(selection.selectedId) ? selection.selectedId : (models[0]?.id ?? null);
    const compareId =
      exists(selection.compareId) && selection.compareId !== selectedId ? selection.compareId : null;
    if (selectedId !== selection.selectedId || compareId !== selection.compareId)
      updateModels({ selectedId, compareId });
  }, [models, selection.selectedId, selection.compareId, updateModels]);

  const selected = models?.find((m) => m.id === selection.selectedId) ?? null;
  const compared = models?.find((m) => m.id === selection.compareId) ?? null;
  const details = useEngineQuery<ModelDetails>(
    selected ? `model:${selected.id}:${selected.name}` : null,
    () => api.call('models.get', { id: selected?.id as number }),
  );
  const comparedDetails = useEngineQuery<ModelDetails>(
    compared ? `model:${compared.id}:${compared.name}` : null,
    () => api.call('models.get', { id: compared?.id as number }),
  );

  return (
    <section className="view view--wide" aria-labelledby="models-heading">
      <header className="view__header">
        <div>
          <h1 id="models-heading">Models</h1>
          <p className="view__subtitle">
            Kept calibration maps: compare them, export them, apply them to new data.
          </p>
        </div>
      </header>
      {listError ? <ErrorBanner error={listError} /> : null}
      {models === null ? (
        <p className="muted">{listError ? '' : 'Reading the workspace…'}</p>
      ) : models.length === 0 ? (
        <EmptyState
          title="No models kept yet"
          actions={
            <a className="button button--primary" href={viewHref('calibrate')}>
              Go to Calibrate
            </a>
          }
        >
          <p>
            A model is one fitted calibration map with its test metrics and provenance. Run calibrators in the
            Calibrate view and press <strong>Keep as model…</strong> on the row you want; it appears here for
            comparison, export of its parameter file and report, and scoring of new data.
          </p>
        </EmptyState>
      ) : (
        <>
          <Panel
            title="Kept models"
            subtitle={`${models.length} model${models.length === 1 ? '' : 's'}, newest first · metrics on each model’s test rows`}
          >
            <ModelTable
              models={models}
              selectedId={selection.selectedId}
              compareId={selection.compareId}
              onSelect={(id) =>
                updateModels({
                  selectedId: id,
                  compareId: selection.compareId === id ? null : selection.compareId,
                })
              }
            />
          </Panel>

          {selected ? (
            <>
              <div className="model-header">
                <div>
                  <h2 className="model-header__name">{selected.name}</h2>
                  <p className="muted">
                    {methodInfo(selected.method).label} · {selected.datasetName}
                  </p>
                </div>
                <div className="model-header__actions">
                  <label className="field field--inline">
                    <span className="field__label">Compare with</span>
                    <select
                      className="select"
                      value={selection.compareId ?? ''}
                      onChange={(event) =>
                        updateModels({
                          compareId: event.target.value === '' ? null : Number(event.target.value),
                        })
                      }
                    >
                      <option value="">No comparison</option>
                      {models
                        .filter((m) => m.id !== selected.id)
                        .map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.name}
                          </option>
                        ))}
                    </select>
                  </label>
                  <button type="button" className="button" onClick={() => setDialog('rename')}>
                    Rename…
                  </button>
                  <button type="button" className="button button--danger" onClick={() => setDialog('delete')}>
                    Delete…
                  </button>
                </div>
              </div>
              {details.error ? <ErrorBanner error={details.error} /> : null}
              {comparedDetails.error ? <ErrorBanner error={comparedDetails.error} /> : null}
              {compared &&
              details.value &&
              comparedDetails.value &&
              details.current &&
              comparedDetails.current ? (
                <ModelComparison a={details.value} b={comparedDetails.value} />
              ) : null}
              <ExportPanel key={selected.id} model={selected} compare={compared} datasets={datasets ?? []} />
              {details.value && details.current ? (
                <ModelDetailsPanels details={details.value} />
              ) : (
                <p className="muted">{details.error ? '' : 'Reading the model…'}</p>
              )}
            </>
          ) : null}

          {dialog === 'rename' && selected ? (
            <RenameDialog
              title="Rename model"
              name={selected.name}
              onClose={() => setDialog(null)}
              rename={(newName) => api.call('models.rename', { model: { id: selected.id }, newName })}
              onRenamed={() => {
                setDialog(null);
                void refresh();
              }}
            />
          ) : null}
          {dialog === 'delete' && selected ? (
            <ConfirmDeleteDialog
              title="Delete model?"
              confirmLabel="Delete model"
              onClose={() => setDialog(null)}
              remove={async () => (await api.call('models.delete', { model: { id: selected.id } })).deleted}
              onDeleted={(deleted) => {
                setDialog(null);
                // Drop it at once, so nothing asks the engine for a model that is gone.
                setModels((list) => list?.filter((m) => m.id !== deleted.id) ?? null);
                updateModels({ selectedId: null });
                void refresh();
              }}
            >
              <strong>{selected.name}</strong> will be deleted from the workspace. This cannot be undone; its
              dataset and any parameter file already saved are not touched.
            </ConfirmDeleteDialog>
          ) : null}
        </>
      )}
    </section>
  );
}
