import type { FitReport } from '../../../../../shared/scripting/fit-report';
import { CopyTableButton } from '../../../components/CopyTableButton';
import { Panel } from '../../../components/Panel';
import { formatBounds, formatParam } from './format-param';

const Z95 = 1.96;

/** Every declared parameter: where the fit started, its bounds, the fitted value, its standard error and 95 % interval. */
export function FittedParamsPanel({ report }: { report: FitReport }) {
  const interval = (value: number, se: number | null) =>
    se === null ? null : ([value - Z95 * se, value + Z95 * se] as const);
  const rows = () => [
    ['Parameter', 'Init', 'Lower', 'Upper', 'Value', 'Standard error', '95 % low', '95 % high'],
    ...report.params.map((p) => {
      const ci = interval(p.value, p.standardError);
      return [
        p.name,
        String(p.init),
        p.lower === null ? '' : String(p.lower),
        p.upper === null ? '' : String(p.upper),
        String(p.value),
        p.standardError === null ? '' : String(p.standardError),
        ci ? String(ci[0]) : '',
        ci ? String(ci[1]) : '',
      ];
    }),
  ];
  return (
    <Panel
      title="Fitted parameters"
      subtitle={`${report.params.length} parameter${report.params.length === 1 ? '' : 's'} · 95 % interval = value ± 1.96 · SE (asymptotic)`}
      actions={<CopyTableButton rows={rows} />}
    >
      <div className="table-scroll">
        <table className="data-table data-table--compact" aria-label="Fitted parameters">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col" className="numeric">
                Init
              </th>
              <th scope="col" className="numeric">
                Bounds
              </th>
              <th scope="col" className="numeric">
                Value
              </th>
              <th scope="col" className="numeric">
                Std. error
              </th>
              <th scope="col" className="numeric">
                95 % interval
              </th>
            </tr>
          </thead>
          <tbody>
            {report.params.map((p) => {
              const ci = interval(p.value, p.standardError);
              return (
                <tr key={p.name} data-param={p.name}>
                  <th scope="row">
                    <code>{p.name}</code>
                  </th>
                  <td className="numeric">{formatParam(p.init)}</td>
                  <td className="numeric">{formatBounds(p.lower, p.upper)}</td>
                  <td className="numeric param-value" data-field="value">
                    {formatParam(p.value)}
                  </td>
                  <td className="numeric" data-field="standardError">
                    {formatParam(p.standardError)}
                  </td>
                  <td className="numeric">{ci ? `${formatParam(ci[0])} – ${formatParam(ci[1])}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.standardErrorNote ? (
        <p className="muted script-note" role="note">
          Standard errors: {report.standardErrorNote}
        </p>
      ) : null}
    </Panel>
  );
}
