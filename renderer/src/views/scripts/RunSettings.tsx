import { SegmentedControl } from '../../components/SegmentedControl';
import { formatDate } from '../../format';
import type { DiagnoseColumns } from '../diagnose/diagnose-columns';
import { BinningFields } from '../shared/BinningFields';
import { DatasetFilterBar } from '../shared/DatasetFilterBar';
import type { DatasetColumns } from '../shared/use-dataset-columns';
import { METHOD_HELP, METHOD_LABELS } from './script-labels';
import {
  SCRIPT_BOOTSTRAP_RESAMPLES,
  SCRIPT_METHODS,
  type ScriptMethod,
  type ScriptsSettings,
  type ScriptValidationChoice,
} from './scripts-settings';

interface Props {
  settings: ScriptsSettings;
  onChange: (patch: Partial<ScriptsSettings>) => void;
  datasetId: number;
  columns: DiagnoseColumns | null;
  segmentValues: DatasetColumns['segmentValues'];
  /** The out-of-time split used when none is chosen; null without a time column. */
  defaultSplit: number | null;
  /** Why Run is not possible now; null when it is. */
  problem: string | null;
  running: boolean;
  onRun: () => void;
}

const DAY_MS = 86_400_000;

/** How a run checks the fit out of sample, which optimiser it uses, how it measures, and Run. */
export function RunSettings({
  settings,
  onChange,
  datasetId,
  columns,
  segmentValues,
  defaultSplit,
  problem,
  running,
  onRun,
}: Props) {
  const time = columns?.time ?? null;
  const splitAt = settings.splitAt ?? defaultSplit;
  return (
    <div className="toolbar script-run-settings" role="group" aria-label="Run settings">
      <div className="settings-bar">
        <SegmentedControl<ScriptValidationChoice>
          label="Validation"
          name="script-validation"
          value={settings.scheme}
          onChange={(scheme) => onChange({ scheme })}
          options={[
            { value: 'none', label: 'None', title: 'Fit and measure on the same rows (optimistic)' },
            {
              value: 'holdout',
              label: 'Holdout',
              title: 'Stratified random split into training and test rows',
            },
            { value: 'time', label: 'Out of time', title: 'Train before a date, test from it on' },
          ]}
        />
        <div className="validation-settings__fields">
          {settings.scheme === 'none' ? (
            <span className="muted">Every row fits and measures: in-sample numbers flatter the script.</span>
          ) : null}
          {settings.scheme === 'holdout' ? (
            <>
              <label className="field field--inline">
                <span className="field__label">Test share (%)</span>
                <input
                  type="number"
                  className="input input--number"
                  min={5}
                  max={95}
                  value={Math.round(settings.testFraction * 100)}
                  onChange={(event) => {
                    const share = Number(event.target.value);
                    if (share >= 5 && share <= 95) onChange({ testFraction: share / 100 });
                  }}
                />
              </label>
              <label className="field field--inline" title="The random split is the same for the same seed">
                <span className="field__label">Seed</span>
                <input
                  type="number"
                  className="input input--number"
                  min={0}
                  value={settings.seed}
                  onChange={(event) => {
                    const seed = Math.round(Number(event.target.value));
                    if (Number.isFinite(seed) && seed >= 0 && seed < 2 ** 32) onChange({ seed });
                  }}
                />
              </label>
            </>
          ) : null}
          {settings.scheme === 'time' ? (
            time ? (
              <label className="field field--inline">
                <span className="field__label">Test from (UTC)</span>
                <input
                  type="date"
                  className="input input--date"
                  aria-label="First day of the test period (UTC)"
                  min={formatDate(time.min + DAY_MS)}
                  max={formatDate(time.max)}
                  value={splitAt === null ? '' : formatDate(splitAt)}
                  onChange={(event) => {
                    const ms = Date.parse(`${event.target.value}T00:00:00Z`);
                    onChange({ splitAt: Number.isFinite(ms) ? ms : null });
                  }}
                />
              </label>
            ) : (
              <span className="field__error">This dataset has no time column: choose another scheme.</span>
            )
          ) : null}
        </div>
      </div>
      <div className="settings-bar run-bar">
        <SegmentedControl<ScriptMethod>
          label="Optimiser"
          name="script-method"
          value={settings.method}
          onChange={(method) => onChange({ method })}
          options={SCRIPT_METHODS.map((method) => ({
            value: method,
            label: METHOD_LABELS[method],
            title: METHOD_HELP[method],
          }))}
        />
        <label
          className="field field--inline"
          title="The run stops when no evaluation of the objective finishes within this time"
        >
          <span className="field__label">Stall timeout (s)</span>
          <input
            type="number"
            className="input input--number"
            min={1}
            max={600}
            value={settings.stallTimeoutSeconds}
            onChange={(event) => {
              const seconds = Math.round(Number(event.target.value));
              if (seconds >= 1 && seconds <= 600) onChange({ stallTimeoutSeconds: seconds });
            }}
          />
        </label>
      </div>
      <div className="settings-bar run-bar">
        <BinningFields
          bins={settings.bins}
          binning={settings.binning}
          onChange={onChange}
          name="script-binning"
          first="quantile"
          rows="test rows"
        />
        <label
          className="check"
          title="Percentile bootstrap of every test metric, for the script and production alike: slower"
        >
          <input
            type="checkbox"
            checked={settings.bootstrap}
            onChange={(event) => onChange({ bootstrap: event.target.checked })}
          />
          <span>Bootstrap intervals (B = {SCRIPT_BOOTSTRAP_RESAMPLES})</span>
        </label>
        <span className="run-bar__end">
          {problem ? <span className="field__error">{problem}</span> : null}
          <button
            type="button"
            className="button button--primary"
            disabled={running || problem !== null}
            onClick={onRun}
            title="Saves the script, compiles it, fits its parameters and measures it on the test rows"
          >
            Run
          </button>
        </span>
      </div>
      <DatasetFilterBar datasetId={datasetId} columns={columns} segmentValues={segmentValues} />
    </div>
  );
}
