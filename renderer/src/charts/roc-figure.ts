import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';
import type { Figure } from './Plot';

interface RocCurve {
  falsePositiveRate: number[];
  truePositiveRate: number[];
}

/** The ROC curve (already thinned by the engine) against the diagonal of a random ranking. */
export function rocFigure(roc: RocCurve, theme: ChartTheme, auc: number | null): Figure {
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        x: [0, 1],
        y: [0, 1],
        name: 'Random ranking',
        line: { color: theme.muted, dash: 'dash', width: 1 },
        hoverinfo: 'skip',
      },
      {
        type: 'scatter',
        mode: 'lines',
        x: roc.falsePositiveRate,
        y: roc.truePositiveRate,
        name: auc === null ? 'Score' : `Score (AUC ${auc.toFixed(4)})`,
        line: { color: theme.series[0], width: 2 },
        hovertemplate: 'False positive rate: %{x:.2%}<br>True positive rate: %{y:.2%}<extra></extra>',
      },
    ],
    layout: {
      ...baseLayout(theme),
      margin: { l: 64, r: 16, t: 28, b: 52 },
      xaxis: themedAxis(theme, 'False positive rate (%)', {
        range: [0, 1],
        tickformat: '.0%',
        constrain: 'domain',
      }),
      yaxis: themedAxis(theme, 'True positive rate (%)', { range: [0, 1], tickformat: '.0%' }),
    },
  };
}
