import { useEffect, type ReactNode } from 'react';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { EmptyState } from '../../components/EmptyState';
import { useDatasetList } from '../../data/datasets-context';
import { viewHref } from '../../navigation/views';
import { useWorkbench } from '../../state/workbench-context';

interface Props {
  title: string;
  headingId: string;
  /** What the view needs a dataset for, shown when there is none. */
  emptyTitle: string;
  emptyText: ReactNode;
  children: (dataset: DatasetSummary, datasets: DatasetSummary[], select: (id: number) => void) => ReactNode;
}

/**
 * The frame of a view that works on one dataset: picks the shared selection (the newest dataset
 * when none is chosen), explains what to do when the workspace is empty, and otherwise renders
 * the view's work for the chosen dataset.
 */
export function DatasetGate({ title, headingId, emptyTitle, emptyText, children }: Props) {
  const { datasets, error } = useDatasetList();
  const { datasetId, selectDataset } = useWorkbench();

  useEffect(() => {
    const newest = datasets?.[0];
    if (newest && (datasetId === null || !datasets.some((d) => d.id === datasetId))) selectDataset(newest.id);
  }, [datasets, datasetId, selectDataset]);

  const dataset = datasets?.find((d) => d.id === datasetId) ?? null;
  if (datasets === null || datasets.length === 0 || !dataset) {
    return (
      <section className="view" aria-labelledby={headingId}>
        <header className="view__header">
          <h1 id={headingId}>{title}</h1>
        </header>
        {datasets === null ? (
          <p className="muted">{error ? error.message : 'Reading the workspace…'}</p>
        ) : (
          <EmptyState
            title={emptyTitle}
            actions={
              <a className="button button--primary" href={viewHref('datasets')}>
                Go to Datasets
              </a>
            }
          >
            {emptyText}
          </EmptyState>
        )}
      </section>
    );
  }
  return <>{children(dataset, datasets, selectDataset)}</>;
}
