import { useMemo, useState } from 'react';
import type { CalibrateInput, WalkForwardInput } from '../../../../shared/api/calls/calibration-calls';
import type { ModelSummary } from '../../../../shared/api/calls/model-calls';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { useApi } from '../../api/api-context';
import { ChartPanel } from '../../charts/ChartPanel';
import { overlaidReliabilityFigure } from '../../charts/overlaid-reliability-figure';
import { useChartTheme } from '../../charts/use-chart-theme';
import type { StepMetric } from '../../charts/walk-forward-figure';
import { CopyTableButton } from '../../components/CopyTableButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { ProgressPanel } from '../../components/ProgressPanel';
import { SegmentedControl } from '../../components/SegmentedControl';
import { formatCount, formatPercent } from '../../format';
import { useSessionResults, type CalibrationRunResult } from '../../state/session-results';
import { useWorkbench } from '../../state/workbench-context';
import type { CalibrateSettings, RankMetric } from '../../state/workbench-state';
import { BinningFields } from '../shared/BinningFields';
import { DatasetFilterBar } from '../shared/DatasetFilterBar';
import { DatasetPicker } from '../shared/DatasetPicker';
import { methodInfo, RANK_METRIC_INFO, validationSummary } from '../shared/calibration-labels';
import { NoScoreOrOutcome } from '../shared/NoScoreOrOutcome';
import { useDatasetColumns } from '../shared/use-dataset-columns';
import { walkForwardRequest } from '../shared/WalkForwardFields';
import { WalkForwardResults } from '../shared/WalkForwardResults';
import { CalibratorChecklist, methodRequests, optionsOf } from './CalibratorChecklist';
import { ComparisonTable, comparisonRows, rankResults } from './ComparisonTable';
import { KeepModelDialog } from './KeepModelDialog';
import { ValidationSettings } from './ValidationSettings';

/** Bootstrap per method is slow on large data: a modest B, and only when asked. */
export const CALIBRATE_BOOTSTRAP_RESAMPLES = 100;
const BOOTSTRAP_SEED = 20_240_601;

interface Props {
  dataset: DatasetSummary;
  datasets: DatasetSummary[];
  onSelect: (id: number) => void;
}

/** The first day of the month nearest the middle of a time range: a sensible out-of-time split. */
function middleMonth(min: number, max: number): number {
  const middle = new Date((min + max) / 2);
  return Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth() + (middle.getUTCDate() > 15 ? 1 : 0), 1);
}

/** Calibrators, validation and the run; then the comparison, the curves and keeping a model. */
export function CalibrateWorkspace({ dataset, datasets, onSelect }: Props) {
  const api = useApi();
  const theme = useChartTheme();
  const { calibrate: settings, updateCalibrate, filterOf, showView, updateModels } = useWorkbench();
  const { calibrate: session } = useSessionResults();
  const filter = filterOf(dataset.id);
  const id = dataset.id;
  const { columns, usable, segmentValues, details } = useDatasetColumns(id);
  const time = columns?.time ?? null;
  const defaultSplit = time ? middleMonth(time.min, time.max) : null;
  const [keeping, setKeeping] = useState<number | null>(null);
  const [kept, setKept] = useState<ModelSummary | null>(null);
  const [stepMetric, setStepMetric] = useState<StepMetric>(settings.rankBy);

  const timeNeeded = settings.scheme === 'time' || settings.scheme === 'walk-forward';
  const problem =
    settings.scheme !== 'walk-forward' && settings.methods.length === 0
      ? 'Choose at least one calibrator.'
      : timeNeeded && !time
        ? 'This scheme needs a time column.'
        : null;

  const run = () => {
    setKept(null);
    const selection = { dataset: { id }, filter };
    if (settings.scheme === 'walk-forward') {
      const input: WalkForwardInput = {
        ...selection,
        ...walkForwardRequest(settings.walkForward, optionsOf(settings.walkForward.method, settings.options)),
        bins: settings.bins,
        binning: settings.binning,
        ...(settings.bootstrap
          ? { bootstrap: { resamples: CALIBRATE_BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED } }
          : {}),
      };
      void session.run(async (options) => ({
        kind: 'walk-forward',
        datasetId: id,
        input,
        output: await api.call('calibration.walkForward', input, options),
      }));
      return;
    }
    const validation: CalibrateInput['validation'] =
      settings.scheme === 'none'
        ? { scheme: 'none' }
        : settings.scheme === 'holdout'
          ? { scheme: 'holdout', testFraction: settings.testFraction, seed: settings.seed }
          : settings.scheme === 'kfold'
            ? { scheme: 'kfold', folds: settings.folds, seed: settings.seed }
            : { scheme: 'time', splitAt: settings.splitAt ?? defaultSplit ?? 0 };
    const input: CalibrateInput = {
      ...selection,
      methods: methodRequests(settings.methods, settings.options),
      validation,
      bins: settings.bins,
      binning: settings.binning,
      ...(settings.bootstrap
        ? { bootstrap: { resamples: CALIBRATE_BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED } }
        : {}),
    };
    void session.run(async (options) => ({
      kind: 'run',
      datasetId: id,
      input,
      output: await api.call('calibration.run', input, options),
    }));
  };

  const state = session.state;
  const result = state.status === 'done' && state.value.datasetId === id ? state.value : null;
  const runResult = result?.kind === 'run' ? result : null;
  const colors = useMemo(
    () =>
      runResult
        ? runResult.output.results.map((r, index) =>
            r.method === 'uncalibrated'
              ? theme.muted
              : (theme.palette[(index - 1) % theme.palette.length] as string),
          )
        : [],
    [runResult, theme],
  );
  const curves = useMemo(
    () =>
      runResult
        ? overlaidReliabilityFigure(
            runResult.output.results.map((r, index) => ({
              name: methodInfo(r.method).label,
              bins: r.test.reliability,
              color: colors[index] as string,
              baseline: r.method === 'uncalibrated',
            })),
            theme,
          )
        : null,
    [runResult, colors, theme],
  );
  const running = state.status === 'running';

  return (
    <section className="view view--wide" aria-labelledby="calibrate-heading">
      <header className="view__header">
        <div>
          <h1 id="calibrate-heading">Calibrate</h1>
          <p className="view__subtitle">
            Fit calibration maps and compare them on rows they were not fitted on.
          </p>
        </div>
        <DatasetPicker datasets={datasets} value={id} onChange={onSelect} />
      </header>

      {details.error ? <ErrorBanner error={details.error} /> : null}
      {columns && !usable ? (
        <NoScoreOrOutcome>
          Calibration maps a predicted probability onto the observed 0/1 outcome. Import the file again and
          give its columns the roles “score” and “outcome” in the import wizard.
        </NoScoreOrOutcome>
      ) : (
        <>
          <div className="toolbar calibrate-toolbar">
            {settings.scheme === 'walk-forward' ? (
              <p className="muted calibrate-toolbar__note">
                Walk-forward fits one calibrator per period: choose it in the walk-forward settings below.
              </p>
            ) : (
              <CalibratorChecklist
                selected={settings.methods}
                options={settings.options}
                onSelect={(methods) => updateCalibrate({ methods })}
                onOptions={(patch) => updateCalibrate({ options: { ...settings.options, ...patch } })}
              />
            )}
            <ValidationSettings
              settings={settings}
              onChange={updateCalibrate}
              time={time}
              defaultSplit={defaultSplit}
            />
            <RunBar
              settings={settings}
              onChange={updateCalibrate}
              disabled={running || problem !== null || !columns}
              problem={problem}
              onRun={run}
            />
            <DatasetFilterBar datasetId={id} columns={columns} segmentValues={segmentValues} />
          </div>

          {state.status === 'running' ? (
            <ProgressPanel
              label={settings.scheme === 'walk-forward' ? 'Walk-forward' : 'Calibrating'}
              progress={state.progress}
              onCancel={session.cancel}
            />
          ) : null}
          {state.status === 'failed' ? <ErrorBanner error={state.error} /> : null}
          {state.status === 'cancelled' ? (
            <p className="notice" role="status">
              The run was cancelled; nothing was changed. Run again when ready.
            </p>
          ) : null}
          {kept ? (
            <div className="banner banner--ok" role="status">
              <span>
                Kept as model <strong>{kept.name}</strong>.
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  updateModels({ selectedId: kept.id });
                  showView('models');
                }}
              >
                Open in Models
              </button>
            </div>
          ) : null}

          {result === null && state.status !== 'running' ? (
            <EmptyState title="No results yet">
              <p>
                Choose one or more calibrators and a validation scheme, then press <strong>Run</strong>. Each
                map is fitted on the training rows and measured on the test rows beside the raw score; the
                best one can be kept as a model for export.
              </p>
            </EmptyState>
          ) : null}

          {runResult ? (
            <RunResults
              result={runResult}
              rankBy={settings.rankBy}
              onRankBy={(rankBy) => updateCalibrate({ rankBy })}
              colors={colors}
              curves={curves}
              onKeep={setKeeping}
              datasetName={dataset.name}
            />
          ) : null}
          {result?.kind === 'walk-forward' ? (
            <>
              <p className="usage-line">
                <span>
                  <strong>{formatCount(result.output.usage.rowsUsed)}</strong> of{' '}
                  {formatCount(result.output.usage.rowsInDataset)} rows used
                </span>
                <span>
                  Walk-forward by {result.output.period}, {result.output.steps.length} test periods
                </span>
              </p>
              <WalkForwardResults
                output={result.output}
                metric={stepMetric}
                onMetric={setStepMetric}
                exportName={`walk-forward-${dataset.name}`}
              />
            </>
          ) : null}
          {keeping !== null && runResult ? (
            <KeepModelDialog
              run={runResult}
              resultIndex={keeping}
              onClose={() => setKeeping(null)}
              onKept={(model) => {
                setKeeping(null);
                setKept(model);
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function RunBar({
  settings,
  onChange,
  disabled,
  problem,
  onRun,
}: {
  settings: CalibrateSettings;
  onChange: (patch: Partial<CalibrateSettings>) => void;
  disabled: boolean;
  problem: string | null;
  onRun: () => void;
}) {
  return (
    <div className="settings-bar run-bar" role="group" aria-label="Run settings">
      <BinningFields
        bins={settings.bins}
        binning={settings.binning}
        onChange={onChange}
        name="calibrate-binning"
        first="quantile"
        rows="test rows"
      />
      <label className="check" title="Percentile bootstrap of every metric per method: slower on large data">
        <input
          type="checkbox"
          checked={settings.bootstrap}
          onChange={(event) => onChange({ bootstrap: event.target.checked })}
        />
        <span>Bootstrap intervals (B = {CALIBRATE_BOOTSTRAP_RESAMPLES})</span>
      </label>
      <span className="run-bar__end">
        {problem ? <span className="field__error">{problem}</span> : null}
        <button type="button" className="button button--primary" disabled={disabled} onClick={onRun}>
          Run
        </button>
      </span>
    </div>
  );
}

function RunResults({
  result,
  rankBy,
  onRankBy,
  colors,
  curves,
  onKeep,
  datasetName,
}: {
  result: CalibrationRunResult;
  rankBy: RankMetric;
  onRankBy: (rankBy: RankMetric) => void;
  colors: string[];
  curves: ReturnType<typeof overlaidReliabilityFigure> | null;
  onKeep: (index: number) => void;
  datasetName: string;
}) {
  const { output } = result;
  const usage = output.usage;
  const best = rankResults(output.results, rankBy)[0];
  const bestResult = best === undefined ? undefined : output.results[best];
  const hasCi = output.results.some((r) => r.ci !== null);
  return (
    <>
      <p className="usage-line" aria-live="polite">
        <span>
          <strong>{formatCount(usage.rowsUsed)}</strong> of {formatCount(usage.rowsInDataset)} rows used
          {usage.rowsMissing > 0 ? ` (${formatCount(usage.rowsMissing)} with a missing value left out)` : ''}
        </span>
        <span>{validationSummary(output.validation)}</span>
        <span>
          Train <strong>{formatCount(output.rows.train)}</strong> · test{' '}
          <strong>{formatCount(output.rows.test)}</strong> rows
        </span>
        <span>
          Test events: {formatCount(output.results[0]?.test.positives ?? 0)} (
          {formatPercent(output.results[0]?.test.baseRate ?? null)})
        </span>
      </p>
      <Panel
        title="Calibrators compared on the test rows"
        subtitle={
          bestResult
            ? `Ranked by ${RANK_METRIC_INFO[rankBy].label} (lower is better): ${methodInfo(bestResult.method).label} is best${hasCi ? ' · 95 % bootstrap intervals beneath each value' : ''}`
            : 'Ranked by the chosen metric'
        }
        actions={
          <>
            <SegmentedControl<RankMetric>
              label="Rank by"
              name="rank-by"
              value={rankBy}
              onChange={onRankBy}
              options={(Object.keys(RANK_METRIC_INFO) as RankMetric[]).map((key) => ({
                value: key,
                label: RANK_METRIC_INFO[key].label,
                title: RANK_METRIC_INFO[key].help,
              }))}
            />
            <CopyTableButton rows={() => comparisonRows(output.results, rankBy)} />
          </>
        }
      >
        <ComparisonTable results={output.results} rankBy={rankBy} colors={colors} onKeep={onKeep} />
      </Panel>
      <ChartPanel
        title="Reliability on the test rows"
        subtitle={`${result.input.bins ?? 10} ${result.input.binning ?? 'uniform'} bins · each calibrator’s observed rate against its mean prediction · dotted: the raw score · rows per bin beneath`}
        figure={curves}
        label="Overlaid reliability curves of every calibrator and the raw score on the test rows, with rows per bin"
        exportName={`calibration-curves-${datasetName}`}
        drawnMark="calibration-curves-drawn"
        size="large"
      />
    </>
  );
}
