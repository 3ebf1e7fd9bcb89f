import { useMemo } from 'react';
import type { ScriptRunResult } from '../../../../../shared/api/calls/script-calls';
import { ChartPanel } from '../../../charts/ChartPanel';
import { overlaidReliabilityFigure } from '../../../charts/overlaid-reliability-figure';
import { useChartTheme } from '../../../charts/use-chart-theme';

/** The script's reliability curve on the test rows over the production score's (dotted), with rows per bin beneath. */
export function ScriptReliabilityPanel({
  test,
  scriptLabel,
  binning,
  exportName,
}: {
  test: ScriptRunResult['test'];
  scriptLabel: string;
  binning: 'uniform' | 'quantile';
  exportName: string;
}) {
  const theme = useChartTheme();
  const figure = useMemo(
    () =>
      overlaidReliabilityFigure(
        [
          ...(test.production
            ? [
                {
                  name: `Production (${test.production.column})`,
                  bins: test.production.diagnostic.reliability,
                  color: theme.muted,
                  baseline: true,
                },
              ]
            : []),
          { name: scriptLabel, bins: test.script.diagnostic.reliability, color: theme.series[0] },
        ],
        theme,
      ),
    [test, scriptLabel, theme],
  );
  return (
    <ChartPanel
      title="Reliability on the test rows"
      subtitle={`${test.script.diagnostic.reliability.length} ${binning} bins · the script${test.production ? ' against the production score (dotted)' : ''} · rows per bin beneath`}
      figure={figure}
      label={`Reliability of ${scriptLabel} on the test rows${test.production ? ', against the production score' : ''}`}
      exportName={exportName}
      drawnMark="script-curves-drawn"
      size="large"
    />
  );
}
