import { DatasetGate } from '../shared/DatasetGate';
import { DiagnoseWorkspace } from './DiagnoseWorkspace';

/** The Diagnose view: picks the dataset, then leaves the work to DiagnoseWorkspace. */
export function DiagnoseView() {
  return (
    <DatasetGate
      title="Diagnose"
      headingId="diagnose-heading"
      emptyTitle="No dataset to diagnose"
      emptyText={
        <p>
          Diagnose shows how well a model’s predicted probabilities match the outcomes that happened. Import a
          file with a score and an outcome, or load the sample dataset, in the Datasets view first.
        </p>
      }
    >
      {(dataset, datasets, select) => (
        <DiagnoseWorkspace key={dataset.id} dataset={dataset} datasets={datasets} onSelect={select} />
      )}
    </DatasetGate>
  );
}
