import type { ApiError } from '../../../../shared/api/api-error';
import type { Progress } from '../../../../shared/api/progress';
import type { Diagnostic, DiagnosticCi } from '../../../../shared/metrics/diagnostic-schema';
import { CopyTableButton } from '../../components/CopyTableButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import { ProgressPanel } from '../../components/ProgressPanel';
import { formatCount } from '../../format';
import { METRIC_GROUPS, metricInterval, metricValue } from './metric-definitions';

export const BOOTSTRAP_RESAMPLES = 200;

interface Props {
  diagnostic: Diagnostic | null;
  busy: boolean;
  /** Intervals of the current settings, or null when none were computed for them. */
  ci: DiagnosticCi | null;
  bootstrap: { running: boolean; progress: Progress | null; error: ApiError | null };
  onBootstrap: () => void;
  onCancelBootstrap: () => void;
}

/** Every scalar metric, with its 95 % bootstrap interval once the user has asked for them. */
export function MetricsPanel({ diagnostic, busy, ci, bootstrap, onBootstrap, onCancelBootstrap }: Props) {
  const rows = (): string[][] => {
    if (!diagnostic) return [];
    const table = [['Metric', 'Value', ci ? '95 % bootstrap interval' : ''].filter(Boolean)];
    table.push(['Rows', String(diagnostic.n)], ['Events', String(diagnostic.positives)]);
    for (const group of METRIC_GROUPS) {
      for (const metric of group.metrics) {
        const line = [metric.label, metric.format(metricValue(diagnostic, metric.path))];
        if (ci) line.push(metricInterval(ci, metric) ?? '');
        table.push(line);
      }
    }
    return table;
  };

  return (
    <Panel
      title="Metrics"
      subtitle={ci ? `95 % percentile bootstrap intervals, B = ${BOOTSTRAP_RESAMPLES}` : 'Point estimates'}
      busy={busy}
      className="metrics-panel"
      actions={<CopyTableButton rows={rows} />}
    >
      <div className="metrics-panel__bootstrap">
        {bootstrap.running ? (
          <ProgressPanel label="Bootstrap" progress={bootstrap.progress} onCancel={onCancelBootstrap} />
        ) : (
          <button type="button" className="button button--small" onClick={onBootstrap} disabled={!diagnostic}>
            {ci ? 'Recompute' : 'Bootstrap intervals'} (B = {BOOTSTRAP_RESAMPLES})
          </button>
        )}
        {bootstrap.error ? <ErrorBanner error={bootstrap.error} /> : null}
      </div>
      <table className="metric-table" aria-label="Calibration metrics">
        <tbody>
          <tr>
            <th scope="row">Rows</th>
            <td className="numeric">{diagnostic ? formatCount(diagnostic.n) : '—'}</td>
            {ci ? <td /> : null}
          </tr>
          <tr>
            <th scope="row">Events</th>
            <td className="numeric">{diagnostic ? formatCount(diagnostic.positives) : '—'}</td>
            {ci ? <td /> : null}
          </tr>
        </tbody>
        {METRIC_GROUPS.map((group) => (
          <tbody key={group.title}>
            <tr className="metric-table__group">
              <th scope="rowgroup" colSpan={ci ? 3 : 2}>
                {group.title}
              </th>
            </tr>
            {group.metrics.map((metric) => (
              <tr key={metric.path} title={metric.help}>
                <th scope="row">{metric.label}</th>
                <td className="numeric" data-metric={metric.path}>
                  {diagnostic ? metric.format(metricValue(diagnostic, metric.path)) : '—'}
                </td>
                {ci ? (
                  <td className="numeric metric-table__ci">{metricInterval(ci, metric) ?? '—'}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </Panel>
  );
}
