import type { GroupCalibrationJson } from '../../../shared/api/calls/analysis-calls';
import type { ChartTheme } from './chart-theme';
import { periodLayout, periodRowsBars } from './figure-parts';
import type { Figure } from './Plot';

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);

/**
 * Observed against mean predicted rate per period; each observed point takes the colour of its
 * traffic light, so drift shows where it starts. Rows per period sit in a band beneath.
 */
export function calibrationOverTimeFigure(
  groups: readonly GroupCalibrationJson[],
  theme: ChartTheme,
): Figure {
  const periods = groups.filter((group) => group.n > 0);
  const x = periods.map((group) => group.label);
  const lightColor = { green: theme.good, yellow: theme.warn, red: theme.bad } as const;
  const hover = periods.map(
    (group) =>
      `<b>${group.label}</b><br>Rows: ${group.n.toLocaleString('en-US')}` +
      `<br>Observed: ${pct(group.observedRate)}<br>Mean predicted: ${pct(group.meanPredicted)}` +
      `<br>O/E: ${group.oeRatio === null ? '—' : group.oeRatio.toFixed(3)}` +
      `<br>Light: ${group.light ?? '—'}`,
  );
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        x,
        y: periods.map((group) => group.meanPredicted),
        name: 'Mean predicted',
        line: { color: theme.series[1], width: 2, dash: 'dot' },
        marker: { size: 6, color: theme.series[1] },
        text: hover,
        hovertemplate: '%{text}<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        x,
        y: periods.map((group) => group.observedRate),
        name: 'Observed rate (point colour: traffic light)',
        line: { color: theme.series[0], width: 2 },
        marker: {
          size: 10,
          color: periods.map((group) => (group.light ? lightColor[group.light] : theme.muted)),
          line: { color: theme.surface, width: 1.5 },
        },
        text: hover,
        hovertemplate: '%{text}<extra></extra>',
      },
      periodRowsBars(
        x,
        periods.map((group) => group.n),
        'Rows',
        theme,
      ),
    ],
    layout: periodLayout(theme, 'Period (UTC)', 'Rate (%)', { tickformat: '.1%', rangemode: 'tozero' }),
  };
}
