import { useApi } from '../../api/api-context';
import { useEngineQuery } from '../../api/use-engine-query';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Panel } from '../../components/Panel';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatPercent,
} from '../../format';
import type { DatasetSummary } from '../../../../shared/domain/dataset-summary';
import type { StoredColumn } from '../../../../shared/domain/dataset-details';
import { ValidationReportView } from './import/ValidationReportView';

interface Props {
  dataset: DatasetSummary;
  onDiagnose: () => void;
  onRename: () => void;
  onDelete: () => void;
}

function columnRange(column: StoredColumn): string {
  if (column.kind === 'timestamp') {
    return column.min === null || column.max === null
      ? '—'
      : `${formatDate(column.min)} – ${formatDate(column.max)}`;
  }
  if (column.distinctValues !== null) return `${formatCount(column.distinctValues)} values`;
  if (column.min === null || column.max === null) return '—';
  const digits = column.kind === 'integer' ? 0 : 4;
  return `${formatDecimal(column.min, digits)} – ${formatDecimal(column.max, digits)}`;
}

/** Provenance, columns and the import's validation summary of the selected dataset. */
export function DatasetDetailsPanel({ dataset, onDiagnose, onRename, onDelete }: Props) {
  const api = useApi();
  const key = `${dataset.id}:${dataset.name}`;
  const details = useEngineQuery(key, () => api.call('datasets.show', { id: dataset.id }));
  const value = details.value?.summary.id === dataset.id ? details.value : null;

  return (
    <Panel
      title={dataset.name}
      subtitle="Selected dataset"
      actions={
        <>
          <button type="button" className="button button--primary" onClick={onDiagnose}>
            Diagnose
          </button>
          <button type="button" className="button" onClick={onRename}>
            Rename…
          </button>
          <button type="button" className="button button--danger" onClick={onDelete}>
            Delete…
          </button>
        </>
      }
    >
      {details.error ? <ErrorBanner error={details.error} /> : null}
      <dl className="facts">
        <div>
          <dt>Rows</dt>
          <dd className="numeric-text">{formatCount(dataset.rows)}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd className="numeric-text">
            {formatCount(dataset.positives)} ({formatPercent(dataset.baseRate)})
          </dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd className="numeric-text">{formatDateTime(dataset.importedAt)}</dd>
        </div>
        <div className="facts__wide">
          <dt>Source file</dt>
          <dd>
            {value?.sourcePath ?? dataset.sourceName} ({formatBytes(dataset.sourceBytes)})
          </dd>
        </div>
        <div className="facts__wide">
          <dt>Source SHA-256</dt>
          <dd>
            <code className="hash">{dataset.sourceSha256}</code>
          </dd>
        </div>
      </dl>

      <h3 className="section-title">Columns</h3>
      <div className="table-scroll">
        <table className="data-table data-table--compact" aria-label={`Columns of ${dataset.name}`}>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Role</th>
              <th scope="col">Type</th>
              <th scope="col">From file column</th>
              <th scope="col" className="numeric">
                Missing
              </th>
              <th scope="col" className="numeric">
                Range or values
              </th>
            </tr>
          </thead>
          <tbody>
            {value ? (
              value.columns.map((column) => (
                <tr key={column.position}>
                  <th scope="row">{column.name}</th>
                  <td>
                    {column.role ?? <span className="muted">—</span>}
                    {column.scoreScale ? <span className="muted"> ({column.scoreScale})</span> : null}
                  </td>
                  <td>
                    {column.kind}
                    {column.timestampFormat ? (
                      <span className="muted"> ({column.timestampFormat})</span>
                    ) : null}
                  </td>
                  <td>{column.source ?? '—'}</td>
                  <td className="numeric">{column.missing === null ? '—' : formatCount(column.missing)}</td>
                  <td className="numeric">{columnRange(column)}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={6} className="muted">
                  {details.loading ? 'Reading the columns…' : ''}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {value?.validation ? (
        <>
          <h3 className="section-title">Validation at import</h3>
          <ValidationReportView report={value.validation} compact />
        </>
      ) : null}
    </Panel>
  );
}
