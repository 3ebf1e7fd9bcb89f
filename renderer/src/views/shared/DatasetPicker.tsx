import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { formatCount } from '../../format';

/**
 * A choice of dataset, by name with its row count. Inline (the default) it is the dataset a view
 * works on, a choice every view shares; stacked, a field of a form (e.g. the dataset to score).
 */
export function DatasetPicker({
  datasets,
  value,
  onChange,
  stacked = false,
}: {
  datasets: DatasetSummary[];
  value: number;
  onChange: (id: number) => void;
  stacked?: boolean;
}) {
  return (
    <label className={stacked ? 'field' : 'field field--inline'}>
      <span className="field__label">Dataset</span>
      <select
        className={stacked ? 'select' : 'select select--wide'}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} ({formatCount(d.rows)} rows)
          </option>
        ))}
      </select>
    </label>
  );
}
