import type { DriftOutput } from '../../../shared/api/calls/analysis-calls';
import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';
import type { Figure } from './Plot';

/**
 * The population stability index of the score per period against the reference periods, each
 * bar in the colour of its light, with the warning and alert thresholds as lines.
 */
export function psiFigure(drift: DriftOutput, theme: ChartTheme): Figure {
  const periods = drift.periods.filter((period) => period.n > 0);
  const x = periods.map((period) => period.label);
  const lightColor = { green: theme.good, yellow: theme.warn, red: theme.bad } as const;
  const top = Math.max(drift.thresholds.psiAlert * 1.25, ...periods.map((period) => period.psi * 1.1));
  const line = (y: number, color: string, name: string) => ({
    type: 'scatter' as const,
    mode: 'lines' as const,
    x,
    y: x.map(() => y),
    name,
    line: { color, dash: 'dash' as const, width: 1 },
    hoverinfo: 'skip' as const,
  });
  return {
    data: [
      {
        type: 'bar',
        x,
        y: periods.map((period) => period.psi),
        name: 'PSI (bar colour: light)',
        marker: { color: periods.map((period) => lightColor[period.psiLight]) },
        text: periods.map(
          (period, index) =>
            `<b>${period.label}</b><br>PSI: ${period.psi.toFixed(4)}<br>Light: ${period.psiLight}` +
            (index < drift.referencePeriods ? '<br>(reference period)' : ''),
        ),
        hovertemplate: '%{text}<extra></extra>',
        textposition: 'none',
      },
      line(drift.thresholds.psiWarning, theme.warn, `Warning ${drift.thresholds.psiWarning}`),
      line(drift.thresholds.psiAlert, theme.bad, `Alert ${drift.thresholds.psiAlert}`),
    ],
    layout: {
      ...baseLayout(theme),
      margin: { l: 64, r: 16, t: 28, b: 40 },
      xaxis: themedAxis(theme, 'Period (UTC)', { type: 'category', automargin: true }),
      yaxis: themedAxis(theme, 'PSI (unitless)', { range: [0, top] }),
    },
  };
}
