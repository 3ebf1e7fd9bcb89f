import { PERIODS, type Period } from '../../state/workbench-state';

/** The calendar period (UTC) rows are grouped by. */
export function PeriodSelect({
  value,
  onChange,
  disabled,
}: {
  value: Period;
  onChange: (period: Period) => void;
  disabled?: boolean;
}) {
  return (
    <label className="field field--inline">
      <span className="field__label">Period</span>
      <select
        className="select"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Period)}
      >
        {PERIODS.map((period) => (
          <option key={period} value={period}>
            {period}
          </option>
        ))}
      </select>
    </label>
  );
}
