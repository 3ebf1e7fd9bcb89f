import type { Data, Layout } from 'plotly.js';
import type { ReliabilityBinJson } from '../../../shared/metrics/diagnostic-schema';
import { baseLayout, themedAxis, type ChartTheme } from './chart-theme';

/** The axis of the band of rows beneath a chart's main plot (which takes the upper 70 %), `top` high. */
function rowsAxis(theme: ChartTheme, top: number): Partial<Layout['xaxis']> {
  return themedAxis(theme, 'Rows', { domain: [0, top], rangemode: 'tozero', tickformat: '~s' });
}

/**
 * A reliability chart: observed rate against predicted probability, both up to `limit`, with the
 * rows per bin in a band beneath (the x axis is drawn under the band).
 */
export function reliabilityLayout(theme: ChartTheme, xTitle: string, limit: number): Partial<Layout> {
  return {
    ...baseLayout(theme),
    margin: { l: 72, r: 16, t: 28, b: 52 },
    xaxis: themedAxis(theme, xTitle, { range: [0, limit], tickformat: '.0%', anchor: 'y2' }),
    yaxis: themedAxis(theme, 'Observed rate (%)', {
      range: [0, limit],
      tickformat: '.0%',
      domain: [0.3, 1],
    }),
    yaxis2: rowsAxis(theme, 0.22),
  };
}

/** A chart per period: the periods as categories, the main plot above a band of the rows per period. */
export function periodLayout(
  theme: ChartTheme,
  xTitle: string,
  yTitle: string,
  y: Partial<Layout['yaxis']>,
): Partial<Layout> {
  return {
    ...baseLayout(theme),
    margin: { l: 72, r: 16, t: 28, b: 40 },
    xaxis: themedAxis(theme, xTitle, { type: 'category', anchor: 'y2', automargin: true }),
    yaxis: themedAxis(theme, yTitle, { domain: [0.3, 1], ...y }),
    yaxis2: rowsAxis(theme, 0.2),
  };
}

/** The rows per period as bars in the band beneath a chart laid out by `periodLayout`. */
export function periodRowsBars(x: string[], rows: number[], name: string, theme: ChartTheme): Data {
  return {
    type: 'bar',
    x,
    y: rows,
    yaxis: 'y2',
    name,
    marker: { color: theme.series[0], opacity: 0.3 },
    hovertemplate: `%{x}<br>${name}: %{y:,.0f}<extra></extra>`,
    showlegend: false,
  };
}

/** The diagonal of perfect calibration, up to `limit`. */
export function perfectCalibrationLine(limit: number, theme: ChartTheme): Data {
  return {
    type: 'scatter',
    mode: 'lines',
    x: [0, limit],
    y: [0, limit],
    name: 'Perfect calibration',
    line: { color: theme.muted, dash: 'dash', width: 1 },
    hoverinfo: 'skip',
  };
}

/**
 * The upper end of both axes of a reliability chart: just past the highest point (and interval,
 * when drawn), so the data fills the square. Bin edges are left out on purpose: the last quantile
 * bin often reaches far beyond its mean, and would squeeze every point into a corner.
 */
export function probabilityLimit(bins: Iterable<ReliabilityBinJson>, withIntervals: boolean): number {
  let top = 0;
  for (const bin of bins) {
    if (bin.n === 0) continue;
    top = Math.max(top, bin.meanPredicted ?? 0, bin.observedRate ?? 0, withIntervals ? (bin.ciHigh ?? 0) : 0);
  }
  return top === 0 ? 1 : Math.min(1, top * 1.08);
}

export const pct = (value: number) => `${(value * 100).toFixed(2)} %`;

/** The hover text of a filled bin (one with rows and both rates): its range, rows and rates. */
export function binHover(bin: ReliabilityBinJson): string {
  return (
    `Bin [${pct(bin.lo)}, ${pct(bin.hi)})<br>Rows: ${bin.n.toLocaleString('en-US')}` +
    `<br>Mean predicted: ${pct(bin.meanPredicted as number)}<br>Observed: ${pct(bin.observedRate as number)}`
  );
}
