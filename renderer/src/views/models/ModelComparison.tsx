import { useMemo } from 'react';
import type { ModelDetails } from '../../../../shared/api/calls/model-calls';
import { ChartPanel } from '../../charts/ChartPanel';
import { overlaidReliabilityFigure } from '../../charts/overlaid-reliability-figure';
import { useChartTheme } from '../../charts/use-chart-theme';
import { CopyTableButton } from '../../components/CopyTableButton';
import { Panel } from '../../components/Panel';
import { formatCount } from '../../format';
import { METRIC_GROUPS, metricValue } from '../diagnose/metric-definitions';
import { methodInfo, validationSummary } from '../shared/calibration-labels';

/** Lower is better for these; the difference is coloured by whether B improves on A. */
const LOWER_IS_BETTER = new Set(['brier', 'logLoss', 'ece', 'mce', 'ace', 'rms.Eavg', 'rms.E90', 'rms.Emax']);
const HIGHER_IS_BETTER = new Set(['auc', 'gini', 'ks']);

/** Two models side by side: every metric with the difference, and both reliability curves overlaid. */
export function ModelComparison({ a, b }: { a: ModelDetails; b: ModelDetails }) {
  const theme = useChartTheme();
  const da = a.document.validationMetrics.calibrated.diagnostic;
  const db = b.document.validationMetrics.calibrated.diagnostic;
  const figure = useMemo(
    () =>
      overlaidReliabilityFigure(
        [
          { name: `A: ${a.summary.name}`, bins: da.reliability, color: theme.series[0] },
          { name: `B: ${b.summary.name}`, bins: db.reliability, color: theme.series[1] },
        ],
        theme,
      ),
    [a.summary.name, b.summary.name, da, db, theme],
  );
  const sameRows = a.document.provenance.dataset.sourceSha256 === b.document.provenance.dataset.sourceSha256;

  const rows = () => [
    ['Metric', `A: ${a.summary.name}`, `B: ${b.summary.name}`, 'B − A'],
    ...METRIC_GROUPS.flatMap((group) =>
      group.metrics.map((metric) => {
        const va = metricValue(da, metric.path);
        const vb = metricValue(db, metric.path);
        return [
          metric.label,
          va === null ? '' : String(va),
          vb === null ? '' : String(vb),
          va !== null && vb !== null ? String(vb - va) : '',
        ];
      }),
    ),
  ];

  return (
    <div className="model-compare">
      <Panel
        title="Compared side by side"
        subtitle={
          sameRows
            ? `Test metrics of both · ${validationSummary(a.summary.validation) === validationSummary(b.summary.validation) ? validationSummary(a.summary.validation) : 'different validation schemes'}`
            : 'Measured on different datasets: differences mix the maps and the data'
        }
        actions={<CopyTableButton rows={rows} />}
      >
        <dl className="compare-legend">
          <dt>
            <span className="series-key" style={{ background: theme.series[0] }} aria-hidden="true" />A
          </dt>
          <dd>
            {a.summary.name} <span className="muted">({methodInfo(a.summary.method).label})</span>
          </dd>
          <dt>
            <span className="series-key" style={{ background: theme.series[1] }} aria-hidden="true" />B
          </dt>
          <dd>
            {b.summary.name} <span className="muted">({methodInfo(b.summary.method).label})</span>
          </dd>
        </dl>
        <div className="table-scroll">
          <table className="data-table data-table--compact compare-table" aria-label="Model comparison">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="numeric" title={a.summary.name}>
                  A
                </th>
                <th scope="col" className="numeric" title={b.summary.name}>
                  B
                </th>
                <th scope="col" className="numeric">
                  B − A
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Test rows</th>
                <td className="numeric">{formatCount(da.n)}</td>
                <td className="numeric">{formatCount(db.n)}</td>
                <td className="numeric">—</td>
              </tr>
              {METRIC_GROUPS.flatMap((group) =>
                group.metrics.map((metric) => {
                  const va = metricValue(da, metric.path);
                  const vb = metricValue(db, metric.path);
                  const diff = va !== null && vb !== null ? vb - va : null;
                  const better =
                    diff === null || diff === 0
                      ? null
                      : LOWER_IS_BETTER.has(metric.path)
                        ? diff < 0
                        : HIGHER_IS_BETTER.has(metric.path)
                          ? diff > 0
                          : null;
                  return (
                    <tr key={metric.path} title={metric.help} data-metric={metric.path}>
                      <th scope="row">{metric.label}</th>
                      <td className="numeric">{metric.format(va)}</td>
                      <td className="numeric">{metric.format(vb)}</td>
                      <td className="numeric">
                        {diff === null ? (
                          '—'
                        ) : (
                          <span
                            className={
                              better === null
                                ? undefined
                                : better
                                  ? 'delta delta--better'
                                  : 'delta delta--worse'
                            }
                          >
                            {diff > 0 ? '+' : diff < 0 ? '−' : ''}
                            {metric.format(Math.abs(diff)).replace(' %', ' pp')}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </Panel>
      <ChartPanel
        title="Reliability of A and B"
        subtitle="Each model on its own test rows · rows per bin beneath"
        figure={figure}
        label={`Reliability curves of ${a.summary.name} and ${b.summary.name} overlaid`}
        exportName={`compare-${a.summary.name}-${b.summary.name}`}
        size="large"
      />
    </div>
  );
}
