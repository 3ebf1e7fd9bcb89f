import type { Data } from 'plotly.js';
import type { ReliabilityBinJson } from '../../../shared/metrics/diagnostic-schema';
import type { ChartTheme } from './chart-theme';
import { binHover, perfectCalibrationLine, probabilityLimit, reliabilityLayout } from './figure-parts';
import type { Figure } from './Plot';

export interface ReliabilityCurve {
  name: string;
  bins: readonly ReliabilityBinJson[];
  color: string;
  /** Dotted line: the baseline (the raw score) rather than a fitted map. */
  baseline?: boolean;
}

/**
 * Several reliability curves on the same rows (one per calibrator, or two models), the diagonal
 * of perfect calibration, and beneath them the rows per bin of each curve as a histogram outline
 * in the same colour.
 */
export function overlaidReliabilityFigure(curves: readonly ReliabilityCurve[], theme: ChartTheme): Figure {
  const limit = probabilityLimit(
    curves.flatMap((curve) => curve.bins),
    false,
  );
  const data: Data[] = [perfectCalibrationLine(limit, theme)];
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
      text: filled.map((bin) => `<b>${curve.name}</b><br>${binHover(bin)}`),
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
    layout: reliabilityLayout(theme, 'Mean predicted probability (%)', limit),
  };
}
