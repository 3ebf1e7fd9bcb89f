import type { CalibratorMethod } from '../../../../shared/calibration/calibrator-method';
import type { WalkForwardSettings } from '../../state/workbench-state';
import { CALIBRATOR_METHODS } from '../calibrate/CalibratorChecklist';
import { methodInfo } from './calibration-labels';
import { PeriodSelect } from './PeriodSelect';

const clampInt = (text: string, min: number, max: number): number | null => {
  const value = Math.round(Number(text));
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
};

/** The walk-forward setup: which calibrator, per what period, and over which training window. */
export function WalkForwardFields({
  settings,
  onChange,
}: {
  settings: WalkForwardSettings;
  onChange: (patch: Partial<WalkForwardSettings>) => void;
}) {
  return (
    <div className="settings-bar" role="group" aria-label="Walk-forward settings">
      <label className="field field--inline">
        <span className="field__label">Method</span>
        <select
          className="select"
          value={settings.method}
          onChange={(event) => onChange({ method: event.target.value as CalibratorMethod })}
        >
          {CALIBRATOR_METHODS.map((method) => (
            <option key={method} value={method}>
              {methodInfo(method).label}
            </option>
          ))}
        </select>
      </label>
      <PeriodSelect value={settings.period} onChange={(period) => onChange({ period })} />
      <label className="field field--inline">
        <span className="field__label">Window</span>
        <select
          className="select"
          aria-label="Training window"
          value={settings.window}
          onChange={(event) => onChange({ window: event.target.value as 'expanding' | 'rolling' })}
        >
          <option value="expanding">Expanding (all past periods)</option>
          <option value="rolling">Rolling (last N periods)</option>
        </select>
      </label>
      {settings.window === 'rolling' ? (
        <label className="field field--inline">
          <span className="field__label">N</span>
          <input
            type="number"
            className="input input--number"
            aria-label="Periods in the rolling window"
            min={1}
            max={520}
            value={settings.rollingPeriods}
            onChange={(event) => {
              const value = clampInt(event.target.value, 1, 520);
              if (value !== null) onChange({ rollingPeriods: value });
            }}
          />
        </label>
      ) : null}
      <label
        className="field field--inline"
        title="Periods in the first training window; the first test period follows them"
      >
        <span className="field__label">First window</span>
        <input
          type="number"
          className="input input--number"
          aria-label="Periods in the first training window"
          min={1}
          max={520}
          value={settings.initialPeriods}
          onChange={(event) => {
            const value = clampInt(event.target.value, 1, 520);
            if (value !== null) onChange({ initialPeriods: value });
          }}
        />
        <span className="muted">periods</span>
      </label>
    </div>
  );
}

/** The walk-forward request part of a setup. */
export function walkForwardRequest(settings: WalkForwardSettings, options: Record<string, unknown>) {
  return {
    method: { method: settings.method, options },
    period: settings.period,
    window:
      settings.window === 'expanding'
        ? ({ kind: 'expanding' } as const)
        : ({ kind: 'rolling', periods: settings.rollingPeriods } as const),
    initialPeriods: settings.initialPeriods,
  };
}
