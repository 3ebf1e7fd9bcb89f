import type { ValidationReport, ValidationRule } from '../../../../../shared/domain/validation-report';
import { formatCount } from '../../../format';

const RULE_NAMES: Record<ValidationRule, string> = {
  'ragged-row': 'Row with the wrong number of fields',
  'non-numeric': 'Not a number',
  'probability-range': 'Probability outside [0, 1]',
  'outcome-not-binary': 'Outcome not binary',
  'missing-required': 'Missing score or outcome',
  'missing-value': 'Missing value (kept as missing)',
  'unparseable-timestamp': 'Unreadable timestamp',
  'duplicate-id': 'Duplicate id',
  'invalid-text': 'Invalid text encoding',
  'malformed-row': 'Malformed row',
};

/** Rows read, imported and skipped, then every rule that found something with its first examples. */
export function ValidationReportView({
  report,
  compact = false,
}: {
  report: ValidationReport;
  compact?: boolean;
}) {
  return (
    <div className="validation-report">
      <dl className="facts facts--inline">
        <div>
          <dt>Rows read</dt>
          <dd className="numeric-text">{formatCount(report.rowsRead)}</dd>
        </div>
        <div>
          <dt>Rows imported</dt>
          <dd className="numeric-text">{formatCount(report.rowsImported)}</dd>
        </div>
        <div>
          <dt>Rows skipped</dt>
          <dd className="numeric-text">{formatCount(report.rowsSkipped)}</dd>
        </div>
        <div>
          <dt>On a bad row</dt>
          <dd>{report.policy === 'refuse' ? 'Refuse the file' : 'Skip the row'}</dd>
        </div>
      </dl>
      {report.rules.length === 0 ? (
        <p className="notice">No problems were found.</p>
      ) : (
        <ul className="rule-list" aria-label="Problems found">
          {report.rules.map((rule) => (
            <li key={rule.rule} className={`rule rule--${rule.severity}`}>
              <details open={!compact && rule.severity === 'error'}>
                <summary>
                  <span className={`badge badge--${rule.severity}`}>{rule.severity}</span>
                  <span className="rule__name">{RULE_NAMES[rule.rule]}</span>
                  <span className="rule__count numeric-text">{formatCount(rule.count)}×</span>
                </summary>
                {rule.examples.length > 0 ? (
                  <table className="data-table data-table--compact">
                    <thead>
                      <tr>
                        <th scope="col" className="numeric">
                          Line
                        </th>
                        <th scope="col">Column</th>
                        <th scope="col">Value</th>
                        <th scope="col">Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rule.examples.map((example, index) => (
                        <tr key={index}>
                          <td className="numeric">{formatCount(example.line)}</td>
                          <td>{example.column ?? '(whole row)'}</td>
                          <td>
                            <code>{example.value === '' ? '(empty)' : example.value}</code>
                          </td>
                          <td>{example.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <p className="notice">Counted without examples.</p>
                )}
                {rule.count > rule.examples.length && rule.examples.length > 0 ? (
                  <p className="notice">
                    The first {rule.examples.length} of {formatCount(rule.count)} are shown.
                  </p>
                ) : null}
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
