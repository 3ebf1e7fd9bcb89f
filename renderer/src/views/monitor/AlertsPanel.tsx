import type { DriftOutput } from '../../../../shared/api/calls/analysis-calls';
import { CopyTableButton } from '../../components/CopyTableButton';
import { Panel } from '../../components/Panel';
import { TrafficLight } from '../../components/TrafficLight';
import { formatDecimal, formatPercent, formatPValue } from '../../format';

/** The periods the thresholds flag, with the reasons in words; calm periods are left out. */
export function AlertsPanel({ drift, busy }: { drift: DriftOutput | null; busy: boolean }) {
  const flagged = drift?.periods.filter((period) => period.alerts.length > 0 || period.light === 'red') ?? [];
  const rows = () => [
    ['Period', 'Jeffreys light', 'Observed', 'Predicted', 'O/E', 'H–L p', 'PSI', 'PSI light', 'Alerts'],
    ...flagged.map((period) => [
      period.label,
      period.light ?? '',
      String(period.observedRate ?? ''),
      String(period.meanPredicted ?? ''),
      String(period.oeRatio ?? ''),
      String(period.hosmerLemeshow.p ?? ''),
      String(period.psi),
      period.psiLight,
      period.alerts.join('; '),
    ]),
  ];
  return (
    <Panel
      title="Alerts"
      subtitle={
        drift
          ? `${flagged.length} of ${drift.periods.length} periods flagged by the thresholds`
          : 'Periods flagged by the thresholds'
      }
      busy={busy}
      actions={<CopyTableButton rows={rows} />}
      className="alerts-panel"
    >
      {drift && flagged.length === 0 ? (
        <p className="notice">
          No period crosses a threshold: calibration and the score distribution are stable.
        </p>
      ) : (
        <div className="table-scroll table-scroll--fixed">
          <table className="data-table data-table--compact" aria-label="Drift alerts">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Light</th>
                <th scope="col" className="numeric">
                  Observed
                </th>
                <th scope="col" className="numeric">
                  Predicted
                </th>
                <th scope="col" className="numeric">
                  O/E
                </th>
                <th scope="col" className="numeric">
                  H–L p
                </th>
                <th scope="col" className="numeric">
                  PSI
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {flagged.map((period) => (
                <tr key={period.key} data-period={period.label}>
                  <th scope="row" className="nowrap">
                    {period.label}
                  </th>
                  <td>
                    <TrafficLight light={period.light} />
                  </td>
                  <td className="numeric">{formatPercent(period.observedRate)}</td>
                  <td className="numeric">{formatPercent(period.meanPredicted)}</td>
                  <td className="numeric">{formatDecimal(period.oeRatio, 2)}</td>
                  <td className="numeric">{formatPValue(period.hosmerLemeshow.p)}</td>
                  <td className="numeric">
                    <span className={`light light--${period.psiLight}`}>
                      <span className="light__dot" aria-hidden="true" />
                      {formatDecimal(period.psi, 3)}
                    </span>
                  </td>
                  <td className="alerts-panel__why">{period.alerts.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
