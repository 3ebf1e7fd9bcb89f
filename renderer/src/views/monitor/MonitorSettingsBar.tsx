import type { MonitorSettings, Thresholds } from '../../state/workbench-state';
import { PeriodSelect } from '../shared/PeriodSelect';

interface Props {
  settings: MonitorSettings;
  onChange: (patch: Partial<MonitorSettings>) => void;
}

function NumberField({
  label,
  title,
  value,
  min,
  max,
  step,
  onChange,
}: {
  label: string;
  title: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="field field--inline" title={title}>
      <span className="field__label">{label}</span>
      <input
        type="number"
        className="input input--number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => {
          const next = Number(event.target.value);
          if (event.target.value !== '' && Number.isFinite(next) && next >= min && next <= max)
            onChange(next);
        }}
      />
    </label>
  );
}

/** The period of the drift analysis, its PSI reference and the alert thresholds (remembered). */
export function MonitorSettingsBar({ settings, onChange }: Props) {
  const thresholds = settings.thresholds;
  const setThreshold = (patch: Partial<Thresholds>) => onChange({ thresholds: { ...thresholds, ...patch } });
  return (
    <div className="settings-bar" role="group" aria-label="Drift settings">
      <PeriodSelect value={settings.period} onChange={(period) => onChange({ period })} />
      <NumberField
        label="PSI reference (periods)"
        title="The first N periods are the baseline score distribution of the PSI"
        value={settings.referencePeriods}
        min={1}
        max={520}
        step={1}
        onChange={(referencePeriods) => onChange({ referencePeriods: Math.round(referencePeriods) })}
      />
      <span className="settings-bar__group" role="group" aria-label="Alert thresholds">
        <span className="settings-bar__title">Alert thresholds</span>
        <NumberField
          label="PSI warning"
          title="PSI at or above: watch (yellow). Rule of thumb: 0.1"
          value={thresholds.psiWarning}
          min={0.001}
          max={10}
          step={0.01}
          onChange={(psiWarning) => setThreshold({ psiWarning })}
        />
        <NumberField
          label="PSI alert"
          title="PSI at or above: act (red). Rule of thumb: 0.25"
          value={thresholds.psiAlert}
          min={0.001}
          max={10}
          step={0.01}
          onChange={(psiAlert) => setThreshold({ psiAlert })}
        />
        <NumberField
          label="H–L p below"
          title="A Hosmer–Lemeshow p-value below this flags a period"
          value={thresholds.hosmerLemeshowP}
          min={0.0001}
          max={0.5}
          step={0.001}
          onChange={(hosmerLemeshowP) => setThreshold({ hosmerLemeshowP })}
        />
        <NumberField
          label="|O/E − 1| above"
          title="An observed/expected ratio further than this from 1 flags a period"
          value={thresholds.oeTolerance}
          min={0.01}
          max={10}
          step={0.05}
          onChange={(oeTolerance) => setThreshold({ oeTolerance })}
        />
      </span>
    </div>
  );
}
