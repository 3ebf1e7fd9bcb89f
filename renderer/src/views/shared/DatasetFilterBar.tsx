import { useWorkbench } from '../../state/workbench-context';
import type { DiagnoseColumns } from '../diagnose/diagnose-columns';
import { FilterBar } from '../diagnose/FilterBar';
import type { DatasetColumns } from './use-dataset-columns';

/**
 * The filter bar of a dataset, bound to the filter the workbench keeps for that dataset; nothing
 * until its columns are read.
 */
export function DatasetFilterBar({
  datasetId,
  columns,
  segmentValues,
}: {
  datasetId: number;
  columns: DiagnoseColumns | null;
  segmentValues: DatasetColumns['segmentValues'];
}) {
  const { filterOf, setFilter } = useWorkbench();
  if (!columns) return null;
  return (
    <FilterBar
      filter={filterOf(datasetId)}
      onChange={(next) => setFilter(datasetId, next)}
      time={columns.time}
      segmentColumns={columns.segments}
      segmentValues={segmentValues}
    />
  );
}
