import { DatasetGate } from '../shared/DatasetGate';
import { ScriptsWorkspace } from './ScriptsWorkspace';

/** The Scripts view: picks the dataset, then leaves the work to ScriptsWorkspace. */
export function ScriptsView() {
  return (
    <DatasetGate
      title="Scripts"
      headingId="scripts-heading"
      emptyTitle="No dataset to fit a script to"
      emptyText={
        <p>
          A scoring script is fitted to a dataset’s outcomes and compared with its production score. Import a
          file with an outcome column, or load the sample dataset, in the Datasets view first.
        </p>
      }
    >
      {(dataset, datasets, select) => (
        <ScriptsWorkspace dataset={dataset} datasets={datasets} onSelect={select} />
      )}
    </DatasetGate>
  );
}
