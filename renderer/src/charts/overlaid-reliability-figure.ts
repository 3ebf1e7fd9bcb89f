import type { Data } from 'plotly.js';
import type { ReliabilityBinJson } from '../../../shared/metrics/diagnostic-schema';
import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';
import type { Figure } from './Plot';

export interface ReliabilityCurve {
  name: string;
  bins: readonly ReliabilityBinJson[];
  color: string;
  /** Dotted line: the baseline (the raw score) rather than a fitted map. */
  baseline?: boolean;
}

const pct = (value: number) => `${(value * 100).toFixed(2)} %`;

function limitOf(curves: readonly ReliabilityCurve[]): number {
  let top = 0;
  for (const curve of curves) {
    for (const bin of curve.bins) {
      if (bin.n === 0) continue;
      top = Math.max(top, bin.meanPredicted ?? 0, bin.observedRate ?? 0);
    }
  }
  return top === 0 ? 1 : Math.min(1, top * 1.08);
}

/**
 * Several reliability curves on the same rows (one per calibrator, or two models), the diagonal
 * of perfect calibration, and beneath them the rows per bin of each curve as a histogram outline
 * in the same colour.
 */
export function overlaidReliabilityFigure(curves: readonly ReliabilityCurve[], theme: ChartTheme): Figure {
  const limit = limitOf(curves);
  const data: Data[] = [
    {
      type: 'scatter',
      mode: 'lines',
      x: [0, limit],
      y: [0, limit],
      name: 'Perfect calibration',
      line: { color: theme.muted, dash: 'dash', width: 1 },
      hoverinfo: 'skip',
    },
  ];
  for (const curve of curves) {
    const filled = curve.bins.filter(
      (bin) => bin.n > 0 && bin.meanPredicted !== null && bin.observedRate !== null,
    );
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      x: filled.map((bin) => bin.meanPredicted as number),
      y: filled.map((bin) => bin.observedRate as number),
      name: curve.name,
      legendgroup: curve.name,
      line: { color: curve.color, width: curve.baseline ? 1.5 : 2, dash: curve.baseline ? 'dot' : 'solid' },
      marker: { size: curve.baseline ? 5 : 7, color: curve.color },
      text: filled.map(
        (bin) =>
          `<b>${curve.name}</b><br>Bin [${pct(bin.lo)}, ${pct(bin.hi)})<br>Rows: ${bin.n.toLocaleString('en-US')}` +
          `<br>Mean predicted: ${pct(bin.meanPredicted as number)}<br>Observed: ${pct(bin.observedRate as number)}`,
      ),
      hovertemplate: '%{text}<extra></extra>',
    });
  }
  for (const curve of curves) {
    // Rows per bin as a histogram outline across each bin's [lo, hi): outlines of several
    // curves stay readable where filled bars would hide one another.
    const bins = curve.bins.filter((bin) => bin.hi > bin.lo);
    const last = bins[bins.length - 1];
    data.push({
      type: 'scatter',
      mode: 'lines',
      x: [...bins.map((bin) => bin.lo), ...(last ? [last.hi] : [])],
      y: [...bins.map((bin) => bin.n), ...(last ? [last.n] : [])],
      line: {
        color: curve.color,
        width: curve.baseline ? 1 : 1.5,
        shape: 'hv',
        dash: curve.baseline ? 'dot' : 'solid',
      },
      yaxis: 'y2',
      name: `${curve.name}: rows per bin`,
      legendgroup: curve.name,
      customdata: [...bins.map((bin) => [bin.hi]), ...(last ? [[last.hi]] : [])],
      hovertemplate: `${curve.name}<br>Bin [%{x:.2%}, %{customdata[0]:.2%})<br>Rows: %{y:,.0f}<extra></extra>`,
      showlegend: false,
    });
  }
  return {
    data,
    layout: {
      ...baseLayout(theme),
      margin: { l: 72, r: 16, t: 28, b: 52 },
      xaxis: themedAxis(theme, 'Mean predicted probability (%)', {
        range: [0, limit],
        tickformat: '.0%',
        anchor: 'y2',
      }),
      yaxis: themedAxis(theme, 'Observed rate (%)', {
        range: [0, limit],
        tickformat: '.0%',
        domain: [0.3, 1],
      }),
      yaxis2: themedAxis(theme, 'Rows', { domain: [0, 0.22], rangemode: 'tozero', tickformat: '~s' }),
    },
  };
}
