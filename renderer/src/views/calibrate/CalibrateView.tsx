import { DatasetGate } from '../shared/DatasetGate';
import { CalibrateWorkspace } from './CalibrateWorkspace';

/** The Calibrate view: picks the dataset, then leaves the work to CalibrateWorkspace. */
export function CalibrateView() {
  return (
    <DatasetGate
      title="Calibrate"
      headingId="calibrate-heading"
      emptyTitle="No dataset to calibrate"
      emptyText={
        <p>
          Calibrate fits maps from the model’s score to calibrated probabilities and compares them out of
          sample. Import a file with a score and an outcome, or load the sample dataset, in the Datasets view
          first.
        </p>
      }
    >
      {(dataset, datasets, select) => (
        <CalibrateWorkspace key={dataset.id} dataset={dataset} datasets={datasets} onSelect={select} />
      )}
    </DatasetGate>
  );
}
