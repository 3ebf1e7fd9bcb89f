import { SegmentedControl } from '../../components/SegmentedControl';
import { BIN_COUNTS, type DiagnoseSettings } from '../../state/workbench-state';

interface Props {
  settings: DiagnoseSettings;
  onChange: (patch: Partial<DiagnoseSettings>) => void;
}

/** How the reliability diagram bins the scores and which interval it draws. */
export function DiagnoseSettingsBar({ settings, onChange }: Props) {
  const counts: readonly number[] = BIN_COUNTS.includes(settings.bins as (typeof BIN_COUNTS)[number])
    ? BIN_COUNTS
    : [...BIN_COUNTS, settings.bins].sort((a, b) => a - b);
  return (
    <div className="settings-bar" role="group" aria-label="Diagnostic settings">
      <label className="field field--inline">
        <span className="field__label">Bins</span>
        <select
          className="select"
          value={settings.bins}
          onChange={(event) => onChange({ bins: Number(event.target.value) })}
        >
          {counts.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </label>
      <SegmentedControl
        label="Binning"
        name="binning"
        value={settings.binning}
        onChange={(binning) => onChange({ binning })}
        options={[
          { value: 'uniform', label: 'Uniform', title: 'Bins of equal width in predicted probability' },
          { value: 'quantile', label: 'Quantile', title: 'Bins with equal numbers of rows' },
        ]}
      />
      <SegmentedControl
        label="Interval"
        name="interval"
        value={settings.interval}
        onChange={(interval) => onChange({ interval })}
        options={[
          { value: 'wilson', label: 'Wilson', title: 'Wilson score interval of each observed rate' },
          {
            value: 'jeffreys',
            label: 'Jeffreys',
            title: 'Jeffreys (Bayesian) interval of each observed rate',
          },
        ]}
      />
    </div>
  );
}
