import { useMemo } from 'react';
import type {
  EvaluateOutput,
  GroupsOutput,
  ReliabilityOutput,
} from '../../../../shared/api/calls/analysis-calls';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import type { DiagnosticCi } from '../../../../shared/metrics/diagnostic-schema';
import { useApi } from '../../api/api-context';
import { useEngineQuery } from '../../api/use-engine-query';
import { useLongCall } from '../../api/use-long-call';
import { calibrationOverTimeFigure } from '../../charts/calibration-over-time-figure';
import { ChartPanel } from '../../charts/ChartPanel';
import { reliabilityFigure } from '../../charts/reliability-figure';
import { rocFigure } from '../../charts/roc-figure';
import { scoreDistributionFigure } from '../../charts/score-distribution-figure';
import { useChartTheme } from '../../charts/use-chart-theme';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount, formatPercent } from '../../format';
import { viewHref } from '../../navigation/views';
import { useWorkbench } from '../../state/workbench-context';
import { DatasetFilterBar } from '../shared/DatasetFilterBar';
import { DatasetPicker } from '../shared/DatasetPicker';
import { NoScoreOrOutcome } from '../shared/NoScoreOrOutcome';
import { PeriodSelect } from '../shared/PeriodSelect';
import { chosenColumn, useDatasetColumns } from '../shared/use-dataset-columns';
import { DiagnoseSettingsBar } from './DiagnoseSettingsBar';
import { LightLegend } from './LightLegend';
import { BOOTSTRAP_RESAMPLES, MetricsPanel } from './MetricsPanel';
import { SegmentTablePanel } from './SegmentTablePanel';

interface Props {
  dataset: DatasetSummary;
  datasets: DatasetSummary[];
  onSelect: (id: number) => void;
}

/** A fixed seed: the same request gives the same intervals, so a report can be reproduced. */
const BOOTSTRAP_SEED = 20_240_601;

const INTERVAL_NAMES = { wilson: 'Wilson', jeffreys: 'Jeffreys' } as const;

/** The diagnosis of one dataset: settings, filter, charts, metrics and group tables. */
export function DiagnoseWorkspace({ dataset, datasets, onSelect }: Props) {
  const api = useApi();
  const theme = useChartTheme();
  const { diagnose: settings, updateDiagnose, filterOf } = useWorkbench();
  const filter = filterOf(dataset.id);
  const id = dataset.id;
  const { columns, usable, segmentValues, details } = useDatasetColumns(id);

  // The diagnostic and the diagram answer the same request, and so share the key.
  const binned = { bins: settings.bins, binning: settings.binning, interval: settings.interval, filter };
  const evaluationKey = usable ? JSON.stringify({ id, ...binned }) : null;
  const evaluation = useEngineQuery<EvaluateOutput>(evaluationKey, (options) =>
    api.call('analysis.evaluate', { dataset: { id }, ...binned }, options),
  );

  // The diagram alone redraws from the engine's cached rows in one pass, so changing bins shows
  // at once; the metrics (ECE, Murphy's decomposition...) follow when the full diagnostic is done.
  const reliability = useEngineQuery<ReliabilityOutput>(evaluationKey, (options) =>
    api.call('analysis.reliability', { dataset: { id }, ...binned }, options),
  );

  const segmentColumns = columns?.segments ?? [];
  const segmentColumn = chosenColumn(settings.segmentColumn, segmentColumns);
  const segments = useEngineQuery<GroupsOutput>(
    usable && segmentColumn ? JSON.stringify({ id, segmentColumn, filter }) : null,
    (options) =>
      api.call(
        'analysis.groups',
        { dataset: { id }, filter, by: { kind: 'segment', column: segmentColumn as string } },
        options,
      ),
  );
  const periods = useEngineQuery<GroupsOutput>(
    usable && columns?.time ? JSON.stringify({ id, period: settings.period, filter }) : null,
    (options) =>
      api.call(
        'analysis.groups',
        { dataset: { id }, filter, by: { kind: 'period', period: settings.period } },
        options,
      ),
  );

  const bootstrap = useLongCall<{ key: string; ci: DiagnosticCi | null }>();
  const runBootstrap = () => {
    const key = evaluationKey;
    if (key === null) return;
    void bootstrap.run(async (options) => {
      const answer = await api.call(
        'analysis.evaluate',
        { dataset: { id }, ...binned, bootstrap: { resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED } },
        options,
      );
      return { key, ci: answer.ci };
    });
  };
  const ci =
    bootstrap.state.status === 'done' && bootstrap.state.value.key === evaluationKey
      ? bootstrap.state.value.ci
      : null;

  const result = evaluation.value;
  const bins = reliability.value?.reliability ?? null;
  const reliabilityChart = useMemo(
    () => (bins ? reliabilityFigure(bins, theme, INTERVAL_NAMES[settings.interval]) : null),
    [bins, theme, settings.interval],
  );
  const figures = useMemo(() => {
    if (!result) return null;
    return {
      distribution: scoreDistributionFigure(result.scoreHistogram, theme, result.usage.outcomeColumn),
      roc: rocFigure(result.roc, theme, result.diagnostic.auc),
    };
  }, [result, theme, settings.interval]);
  const overTime = useMemo(
    () => (periods.value ? calibrationOverTimeFigure(periods.value.groups, theme) : null),
    [periods.value, theme],
  );

  const usage = result?.usage;
  const computing = evaluation.loading ? 'Computing the diagnostic…' : 'Waiting for the engine…';

  return (
    <section className="view view--wide" aria-labelledby="diagnose-heading">
      <header className="view__header">
        <div>
          <h1 id="diagnose-heading">Diagnose</h1>
          <p className="view__subtitle">How well the predicted probabilities match what happened.</p>
        </div>
        <DatasetPicker datasets={datasets} value={id} onChange={onSelect} />
      </header>

      {details.error ? <ErrorBanner error={details.error} /> : null}
      {columns && !usable ? (
        <NoScoreOrOutcome>
          A diagnosis compares a predicted probability with the observed 0/1 outcome. “{dataset.name}” has{' '}
          {columns.score ? `the score “${columns.score}”` : 'no score column'} and{' '}
          {columns.outcome ? `the outcome “${columns.outcome}”` : 'no outcome column'}. Import the file again
          and give its columns these roles in the import wizard.
        </NoScoreOrOutcome>
      ) : (
        <>
          <div className="toolbar">
            <DiagnoseSettingsBar settings={settings} onChange={updateDiagnose} />
            <DatasetFilterBar datasetId={id} columns={columns} segmentValues={segmentValues} />
          </div>
          <p className="usage-line" aria-live="polite">
            {usage && result ? (
              <>
                <span>
                  <strong>{formatCount(usage.rowsUsed)}</strong> of {formatCount(usage.rowsInDataset)} rows
                  used
                  {usage.rowsMissing > 0
                    ? ` (${formatCount(usage.rowsMissing)} with a missing value left out)`
                    : ''}
                </span>
                <span>
                  Events: <strong>{formatCount(result.diagnostic.positives)}</strong> (
                  {formatPercent(result.diagnostic.baseRate)})
                </span>
                <span>
                  Score: <code>{usage.scoreColumn}</code> ({usage.scoreInput.kind}) · Outcome:{' '}
                  <code>{usage.outcomeColumn}</code>
                </span>
              </>
            ) : (
              <span className="muted">{computing}</span>
            )}
            <span
              className={`usage-line__status${evaluation.loading ? ' is-active' : ''}`}
              aria-hidden={!evaluation.loading}
            >
              Updating…
            </span>
          </p>
          {evaluation.error ? <ErrorBanner error={evaluation.error} /> : null}
          {reliability.error && !evaluation.error ? <ErrorBanner error={reliability.error} /> : null}

          <div className="diagnose-grid">
            <ChartPanel
              title="Reliability diagram"
              subtitle={`${settings.bins} ${settings.binning} bins · 95 % ${INTERVAL_NAMES[settings.interval]} intervals · rows per bin beneath`}
              figure={reliabilityChart}
              placeholder={computing}
              label="Observed rate against mean predicted probability per bin, with the interval band and the rows per bin"
              exportName={`reliability-${dataset.name}`}
              drawnMark="diagram-drawn"
              busy={reliability.loading}
              size="large"
            />
            <MetricsPanel
              diagnostic={result?.diagnostic ?? null}
              busy={evaluation.loading}
              ci={ci}
              bootstrap={{
                running: bootstrap.state.status === 'running',
                progress: bootstrap.state.status === 'running' ? bootstrap.state.progress : null,
                error: bootstrap.state.status === 'failed' ? bootstrap.state.error : null,
              }}
              onBootstrap={runBootstrap}
              onCancelBootstrap={bootstrap.cancel}
            />
            <ChartPanel
              title="Score distribution by outcome"
              subtitle="Share of each outcome’s rows per band of predicted probability"
              figure={figures?.distribution ?? null}
              placeholder={computing}
              label="Distribution of predicted probabilities for rows with and without the event"
              exportName={`score-distribution-${dataset.name}`}
              busy={evaluation.loading}
            />
            <ChartPanel
              title="ROC curve"
              subtitle="Ranking quality, independent of calibration"
              figure={figures?.roc ?? null}
              placeholder={computing}
              label="ROC curve: true positive rate against false positive rate"
              exportName={`roc-${dataset.name}`}
              busy={evaluation.loading}
            />
            <div className="diagnose-grid__wide">
              <SegmentTablePanel
                segmentColumns={segmentColumns}
                column={segmentColumn}
                onColumnChange={(column) => updateDiagnose({ segmentColumn: column })}
                groups={segments.value?.groups ?? null}
                busy={segments.loading}
                error={segments.error}
              />
            </div>
            <div className="diagnose-grid__wide">
              <ChartPanel
                title="Calibration over time"
                subtitle={<LightLegend />}
                figure={columns?.time ? overTime : null}
                placeholder={
                  columns && !columns.time ? (
                    <span>
                      This dataset has no time column. Give a timestamp column the role “time” when importing
                      to see calibration per period. <a href={viewHref('datasets')}>Datasets</a>
                    </span>
                  ) : (
                    'Computing calibration per period…'
                  )
                }
                label="Observed and mean predicted rate per period, coloured by traffic light"
                exportName={`calibration-over-time-${dataset.name}`}
                busy={periods.loading}
                extraActions={
                  <PeriodSelect
                    value={settings.period}
                    disabled={!columns?.time}
                    onChange={(period) => updateDiagnose({ period })}
                  />
                }
              />
              {periods.error ? <ErrorBanner error={periods.error} /> : null}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
