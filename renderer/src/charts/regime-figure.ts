import type { GroupCalibrationJson } from '../../../shared/api/calls/analysis-calls';
import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';
import type { Figure } from './Plot';

/** A quantile group's range without the column name the panel already shows: "[0.2048, 0.4898)". */
export function regimeLabel(label: string, column: string): string {
  return label.startsWith(`${column} `) ? label.slice(column.length + 1) : label;
}

/**
 * Observed against mean predicted rate per regime (quantile group of a context column); the
 * observed bar takes the colour of its traffic light.
 */
export function regimeFigure(
  groups: readonly GroupCalibrationJson[],
  column: string,
  theme: ChartTheme,
): Figure {
  const used = groups.filter((group) => group.n > 0);
  const x = used.map((group) => regimeLabel(group.label, column));
  const lightColor = { green: theme.good, yellow: theme.warn, red: theme.bad } as const;
  const hover = used.map(
    (group) =>
      `<b>${group.label}</b><br>Rows: ${group.n.toLocaleString('en-US')}` +
      `<br>Observed: ${((group.observedRate ?? 0) * 100).toFixed(2)} %` +
      `<br>Mean predicted: ${((group.meanPredicted ?? 0) * 100).toFixed(2)} %` +
      `<br>O/E: ${group.oeRatio === null ? '—' : group.oeRatio.toFixed(3)}<br>Light: ${group.light ?? '—'}`,
  );
  return {
    data: [
      {
        type: 'bar',
        x,
        y: used.map((group) => group.meanPredicted),
        name: 'Mean predicted',
        marker: { color: theme.series[1], opacity: 0.75 },
        text: hover,
        hovertemplate: '%{text}<extra></extra>',
        textposition: 'none',
      },
      {
        type: 'bar',
        x,
        y: used.map((group) => group.observedRate),
        name: 'Observed rate (bar colour: light)',
        marker: {
          color: used.map((group) => (group.light ? lightColor[group.light] : theme.muted)),
        },
        text: hover,
        hovertemplate: '%{text}<extra></extra>',
        textposition: 'none',
      },
    ],
    layout: {
      ...baseLayout(theme),
      margin: { l: 64, r: 16, t: 28, b: 52 },
      barmode: 'group',
      xaxis: themedAxis(theme, `${column} (quantile group range)`, { type: 'category', automargin: true }),
      yaxis: themedAxis(theme, 'Rate (%)', { tickformat: '.1%', rangemode: 'tozero' }),
    },
  };
}
