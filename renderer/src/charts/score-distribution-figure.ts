import type { Data } from 'plotly.js';
import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';
import type { Figure } from './Plot';

interface ScoreHistogram {
  edges: number[];
  events: number[];
  nonEvents: number[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The predicted probabilities of rows with and without the event, each as a share of its own
 * class: events are rare, and raw counts would flatten them against the axis.
 */
export function scoreDistributionFigure(
  histogram: ScoreHistogram,
  theme: ChartTheme,
  outcomeName: string,
): Figure {
  const bins = histogram.events.length;
  const centers = Array.from(
    { length: bins },
    (_, k) => ((histogram.edges[k] ?? 0) + (histogram.edges[k + 1] ?? 0)) / 2,
  );
  const widths = Array.from(
    { length: bins },
    (_, k) => (histogram.edges[k + 1] ?? 0) - (histogram.edges[k] ?? 0),
  );
  let lastUsed = 0;
  for (let k = 0; k < bins; k++) {
    if ((histogram.events[k] ?? 0) + (histogram.nonEvents[k] ?? 0) > 0) lastUsed = k;
  }
  const top = Math.min(1, (histogram.edges[lastUsed + 1] ?? 1) * 1.02);
  const series = (counts: number[], name: string, color: string): Data => {
    const total = sum(counts);
    const shares = counts.map((count) => (total > 0 ? count / total : 0));
    return {
      type: 'bar',
      x: centers,
      width: widths,
      y: shares,
      name,
      marker: { color, opacity: 0.55, line: { color, width: 1 } },
      customdata: counts.map((count, k) => [count, histogram.edges[k] ?? 0, histogram.edges[k + 1] ?? 0]),
      hovertemplate:
        `${name}<br>Predicted [%{customdata[1]:.0%}, %{customdata[2]:.0%})` +
        '<br>Share of class: %{y:.2%}<br>Rows: %{customdata[0]:,.0f}<extra></extra>',
    };
  };
  return {
    data: [
      series(histogram.nonEvents, `${outcomeName} = 0`, theme.series[0]),
      series(histogram.events, `${outcomeName} = 1`, theme.series[1]),
    ],
    layout: {
      ...baseLayout(theme),
      margin: { l: 64, r: 16, t: 28, b: 52 },
      barmode: 'overlay',
      bargap: 0,
      xaxis: themedAxis(theme, 'Predicted probability (%)', { range: [0, top], tickformat: '.0%' }),
      yaxis: themedAxis(theme, 'Share of rows in class (%)', { tickformat: '.0%', rangemode: 'tozero' }),
    },
  };
}
