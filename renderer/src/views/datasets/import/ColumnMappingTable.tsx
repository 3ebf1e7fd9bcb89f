import type {
  ColumnKind,
  ColumnRole,
  ScoreScale,
  TimestampFormat,
} from '../../../../../shared/domain/column-schema';
import type { ImportPreview } from '../../../../../shared/domain/import-preview';
import { formatCount } from '../../../format';
import {
  assignRole,
  KINDS,
  ROLES,
  SCORE_SCALES,
  TIMESTAMP_FORMATS,
  updateColumn,
  type MappedColumn,
} from './column-mapping';

interface Props {
  preview: ImportPreview;
  columns: MappedColumn[];
  onChange: (columns: MappedColumn[]) => void;
}

const SAMPLE_VALUES = 3;

/** One line per file column: import it or not, its stored name, its type, its role, how to read it. */
export function ColumnMappingTable({ preview, columns, onChange }: Props) {
  const samples = (index: number) =>
    preview.rows
      .map((row) => row[index])
      .filter((cell): cell is string => cell !== null && cell !== undefined && cell !== '')
      .slice(0, SAMPLE_VALUES);

  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact mapping-table" aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Import</th>
            <th scope="col">Column in file</th>
            <th scope="col">Stored as</th>
            <th scope="col">Type</th>
            <th scope="col">Role</th>
            <th scope="col">Read as</th>
            <th scope="col">First values</th>
            <th scope="col" className="numeric">
              Missing
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => {
            const detected = preview.columns[index];
            const dimmed = !column.include;
            return (
              <tr key={column.source} className={dimmed ? 'is-excluded' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    checked={column.include}
                    aria-label={`Import ${column.source}`}
                    onChange={(event) =>
                      onChange(updateColumn(columns, column.source, { include: event.target.checked }))
                    }
                  />
                </td>
                <th scope="row">
                  <code>{column.source}</code>
                </th>
                <td>
                  <input
                    className="input input--compact"
                    value={column.name}
                    aria-label={`Stored name of ${column.source}`}
                    disabled={dimmed}
                    onChange={(event) =>
                      onChange(updateColumn(columns, column.source, { name: event.target.value }))
                    }
                  />
                </td>
                <td>
                  <select
                    className="select select--compact"
                    value={column.kind}
                    aria-label={`Type of ${column.source}`}
                    disabled={dimmed}
                    onChange={(event) =>
                      onChange(
                        updateColumn(columns, column.source, { kind: event.target.value as ColumnKind }),
                      )
                    }
                  >
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                        {detected?.kind === kind ? ' (detected)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="select select--compact"
                    value={column.role ?? ''}
                    aria-label={`Role of ${column.source}`}
                    disabled={dimmed}
                    onChange={(event) =>
                      onChange(
                        assignRole(columns, column.source, (event.target.value || null) as ColumnRole | null),
                      )
                    }
                  >
                    <option value="">none</option>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                        {detected?.suggestedRole === role ? ' (suggested)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {column.kind === 'timestamp' ? (
                    <select
                      className="select select--compact"
                      value={column.timestampFormat ?? ''}
                      aria-label={`Timestamp format of ${column.source}`}
                      disabled={dimmed}
                      onChange={(event) =>
                        onChange(
                          updateColumn(columns, column.source, {
                            timestampFormat: (event.target.value || null) as TimestampFormat | null,
                          }),
                        )
                      }
                    >
                      <option value="">detect</option>
                      {TIMESTAMP_FORMATS.map((format) => (
                        <option key={format} value={format}>
                          {format}
                        </option>
                      ))}
                    </select>
                  ) : column.role === 'score' ? (
                    <select
                      className="select select--compact"
                      value={column.scoreScale ?? 'probability'}
                      aria-label={`Score scale of ${column.source}`}
                      disabled={dimmed}
                      onChange={(event) =>
                        onChange(
                          updateColumn(columns, column.source, {
                            scoreScale: event.target.value as ScoreScale,
                          }),
                        )
                      }
                    >
                      {SCORE_SCALES.map((scale) => (
                        <option key={scale} value={scale}>
                          {scale}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <div className="mapping-table__samples">
                    {samples(index).map((value, k) => (
                      <code key={k}>{value}</code>
                    ))}
                  </div>
                </td>
                <td className="numeric">{detected ? formatCount(detected.missingValues) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
