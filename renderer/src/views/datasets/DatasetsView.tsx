import { useState } from 'react';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { useApi } from '../../api/api-context';
import { useLongCall } from '../../api/use-long-call';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ProgressPanel } from '../../components/ProgressPanel';
import { RenameDialog } from '../../components/RenameDialog';
import { useDatasetList } from '../../data/datasets-context';
import { formatCount } from '../../format';
import { useWorkbench } from '../../state/workbench-context';
import { DatasetDetailsPanel } from './DatasetDetailsPanel';
import { DatasetTable } from './DatasetTable';
import { ImportWizard } from './import/ImportWizard';

type OpenDialog =
  | { kind: 'import' }
  | { kind: 'rename'; dataset: DatasetSummary }
  | { kind: 'delete'; dataset: DatasetSummary };

/** What is in the workspace: the list, the selected dataset's details, import, rename, delete. */
export function DatasetsView() {
  const api = useApi();
  const { datasets, error: listError, refresh } = useDatasetList();
  const { datasetId, selectDataset, showView, forgetDataset } = useWorkbench();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [dismissedFailure, setDismissedFailure] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const sample = useLongCall<DatasetSummary>();

  const selected = datasets?.find((dataset) => dataset.id === datasetId) ?? null;

  const loadSample = async () => {
    setDismissedFailure(false);
    setNotice(null);
    const loaded = await sample.run((options) => api.call('datasets.loadSample', {}, options));
    if (loaded) {
      await refresh();
      selectDataset(loaded.id);
    }
  };

  const diagnose = (id: number) => {
    selectDataset(id);
    showView('diagnose');
  };

  const running = sample.state.status === 'running';
  const failure = sample.state.status === 'failed' && !dismissedFailure ? sample.state.error : null;

  return (
    <section className="view" aria-labelledby="datasets-heading">
      <header className="view__header">
        <div>
          <h1 id="datasets-heading">Datasets</h1>
          <p className="view__subtitle">Data imported into this workspace, with where it came from.</p>
        </div>
        <div className="view__actions">
          <button type="button" className="button" onClick={() => void loadSample()} disabled={running}>
            Load sample dataset
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setDialog({ kind: 'import' })}
          >
            Import file…
          </button>
        </div>
      </header>

      {running ? (
        <ProgressPanel
          label="Loading the sample dataset"
          progress={sample.state.status === 'running' ? sample.state.progress : null}
          onCancel={sample.cancel}
        />
      ) : null}
      {sample.state.status === 'cancelled' ? (
        <p className="notice">Loading the sample was cancelled; nothing was added to the workspace.</p>
      ) : null}
      {notice ? (
        <p className="message message--info" role="status">
          {notice}
        </p>
      ) : null}
      {failure ? <ErrorBanner error={failure} onDismiss={() => setDismissedFailure(true)} /> : null}
      {listError ? <ErrorBanner error={listError} onDismiss={() => void refresh()} /> : null}

      {datasets === null ? (
        <p className="muted">Reading the workspace…</p>
      ) : datasets.length === 0 ? (
        <EmptyState title="No datasets yet">
          <p>
            Use <strong>Import file…</strong> to bring in a CSV, JSON Lines or Parquet file with a model score
            and the observed 0/1 outcome, or <strong>Load sample dataset</strong> for the bundled synthetic
            liquidation sample (100,000 positions over two years) to explore Scorecal.
          </p>
        </EmptyState>
      ) : (
        <>
          <DatasetTable
            datasets={datasets}
            selectedId={datasetId}
            onSelect={(id) => selectDataset(id)}
            onOpen={diagnose}
          />
          {selected ? (
            <DatasetDetailsPanel
              dataset={selected}
              onDiagnose={() => diagnose(selected.id)}
              onRename={() => setDialog({ kind: 'rename', dataset: selected })}
              onDelete={() => setDialog({ kind: 'delete', dataset: selected })}
            />
          ) : (
            <p className="notice">
              Select a dataset to see its columns and provenance, or to rename or delete it.
            </p>
          )}
        </>
      )}

      {dialog?.kind === 'import' ? (
        <ImportWizard
          onClose={() => setDialog(null)}
          onImported={(dataset) => {
            void refresh();
            selectDataset(dataset.id);
          }}
          onDiagnose={(dataset) => {
            setDialog(null);
            diagnose(dataset.id);
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <RenameDialog
          title="Rename dataset"
          name={dialog.dataset.name}
          onClose={() => setDialog(null)}
          rename={(newName) => api.call('datasets.rename', { dataset: { id: dialog.dataset.id }, newName })}
          onRenamed={(renamed) => {
            setDialog(null);
            setNotice(`Renamed “${dialog.dataset.name}” to “${renamed.name}”.`);
            void refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDeleteDialog
          title="Delete dataset?"
          confirmLabel="Delete dataset"
          onClose={() => setDialog(null)}
          remove={async () =>
            (await api.call('datasets.delete', { dataset: { id: dialog.dataset.id } })).deleted
          }
          onDeleted={(deleted) => {
            setDialog(null);
            forgetDataset(deleted.id);
            setNotice(`Deleted “${deleted.name}”.`);
            void refresh();
          }}
        >
          <strong>{dialog.dataset.name}</strong> ({formatCount(dialog.dataset.rows)} rows) will be deleted
          from the workspace and its data overwritten. This cannot be undone; the source file{' '}
          <code>{dialog.dataset.sourceName}</code> is not touched.
        </ConfirmDeleteDialog>
      ) : null}
    </section>
  );
}
