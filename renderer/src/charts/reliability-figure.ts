import type { Data } from 'plotly.js';
import type { ReliabilityBinJson } from '../../../shared/metrics/diagnostic-schema';
import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';
import type { Figure } from './Plot';

const pct = (value: number) => `${(value * 100).toFixed(2)} %`;

/**
 * The upper end of both axes: just past the highest point or interval, so the data fills the
 * square. Bin edges are left out on purpose: the last quantile bin often reaches far beyond its
 * mean, and would squeeze every point into a corner.
 */
function probabilityLimit(bins: readonly ReliabilityBinJson[]): number {
  let top = 0;
  for (const bin of bins) {
    if (bin.n === 0) continue;
    top = Math.max(top, bin.meanPredicted ?? 0, bin.ciHigh ?? 0, bin.observedRate ?? 0);
  }
  return top === 0 ? 1 : Math.min(1, top * 1.08);
}

/**
 * Observed rate against mean predicted probability per bin, the interval of each observed rate
 * as a band, the diagonal of perfect calibration, and beneath it the number of rows per bin
 * (drawn across each bin's [lo, hi), so quantile bins show their real widths).
 */
export function reliabilityFigure(
  bins: readonly ReliabilityBinJson[],
  theme: ChartTheme,
  intervalName: string,
): Figure {
  const filled = bins.filter((bin) => bin.n > 0 && bin.meanPredicted !== null && bin.observedRate !== null);
  const limit = probabilityLimit(bins);
  const x = filled.map((bin) => bin.meanPredicted as number);
  const hover = filled.map(
    (bin) =>
      `Bin [${pct(bin.lo)}, ${pct(bin.hi)})<br>Rows: ${bin.n.toLocaleString('en-US')}` +
      `<br>Mean predicted: ${pct(bin.meanPredicted as number)}<br>Observed: ${pct(bin.observedRate as number)}` +
      (bin.ciLow !== null && bin.ciHigh !== null
        ? `<br>95 % ${intervalName}: ${pct(bin.ciLow)} – ${pct(bin.ciHigh)}`
        : ''),
  );
  const withInterval = filled.filter((bin) => bin.ciLow !== null && bin.ciHigh !== null);
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
    {
      type: 'scatter',
      mode: 'lines',
      x: withInterval.map((bin) => bin.meanPredicted as number),
      y: withInterval.map((bin) => bin.ciHigh as number),
      line: { width: 0, color: theme.band },
      hoverinfo: 'skip',
      showlegend: false,
    },
    {
      type: 'scatter',
      mode: 'lines',
      x: withInterval.map((bin) => bin.meanPredicted as number),
      y: withInterval.map((bin) => bin.ciLow as number),
      fill: 'tonexty',
      fillcolor: theme.band,
      line: { width: 0, color: theme.band },
      name: `95 % interval (${intervalName})`,
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      x,
      y: filled.map((bin) => bin.observedRate as number),
      name: 'Observed rate',
      line: { color: theme.series[0], width: 2 },
      marker: { size: 7, color: theme.series[0] },
      text: hover,
      hovertemplate: '%{text}<extra></extra>',
    },
    {
      type: 'bar',
      x: bins.map((bin) => (bin.lo + bin.hi) / 2),
      width: bins.map((bin) => (bin.hi - bin.lo) * 0.96),
      y: bins.map((bin) => bin.n),
      xaxis: 'x',
      yaxis: 'y2',
      name: 'Rows per bin',
      marker: { color: theme.series[0], opacity: 0.35 },
      hovertemplate: bins.map(
        (bin) =>
          `Bin [${pct(bin.lo)}, ${pct(bin.hi)})<br>Rows: ${bin.n.toLocaleString('en-US')}<extra></extra>`,
      ),
      showlegend: false,
    },
  ];
  const layout = baseLayout(theme);
  return {
    data,
    layout: {
      ...layout,
      margin: { l: 72, r: 16, t: 28, b: 52 },
      xaxis: themedAxis(theme, 'Predicted probability (%)', {
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
      bargap: 0,
    },
  };
}
