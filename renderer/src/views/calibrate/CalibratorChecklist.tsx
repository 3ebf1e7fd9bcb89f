import type { CalibratorMethod } from '../../../../shared/calibration/calibrator-method';
import type { CalibratorOptions } from '../../state/workbench-state';
import { methodInfo } from '../shared/calibration-labels';

export const CALIBRATOR_METHODS: readonly CalibratorMethod[] = [
  'platt',
  'temperature',
  'isotonic',
  'beta',
  'histogram',
  'spline',
  'venn-abers',
  'base-rate',
];

interface Props {
  selected: readonly CalibratorMethod[];
  options: CalibratorOptions;
  onSelect: (methods: CalibratorMethod[]) => void;
  onOptions: (patch: Partial<CalibratorOptions>) => void;
}

/** The calibrators to fit, several at once, each with its few key options beside it. */
export function CalibratorChecklist({ selected, options, onSelect, onOptions }: Props) {
  const toggle = (method: CalibratorMethod, on: boolean) =>
    onSelect(CALIBRATOR_METHODS.filter((m) => (m === method ? on : selected.includes(m))));

  const optionFields = (method: CalibratorMethod) => {
    const enabled = selected.includes(method);
    switch (method) {
      case 'platt':
        return (
          <label className="field field--inline">
            <span className="field__label">Targets</span>
            <select
              className="select select--compact"
              disabled={!enabled}
              value={options.plattTargets}
              onChange={(event) => onOptions({ plattTargets: event.target.value as 'labels' | 'platt' })}
            >
              <option value="labels">0/1 labels</option>
              <option value="platt">Platt’s smoothed</option>
            </select>
          </label>
        );
      case 'isotonic':
        return (
          <label className="check check--small">
            <input
              type="checkbox"
              disabled={!enabled}
              checked={options.isotonicPreserveRanking}
              onChange={(event) => onOptions({ isotonicPreserveRanking: event.target.checked })}
            />
            <span>Preserve ranking (AUC unchanged)</span>
          </label>
        );
      case 'histogram':
        return (
          <span className="method-card__options-row">
            <label className="field field--inline">
              <span className="field__label">Bins</span>
              <input
                type="number"
                className="input input--compact input--number"
                min={2}
                max={1000}
                disabled={!enabled}
                value={options.histogramBins}
                onChange={(event) => {
                  const bins = Math.round(Number(event.target.value));
                  if (bins >= 2 && bins <= 1000) onOptions({ histogramBins: bins });
                }}
              />
            </label>
            <select
              className="select select--compact"
              aria-label="Histogram binning"
              disabled={!enabled}
              value={options.histogramBinning}
              onChange={(event) =>
                onOptions({ histogramBinning: event.target.value as 'uniform' | 'quantile' })
              }
            >
              <option value="quantile">quantile</option>
              <option value="uniform">uniform</option>
            </select>
          </span>
        );
      case 'spline':
        return (
          <span className="method-card__options-row">
            <label className="field field--inline">
              <span className="field__label">Segments</span>
              <input
                type="number"
                className="input input--compact input--number"
                min={1}
                max={100}
                disabled={!enabled}
                value={options.splineSegments}
                onChange={(event) => {
                  const segments = Math.round(Number(event.target.value));
                  if (segments >= 1 && segments <= 100) onOptions({ splineSegments: segments });
                }}
              />
            </label>
            <label className="check check--small">
              <input
                type="checkbox"
                disabled={!enabled}
                checked={options.splineMonotone}
                onChange={(event) => onOptions({ splineMonotone: event.target.checked })}
              />
              <span>Monotone</span>
            </label>
          </span>
        );
      case 'base-rate':
        return (
          <label className="field field--inline">
            <span className="field__label">Target rate (%)</span>
            <input
              type="number"
              className="input input--compact input--number"
              min={0.01}
              max={99.99}
              step="any"
              placeholder="data"
              title="Long-run event rate the mean prediction should meet; empty: the training rows' rate"
              disabled={!enabled}
              value={
                options.baseRateTarget === null ? '' : Number((options.baseRateTarget * 100).toPrecision(6))
              }
              onChange={(event) => {
                if (event.target.value === '') return onOptions({ baseRateTarget: null });
                const rate = Number(event.target.value) / 100;
                if (rate > 0 && rate < 1) onOptions({ baseRateTarget: rate });
              }}
            />
          </label>
        );
      default:
        return <span className="muted method-card__none">No options</span>;
    }
  };

  return (
    <fieldset className="method-list">
      <legend className="field__label">Calibrators</legend>
      {CALIBRATOR_METHODS.map((method) => {
        const on = selected.includes(method);
        return (
          <div key={method} className={`method-card${on ? ' is-on' : ''}`}>
            <label className="check method-card__name" title={methodInfo(method).help}>
              <input
                type="checkbox"
                checked={on}
                onChange={(event) => toggle(method, event.target.checked)}
              />
              <span>{methodInfo(method).label}</span>
            </label>
            <div className="method-card__options">{optionFields(method)}</div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The options of each chosen method as the engine expects them (docs/calibrators.md). */
export function methodRequests(
  methods: readonly CalibratorMethod[],
  options: CalibratorOptions,
): Array<{ method: CalibratorMethod; options: Record<string, unknown> }> {
  return CALIBRATOR_METHODS.filter((method) => methods.includes(method)).map((method) => ({
    method,
    options: optionsOf(method, options),
  }));
}

export function optionsOf(method: CalibratorMethod, options: CalibratorOptions): Record<string, unknown> {
  switch (method) {
    case 'platt':
      return { targets: options.plattTargets };
    case 'isotonic':
      return { preserveRanking: options.isotonicPreserveRanking };
    case 'histogram':
      return { bins: options.histogramBins, binning: options.histogramBinning };
    case 'spline':
      return { segments: options.splineSegments, monotone: options.splineMonotone };
    case 'base-rate':
      return options.baseRateTarget === null ? {} : { targetRate: options.baseRateTarget };
    default:
      return {};
  }
}
