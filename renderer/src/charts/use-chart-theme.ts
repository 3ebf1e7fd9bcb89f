import { useMemo } from 'react';
import { readChartTheme, type ChartTheme } from './chart-theme';
import { useColorScheme } from './use-color-scheme';

/** The chart colours of the current OS theme; a new object when the theme changes, so charts redraw. */
export function useChartTheme(): ChartTheme {
  const scheme = useColorScheme();
  // The scheme is the dependency on purpose: the stylesheet has switched when it changes.
  return useMemo(() => readChartTheme(), [scheme]);
}
