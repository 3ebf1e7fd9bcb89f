import { useMemo } from 'react';
import type { DriftOutput, GroupsOutput } from '../../../../shared/api/calls/analysis-calls';
import type { SegmentedOutput, WalkForwardOutput } from '../../../../shared/api/calls/calibration-calls';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import { useApi } from '../../api/api-context';
import { useEngineQuery } from '../../api/use-engine-query';
import { calibrationOverTimeFigure } from '../../charts/calibration-over-time-figure';
import { ChartPanel } from '../../charts/ChartPanel';
import { psiFigure } from '../../charts/psi-figure';
import { useChartTheme } from '../../charts/use-chart-theme';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { formatCount } from '../../format';
import { useWorkbench } from '../../state/workbench-context';
import { LightLegend } from '../diagnose/LightLegend';
import { DatasetFilterBar } from '../shared/DatasetFilterBar';
import { DatasetPicker } from '../shared/DatasetPicker';
import { chosenColumn, useDatasetColumns } from '../shared/use-dataset-columns';
import { walkForwardRequest, WalkForwardFields } from '../shared/WalkForwardFields';
import { WalkForwardResults } from '../shared/WalkForwardResults';
import { AlertsPanel } from './AlertsPanel';
import { MonitorSettingsBar } from './MonitorSettingsBar';
import { RegimePanel } from './RegimePanel';
import { SegmentCalibrationPanel } from './SegmentCalibrationPanel';

interface Props {
  dataset: DatasetSummary;
  datasets: DatasetSummary[];
  onSelect: (id: number) => void;
}

/** A fixed seed: the segment split is the same every time, so numbers can be quoted. */
const SEGMENT_SEED = 1;

/**
 * Calibration through time and across the population: drift per period with its alerts, what
 * recalibrating every period would have bought, regimes of a context column, and segments.
 * Every panel follows the settings at once (changes cancel the work they replace).
 */
export function MonitorWorkspace({ dataset, datasets, onSelect }: Props) {
  const api = useApi();
  const theme = useChartTheme();
  const { monitor: settings, updateMonitor, filterOf } = useWorkbench();
  const filter = filterOf(dataset.id);
  const id = dataset.id;
  const { columns, usable, numericFeatures, segmentValues, details } = useDatasetColumns(id);
  const time = columns?.time ?? null;
  const ready = usable && time !== null;

  const drift = useEngineQuery<DriftOutput>(
    ready
      ? JSON.stringify({
          id,
          filter,
          period: settings.period,
          referencePeriods: settings.referencePeriods,
          thresholds: settings.thresholds,
        })
      : null,
    (options) =>
      api.call(
        'analysis.drift',
        {
          dataset: { id },
          filter,
          period: settings.period,
          referencePeriods: settings.referencePeriods,
          thresholds: settings.thresholds,
        },
        options,
      ),
  );

  const wf = settings.walkForward;
  const walkForward = useEngineQuery<WalkForwardOutput>(
    ready ? JSON.stringify({ id, filter, wf }) : null,
    (options) =>
      api.call(
        'calibration.walkForward',
        { dataset: { id }, filter, ...walkForwardRequest(wf, {}) },
        options,
      ),
  );

  const regimeColumn =
    settings.regimeColumn && numericFeatures.includes(settings.regimeColumn)
      ? settings.regimeColumn
      : (numericFeatures.find((name) => /vol/i.test(name)) ?? numericFeatures[0] ?? null);
  const regimes = useEngineQuery<GroupsOutput>(
    usable && regimeColumn
      ? JSON.stringify({ id, filter, regimeColumn, groups: settings.regimeGroups })
      : null,
    (options) =>
      api.call(
        'analysis.groups',
        {
          dataset: { id },
          filter,
          by: { kind: 'quantiles', column: regimeColumn as string, groups: settings.regimeGroups },
        },
        options,
      ),
  );

  const segmentColumns = columns?.segments ?? [];
  const segmentColumn = chosenColumn(settings.segmentColumn, segmentColumns);
  const segmented = useEngineQuery<SegmentedOutput>(
    usable && segmentColumn
      ? JSON.stringify({ id, filter, segmentColumn, minEvents: settings.minEvents })
      : null,
    (options) =>
      api.call(
        'calibration.segmented',
        {
          dataset: { id },
          filter,
          segmentColumn: segmentColumn as string,
          minEvents: settings.minEvents,
          seed: SEGMENT_SEED,
        },
        options,
      ),
  );

  const overTime = useMemo(
    () => (drift.value ? calibrationOverTimeFigure(drift.value.periods, theme) : null),
    [drift.value, theme],
  );
  const psi = useMemo(() => (drift.value ? psiFigure(drift.value, theme) : null), [drift.value, theme]);
  const usage = drift.value?.usage;

  return (
    <section className="view view--wide" aria-labelledby="monitor-heading">
      <header className="view__header">
        <div>
          <h1 id="monitor-heading">Monitor</h1>
          <p className="view__subtitle">
            Calibration over time, across regimes and segments, and whether to recalibrate.
          </p>
        </div>
        <DatasetPicker datasets={datasets} value={id} onChange={onSelect} />
      </header>
      {details.error ? <ErrorBanner error={details.error} /> : null}
      {columns && !ready ? (
        <EmptyState
          title={usable ? 'This dataset has no time column' : 'This dataset has no score or no outcome'}
        >
          <p>
            Monitoring follows calibration through time, so it needs a score, a 0/1 outcome and a time column.
            Import the file again and give its columns these roles in the import wizard, or choose another
            dataset.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <MonitorSettingsBar settings={settings} onChange={updateMonitor} />
            <DatasetFilterBar datasetId={id} columns={columns} segmentValues={segmentValues} />
          </div>
          <p className="usage-line" aria-live="polite">
            {usage ? (
              <>
                <span>
                  <strong>{formatCount(usage.rowsUsed)}</strong> of {formatCount(usage.rowsInDataset)} rows
                  used
                </span>
                <span>
                  {drift.value?.periods.length ?? 0} {settings.period}s · PSI against the first{' '}
                  {settings.referencePeriods}
                </span>
              </>
            ) : (
              <span className="muted">Computing…</span>
            )}
            <span
              className={`usage-line__status${drift.loading ? ' is-active' : ''}`}
              aria-hidden={!drift.loading}
            >
              Updating…
            </span>
          </p>
          {drift.error ? <ErrorBanner error={drift.error} /> : null}

          <div className="monitor-grid">
            <div className="monitor-pair monitor-pair--drift monitor-grid__wide">
              <ChartPanel
                title="Drift over time"
                subtitle={<LightLegend />}
                figure={overTime}
                placeholder="Computing calibration per period…"
                label="Observed and mean predicted rate per period, each point coloured by its traffic light"
                exportName={`drift-${dataset.name}`}
                busy={drift.loading}
              />
              <ChartPanel
                title="Score stability (PSI)"
                subtitle={`Score distribution against the first ${settings.referencePeriods} ${settings.period}s`}
                figure={psi}
                placeholder="Computing the PSI per period…"
                label="Population stability index per period, coloured by its light, with the warning and alert thresholds"
                exportName={`psi-${dataset.name}`}
                busy={drift.loading}
              />
            </div>
            <div className="monitor-grid__wide">
              <AlertsPanel drift={drift.value} busy={drift.loading} />
            </div>

            <div className="monitor-grid__wide">
              <Panel
                title="Walk-forward recalibration"
                subtitle="Each period is scored by a map fitted on the periods before it (recalibrate every period) and by the map fitted on the first window only (never recalibrate)"
                busy={walkForward.loading}
              >
                <WalkForwardFields
                  settings={wf}
                  onChange={(patch) => updateMonitor({ walkForward: { ...wf, ...patch } })}
                />
                {walkForward.error ? <ErrorBanner error={walkForward.error} /> : null}
                {walkForward.loading && !walkForward.value ? (
                  <p className="muted">Fitting a map per period…</p>
                ) : null}
              </Panel>
              {walkForward.value ? (
                <WalkForwardResults
                  output={walkForward.value}
                  metric={settings.walkForwardMetric}
                  onMetric={(walkForwardMetric) => updateMonitor({ walkForwardMetric })}
                  exportName={`walk-forward-${dataset.name}`}
                />
              ) : null}
            </div>

            <div className="monitor-grid__wide">
              <RegimePanel
                columns={numericFeatures}
                column={regimeColumn}
                groups={settings.regimeGroups}
                onChange={updateMonitor}
                result={regimes.value}
                busy={regimes.loading}
                error={regimes.error}
                datasetName={dataset.name}
              />
            </div>
            <div className="monitor-grid__wide">
              <SegmentCalibrationPanel
                segmentColumns={segmentColumns}
                column={segmentColumn}
                minEvents={settings.minEvents}
                onChange={updateMonitor}
                result={segmented.value}
                busy={segmented.loading}
                error={segmented.error}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
