import type { WalkForwardOutput } from '../../../shared/api/calls/calibration-calls';
import type { ChartTheme } from './chart-theme';
import { periodLayout, periodRowsBars } from './figure-parts';
import type { Figure } from './Plot';

export type StepMetric = 'logLoss' | 'brier' | 'ece' | 'oeRatio';

export const STEP_METRICS: Record<StepMetric, { label: string; axis: string; digits: number }> = {
  logLoss: { label: 'Log loss', axis: 'Log loss (nats per row)', digits: 4 },
  brier: { label: 'Brier', axis: 'Brier score (mean squared error)', digits: 4 },
  ece: { label: 'ECE', axis: 'ECE (probability)', digits: 4 },
  oeRatio: { label: 'O/E', axis: 'Observed / expected events (ratio)', digits: 3 },
};

export const STRATEGIES = [
  { key: 'uncalibrated', label: 'Raw score' },
  { key: 'static', label: 'Never recalibrate' },
  { key: 'refit', label: 'Recalibrate every period' },
] as const;

/**
 * A metric per test period for the three strategies (raw score, the map fitted once, the map
 * refitted before every period), with the test rows per period beneath.
 */
export function walkForwardFigure(
  steps: WalkForwardOutput['steps'],
  metric: StepMetric,
  theme: ChartTheme,
): Figure {
  const x = steps.map((step) => step.label);
  const info = STEP_METRICS[metric];
  const style = {
    uncalibrated: { color: theme.muted, dash: 'dot', width: 1.5 },
    static: { color: theme.series[1], dash: 'solid', width: 2 },
    refit: { color: theme.series[0], dash: 'solid', width: 2.5 },
  } as const;
  const lightColor = { green: theme.good, yellow: theme.warn, red: theme.bad } as const;
  return {
    data: [
      ...STRATEGIES.map(({ key, label }) => ({
        type: 'scatter' as const,
        mode: 'lines+markers' as const,
        x,
        y: steps.map((step) => step[key][metric]),
        name: label,
        line: style[key],
        marker: {
          size: 7,
          color: style[key].color,
          // A red light (significant under-prediction) rings the point; the table lists every light.
          line: {
            color: steps.map((step) => (step[key].light === 'red' ? lightColor.red : style[key].color)),
            width: steps.map((step) => (step[key].light === 'red' ? 2.5 : 0)),
          },
        },
        text: steps.map(
          (step) =>
            `<b>${step.label}</b> · ${label}<br>${info.label}: ${step[key][metric]?.toFixed(info.digits) ?? '—'}` +
            `<br>Test rows: ${step.testRows.toLocaleString('en-US')} · trained on ${step.trainRows.toLocaleString('en-US')}` +
            `<br>Light: ${step[key].light ?? '—'}`,
        ),
        hovertemplate: '%{text}<extra></extra>',
      })),
      periodRowsBars(
        x,
        steps.map((step) => step.testRows),
        'Test rows',
        theme,
      ),
    ],
    layout: periodLayout(theme, 'Test period (UTC)', info.axis, {
      rangemode: metric === 'oeRatio' ? 'normal' : 'tozero',
    }),
  };
}
