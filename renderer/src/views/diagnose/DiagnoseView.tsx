import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useDatasetList } from '../../data/datasets-context';
import { viewHref } from '../../navigation/views';
import { useWorkbench } from '../../state/workbench-context';
import { DiagnoseWorkspace } from './DiagnoseWorkspace';

/** The Diagnose view: picks the dataset, then leaves the work to DiagnoseWorkspace. */
export function DiagnoseView() {
  const { datasets, error } = useDatasetList();
  const { datasetId, selectDataset } = useWorkbench();

  useEffect(() => {
    // Nothing chosen yet: the newest dataset is the likeliest one to look at.
    const newest = datasets?.[0];
    if (newest && (datasetId === null || !datasets.some((d) => d.id === datasetId))) selectDataset(newest.id);
  }, [datasets, datasetId, selectDataset]);

  const dataset = datasets?.find((d) => d.id === datasetId) ?? null;

  if (datasets === null) {
    return (
      <section className="view" aria-labelledby="diagnose-heading">
        <header className="view__header">
          <h1 id="diagnose-heading">Diagnose</h1>
        </header>
        <p className="muted">{error ? error.message : 'Reading the workspace…'}</p>
      </section>
    );
  }
  if (datasets.length === 0 || !dataset) {
    return (
      <section className="view" aria-labelledby="diagnose-heading">
        <header className="view__header">
          <h1 id="diagnose-heading">Diagnose</h1>
        </header>
        <EmptyState
          title="No dataset to diagnose"
          actions={
            <a className="button button--primary" href={viewHref('datasets')}>
              Go to Datasets
            </a>
          }
        >
          <p>
            Diagnose shows how well a model’s predicted probabilities match the outcomes that happened. Import
            a file with a score and an outcome, or load the sample dataset, in the Datasets view first.
          </p>
        </EmptyState>
      </section>
    );
  }
  return (
    <DiagnoseWorkspace key={dataset.id} dataset={dataset} datasets={datasets} onSelect={selectDataset} />
  );
}
