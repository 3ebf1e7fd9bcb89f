import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { formatCount } from '../../format';

/** The dataset a view works on; the choice is shared by every view. */
export function DatasetPicker({
  datasets,
  value,
  onChange,
}: {
  datasets: DatasetSummary[];
  value: number;
  onChange: (id: number) => void;
}) {
  return (
    <label className="field field--inline">
      <span className="field__label">Dataset</span>
      <select
        className="select select--wide"
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
