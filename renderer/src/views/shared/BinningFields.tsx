import type { Binning } from '../../../../shared/metrics/bins';
import { SegmentedControl } from '../../components/SegmentedControl';
import { BIN_COUNTS } from '../../state/workbench-state';

interface Props {
  bins: number;
  binning: Binning;
  onChange: (patch: { bins?: number; binning?: Binning }) => void;
  /** The name of the radio group, unique within the page. */
  name: string;
  /** The view's default binning, offered first. */
  first: Binning;
  /** What quantile bins hold equal numbers of ("rows", "test rows"). */
  rows: string;
}

/** The bins of a reliability curve: how many, and of equal width or of equal numbers of rows. */
export function BinningFields({ bins, binning, onChange, name, first, rows }: Props) {
  // A remembered count that is not on the list is offered as well, so the select shows it.
  const counts: readonly number[] = BIN_COUNTS.includes(bins as (typeof BIN_COUNTS)[number])
    ? BIN_COUNTS
    : [...BIN_COUNTS, bins].sort((a, b) => a - b);
  const uniform = {
    value: 'uniform',
    label: 'Uniform',
    title: 'Bins of equal width in predicted probability',
  } as const;
  const quantile = {
    value: 'quantile',
    label: 'Quantile',
    title: `Bins with equal numbers of ${rows}`,
  } as const;
  return (
    <>
      <label className="field field--inline">
        <span className="field__label">Bins</span>
        <select
          className="select"
          value={bins}
          onChange={(event) => onChange({ bins: Number(event.target.value) })}
        >
          {counts.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </label>
      <SegmentedControl<Binning>
        label="Binning"
        name={name}
        value={binning}
        onChange={(next) => onChange({ binning: next })}
        options={first === 'uniform' ? [uniform, quantile] : [quantile, uniform]}
      />
    </>
  );
}
