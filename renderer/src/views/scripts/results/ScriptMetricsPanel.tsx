import type { ScriptRunResult } from '../../../../../shared/api/calls/script-calls';
import type { Diagnostic, DiagnosticCi } from '../../../../../shared/metrics/diagnostic-schema';
import { CopyTableButton } from '../../../components/CopyTableButton';
import { Panel } from '../../../components/Panel';
import { formatCount, formatDecimal } from '../../../format';
import { metricValue } from '../../diagnose/metric-definitions';
import { SCRIPT_BOOTSTRAP_RESAMPLES } from '../scripts-settings';

interface Row {
  path: string;
  label: string;
  help: string;
  format: (value: number | null) => string;
  /** Which is better, for the marker beside the better of the two. */
  better: 'lower' | 'higher' | 'nearer-one' | 'nearer-zero' | null;
}

const count = (value: number | null) => (value === null ? '—' : formatCount(value));
const four = (value: number | null) => formatDecimal(value, 4);
const three = (value: number | null) => formatDecimal(value, 3);

const ROWS: readonly Row[] = [
  { path: 'n', label: 'Test rows', help: 'Rows the numbers are measured on.', format: count, better: null },
  { path: 'positives', label: 'Events', help: 'Test rows with the event.', format: count, better: null },
  {
    path: 'brier',
    label: 'Brier score',
    help: 'Mean squared error; lower is better.',
    format: four,
    better: 'lower',
  },
  {
    path: 'logLoss',
    label: 'Log loss',
    help: 'Mean negative log-likelihood; lower is better.',
    format: four,
    better: 'lower',
  },
  {
    path: 'ece',
    label: 'ECE',
    help: 'Expected calibration error over the bins; lower is better.',
    format: four,
    better: 'lower',
  },
  {
    path: 'auc',
    label: 'AUC',
    help: 'Area under the ROC curve; higher ranks better.',
    format: four,
    better: 'higher',
  },
  {
    path: 'oeRatio',
    label: 'O/E ratio',
    help: 'Observed over expected events; 1 is calibrated in the large.',
    format: three,
    better: 'nearer-one',
  },
  {
    path: 'slope',
    label: 'Calibration slope',
    help: '1 is ideal; below 1 means too extreme.',
    format: three,
    better: 'nearer-one',
  },
  {
    path: 'intercept',
    label: 'Calibration intercept',
    help: '0 is ideal.',
    format: three,
    better: 'nearer-zero',
  },
];

function score(row: Row, value: number | null): number | null {
  if (value === null || row.better === null) return null;
  switch (row.better) {
    case 'lower':
      return value;
    case 'higher':
      return -value;
    case 'nearer-one':
      return Math.abs(value - 1);
    case 'nearer-zero':
      return Math.abs(value);
  }
}

function interval(ci: DiagnosticCi | null, row: Row): string | null {
  const pair = ci?.[row.path];
  return pair ? `${row.format(pair[0])} – ${row.format(pair[1])}` : null;
}

interface Side {
  diagnostic: Diagnostic;
  ci: DiagnosticCi | null;
}

/** The script beside the dataset's production score on the same test rows; the better value of each pair is marked. */
export function ScriptMetricsPanel({
  test,
  scriptLabel,
}: {
  test: ScriptRunResult['test'];
  scriptLabel: string;
}) {
  const script: Side = test.script;
  const production: Side | null = test.production;
  const rows = () => [
    ['Metric', scriptLabel, ...(test.production ? [`Production (${test.production.column})`] : [])],
    ...ROWS.map((row) => [
      row.label,
      String(metricValue(script.diagnostic, row.path) ?? ''),
      ...(production ? [String(metricValue(production.diagnostic, row.path) ?? '')] : []),
    ]),
  ];
  return (
    <Panel
      title="Test metrics"
      subtitle={[
        `${formatCount(test.rows)} test rows`,
        test.production
          ? `the script beside the production score “${test.production.column}”`
          : 'this dataset has no production score to compare with',
        ...(script.ci ? [`95 % bootstrap intervals, B = ${SCRIPT_BOOTSTRAP_RESAMPLES}`] : []),
      ].join(' · ')}
      className="metrics-panel"
      actions={<CopyTableButton rows={rows} />}
    >
      <table className="metric-table script-metrics" aria-label="Script test metrics">
        <thead>
          <tr className="metric-table__head">
            <th scope="col">Metric</th>
            <th scope="col" className="numeric">
              Script
            </th>
            {production ? (
              <th scope="col" className="numeric">
                Production
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const a = metricValue(script.diagnostic, row.path);
            const b = production ? metricValue(production.diagnostic, row.path) : null;
            const sa = score(row, a);
            const sb = score(row, b);
            const best = sa !== null && sb !== null && sa !== sb ? (sa < sb ? 'script' : 'production') : null;
            const ia = interval(script.ci, row);
            const ib = production ? interval(production.ci, row) : null;
            return (
              <tr key={row.path} title={row.help} data-metric={row.path}>
                <th scope="row">{row.label}</th>
                <td className={`numeric${best === 'script' ? ' is-better' : ''}`} data-side="script">
                  {row.format(a)}
                  {ia ? <div className="metric-table__ci">{ia}</div> : null}
                </td>
                {production ? (
                  <td
                    className={`numeric${best === 'production' ? ' is-better' : ''}`}
                    data-side="production"
                  >
                    {row.format(b)}
                    {ib ? <div className="metric-table__ci">{ib}</div> : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {production ? <p className="muted script-note">Bold: the better of the two.</p> : null}
    </Panel>
  );
}
