import type { Layout } from 'plotly.js';

/** Colours of one theme, read from the CSS custom properties at draw time. */
export interface ChartTheme {
  surface: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  series: [string, string, string, string];
  /** Eight distinguishable colours for charts that overlay many series (one per calibrator). */
  palette: string[];
  good: string;
  warn: string;
  bad: string;
  band: string;
}

function cssVariable(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/** The stylesheet is the one source of colours; charts follow it (and so the OS theme). */
export function readChartTheme(): ChartTheme {
  return {
    surface: cssVariable('--surface', '#ffffff'),
    text: cssVariable('--text', '#1c2230'),
    muted: cssVariable('--muted', '#5b6474'),
    grid: cssVariable('--chart-grid', '#e6e9ee'),
    axis: cssVariable('--border', '#d8dde5'),
    series: [
      cssVariable('--chart-1', '#2457c5'),
      cssVariable('--chart-2', '#d9822b'),
      cssVariable('--chart-3', '#2e9e6a'),
      cssVariable('--chart-4', '#8a5cc7'),
    ],
    palette: [
      cssVariable('--chart-1', '#2457c5'),
      cssVariable('--chart-2', '#d9822b'),
      cssVariable('--chart-3', '#2e9e6a'),
      cssVariable('--chart-4', '#8a5cc7'),
      cssVariable('--chart-5', '#c23b7a'),
      cssVariable('--chart-6', '#0f8f9e'),
      cssVariable('--chart-7', '#8c6d1f'),
      cssVariable('--chart-8', '#4f5b6e'),
    ],
    good: cssVariable('--light-green', '#2e9e6a'),
    warn: cssVariable('--light-yellow', '#d4a017'),
    bad: cssVariable('--light-red', '#d64545'),
    band: cssVariable('--chart-band', 'rgba(36, 87, 197, 0.16)'),
  };
}

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Layout parts every chart shares: transparent paper on the panel, theme fonts, quiet grid. */
export function baseLayout(theme: ChartTheme): Partial<Layout> {
  return {
    paper_bgcolor: theme.surface,
    plot_bgcolor: theme.surface,
    font: { family: FONT_FAMILY, size: 12, color: theme.text },
    margin: { l: 64, r: 16, t: 16, b: 52 },
    hoverlabel: { font: { family: FONT_FAMILY, size: 12 } },
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { color: theme.text } },
    separators: '.,',
  };
}

/** One axis in the theme, with its title (which carries the unit). */
export function themedAxis(
  theme: ChartTheme,
  title: string,
  extra: Partial<Layout['xaxis']> = {},
): Partial<Layout['xaxis']> {
  return {
    title: { text: title, font: { size: 12, color: theme.muted }, standoff: 8 },
    gridcolor: theme.grid,
    linecolor: theme.axis,
    zerolinecolor: theme.axis,
    tickfont: { color: theme.muted },
    automargin: true,
    ...extra,
  };
}
