type PlotlyModule = typeof import('plotly.js-cartesian-dist-min').default;

let loading: Promise<PlotlyModule> | null = null;

/**
 * plotly is 1.5 MB: it is loaded (from the app's own files) the first time a chart is drawn, so
 * the Datasets view starts without it.
 */
export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-cartesian-dist-min').then((module) => module.default);
  return loading;
}
