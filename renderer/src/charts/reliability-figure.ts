import type { Data } from 'plotly.js';
import type { ReliabilityBinJson } from '../../../shared/metrics/diagnostic-schema';
import type { ChartTheme } from './chart-theme';
import { binHover, pct, perfectCalibrationLine, probabilityLimit, reliabilityLayout } from './figure-parts';
import type { Figure } from './Plot';

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
  const limit = probabilityLimit(bins, true);
  const x = filled.map((bin) => bin.meanPredicted as number);
  const hover = filled.map(
    (bin) =>
      binHover(bin) +
      (bin.ciLow !== null && bin.ciHigh !== null
        ? `<br>95 % ${intervalName}: ${pct(bin.ciLow)} – ${pct(bin.ciHigh)}`
        : ''),
  );
  const withInterval = filled.filter((bin) => bin.ciLow !== null && bin.ciHigh !== null);
  const data: Data[] = [
    perfectCalibrationLine(limit, theme),
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
  return {
    data,
    layout: { ...reliabilityLayout(theme, 'Predicted probability (%)', limit), bargap: 0 },
  };
}
