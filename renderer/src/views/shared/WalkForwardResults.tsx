import { useMemo } from 'react';
import type { WalkForwardOutput } from '../../../../shared/api/calls/calibration-calls';
import { ChartPanel } from '../../charts/ChartPanel';
import { useChartTheme } from '../../charts/use-chart-theme';
import {
  STEP_METRICS,
  STRATEGIES,
  walkForwardFigure,
  type StepMetric,
} from '../../charts/walk-forward-figure';
import { CopyTableButton } from '../../components/CopyTableButton';
import { Panel } from '../../components/Panel';
import { TrafficLight } from '../../components/TrafficLight';
import { formatCount, formatDecimal } from '../../format';
import { LightLegend } from '../diagnose/LightLegend';
import { methodInfo, paramsSummary } from './calibration-labels';

interface Props {
  output: WalkForwardOutput;
  metric: StepMetric;
  onMetric: (metric: StepMetric) => void;
  exportName: string;
}

const POOLED = [
  { key: 'logLoss', label: 'Log loss', digits: 4 },
  { key: 'brier', label: 'Brier', digits: 4 },
  { key: 'ece', label: 'ECE', digits: 4 },
  { key: 'oeRatio', label: 'O/E', digits: 3 },
  { key: 'auc', label: 'AUC', digits: 4 },
] as const;

/**
 * What walk-forward recalibration shows: a metric per test period for the raw score, the map
 * fitted once ("never recalibrate") and the map refitted before every period, the same pooled
 * over all test periods, and every period's numbers with their lights.
 */
export function WalkForwardResults({ output, metric, onMetric, exportName }: Props) {
  const theme = useChartTheme();
  const figure = useMemo(() => walkForwardFigure(output.steps, metric, theme), [output.steps, metric, theme]);
  const pooledBest = STRATEGIES.reduce<string | null>((best, { key }) => {
    const value = output.pooled[key].logLoss;
    if (value === null) return best;
    if (best === null) return key;
    return value < (output.pooled[best as keyof typeof output.pooled].logLoss ?? Infinity) ? key : best;
  }, null);
  const windowText =
    output.window.kind === 'expanding'
      ? 'expanding window'
      : `rolling window of ${output.window.periods} ${output.period}s`;

  const pooledRows = () => [
    ['Strategy', ...POOLED.map((column) => column.label)],
    ...STRATEGIES.map(({ key, label }) => [
      label,
      ...POOLED.map((column) => {
        const value = output.pooled[key][column.key];
        return value === null ? '' : String(value);
      }),
    ]),
  ];
  const stepRows = () => [
    [
      'Period',
      'Train rows',
      'Test rows',
      ...STRATEGIES.flatMap(({ label }) => [`${label} ${STEP_METRICS[metric].label}`, `${label} light`]),
    ],
    ...output.steps.map((step) => [
      step.label,
      String(step.trainRows),
      String(step.testRows),
      ...STRATEGIES.flatMap(({ key }) => [String(step[key][metric] ?? ''), step[key].light ?? '']),
    ]),
  ];

  return (
    <div className="walk-forward">
      <ChartPanel
        title={`${STEP_METRICS[metric].label} per ${output.period}: recalibrate or not`}
        subtitle={`${methodInfo(output.method).label}, ${windowText}, first ${output.initialPeriods} ${output.period}s train the first map · red ring: red Jeffreys light · test rows beneath`}
        figure={figure}
        label={`${STEP_METRICS[metric].label} per test period for the raw score, never recalibrating and recalibrating every period`}
        exportName={exportName}
        size="large"
        extraActions={
          <label className="field field--inline">
            <span className="field__label">Metric</span>
            <select
              className="select"
              value={metric}
              onChange={(event) => onMetric(event.target.value as StepMetric)}
            >
              {(Object.keys(STEP_METRICS) as StepMetric[]).map((key) => (
                <option key={key} value={key}>
                  {STEP_METRICS[key].label}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <Panel
        title="Pooled over every test period"
        subtitle={`${formatCount(output.pooled.refit.n)} test rows in ${output.steps.length} periods${output.pooledCi ? ' · 95 % bootstrap intervals' : ''}`}
        actions={<CopyTableButton rows={pooledRows} />}
      >
        <div className="table-scroll">
          <table className="data-table data-table--compact" aria-label="Walk-forward pooled metrics">
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                {POOLED.map((column) => (
                  <th key={column.key} scope="col" className="numeric">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {STRATEGIES.map(({ key, label }) => (
                <tr key={key} data-strategy={key} className={pooledBest === key ? 'is-best' : undefined}>
                  <th scope="row">
                    {label}
                    {pooledBest === key ? <span className="badge badge--best">Best log loss</span> : null}
                  </th>
                  {POOLED.map((column) => {
                    const ci = output.pooledCi?.[key][column.key];
                    return (
                      <td key={column.key} className="numeric" data-metric={column.key}>
                        {formatDecimal(output.pooled[key][column.key], column.digits)}
                        {ci ? (
                          <div className="comparison__ci">
                            {ci[0].toFixed(column.digits)} – {ci[1].toFixed(column.digits)}
                          </div>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted walk-forward__latest">
          The map fitted on the last window (what recalibrating now would ship):{' '}
          {paramsSummary(output.latestParams as Record<string, unknown> & { method: string })
            .map(([name, value]) => `${name} ${value}`)
            .join(' · ')}
        </p>
      </Panel>
      <Panel
        title="Every test period"
        subtitle={<LightLegend />}
        actions={<CopyTableButton rows={stepRows} />}
        className="walk-forward__steps"
      >
        <div className="table-scroll table-scroll--fixed">
          <table className="data-table data-table--compact" aria-label="Walk-forward periods">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" className="numeric">
                  Train rows
                </th>
                <th scope="col" className="numeric">
                  Test rows
                </th>
                {STRATEGIES.map(({ key, label }) => (
                  <th key={key} scope="col" className="numeric" colSpan={2}>
                    {label} · {STEP_METRICS[metric].label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {output.steps.map((step) => (
                <tr key={step.label}>
                  <th scope="row">{step.label}</th>
                  <td className="numeric">{formatCount(step.trainRows)}</td>
                  <td className="numeric">{formatCount(step.testRows)}</td>
                  {STRATEGIES.flatMap(({ key }) => [
                    <td key={`${key}-value`} className="numeric">
                      {formatDecimal(step[key][metric], STEP_METRICS[metric].digits)}
                    </td>,
                    <td key={`${key}-light`}>
                      <TrafficLight light={step[key].light} />
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </div>
  );
}
