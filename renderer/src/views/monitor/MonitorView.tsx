import { DatasetGate } from '../shared/DatasetGate';
import { MonitorWorkspace } from './MonitorWorkspace';

/** The Monitor view: picks the dataset, then leaves the work to MonitorWorkspace. */
export function MonitorView() {
  return (
    <DatasetGate
      title="Monitor"
      headingId="monitor-heading"
      emptyTitle="No dataset to monitor"
      emptyText={
        <p>
          Monitor shows how calibration moves over time and across market regimes and segments: drift per
          period with alerts, whether recalibrating every period pays, and per-segment maps. It needs a
          dataset with a score, an outcome and a time column; import one or load the sample dataset in the
          Datasets view first.
        </p>
      }
    >
      {(dataset, datasets, select) => (
        <MonitorWorkspace key={dataset.id} dataset={dataset} datasets={datasets} onSelect={select} />
      )}
    </DatasetGate>
  );
}
