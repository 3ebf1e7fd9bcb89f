import type Database from 'better-sqlite3';
import type { DatasetDetails, StoredColumn } from '../../../shared/domain/dataset-details';
import { ApiError } from '../../../shared/api/api-error';
import { allocateColumn, MISSING_BOOLEAN, type ColumnArray } from '../store/column-spec';
import { readDictionary } from '../store/read-dictionary';
import { openAtomicFile } from '../param-file/atomic-file';

export interface ExtraColumn {
  name: string;
  /** One value per dataset row; NaN writes an empty cell. */
  values: Float64Array;
}

/**
 * Writes the dataset's rows (those `mask` keeps, in their order) as CSV with the extra columns
 * appended, chunk by chunk as the store keeps them, so memory stays at one chunk per column.
 * Values are written back as stored: numbers in their shortest round-trip form (0.7000 comes back
 * as 0.7), timestamps as ISO 8601 UTC, categories and text as their labels, booleans as 1/0, and
 * missing values as empty cells. The file appears atomically, complete or not at all.
 */
export function writeScoredCsv(
  db: Database.Database,
  details: DatasetDetails,
  mask: Uint8Array | null,
  extras: ExtraColumn[],
  target: string,
  onRows: (done: number) => void,
  signal: AbortSignal,
): number {
  const datasetId = details.summary.id;
  const columns = details.columns;
  const taken = new Set(columns.map((c) => c.name));
  for (const extra of extras) {
    if (taken.has(extra.name)) {
      throw new ApiError(
        'invalid-input',
        `Dataset "${details.summary.name}" already has a column "${extra.name}"; choose another name for the calibrated column.`,
      );
    }
  }
  const dictionaries = columns.map((c) =>
    c.kind === 'category' || c.kind === 'text' ? readDictionary(db, datasetId, c.name) : null,
  );
  const chunkOf = db.prepare(
    'SELECT row_count AS rows, data FROM column_chunks WHERE dataset_id = ? AND position = ? AND chunk = ?',
  );
  let file;
  try {
    file = openAtomicFile(target);
  } catch (error) {
    throw new ApiError('invalid-input', `Cannot write ${target}.`, String(error));
  }
  let bytes = 0;
  const emit = (text: string) => {
    file.write(text);
    bytes += Buffer.byteLength(text);
  };
  try {
    emit(`${[...columns.map((c) => c.name), ...extras.map((e) => e.name)].map(csvField).join(',')}\n`);
    const total = details.summary.rows;
    let start = 0;
    for (let chunk = 0; start < total; chunk++) {
      if (signal.aborted) throw new ApiError('cancelled', 'Writing the scored CSV was cancelled.');
      const arrays = columns.map((column) => readChunk(chunkOf, datasetId, column, chunk));
      const rows = arrays[0]?.length ?? total - start;
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) {
        const row = start + r;
        if (mask && mask[row] === 0) continue;
        const cells = columns.map((column, c) => cellText(column, arrays[c]!, r, dictionaries[c] ?? null));
        for (const extra of extras) {
          const v = extra.values[row]!;
          cells.push(Number.isNaN(v) ? '' : String(v));
        }
        lines.push(cells.join(','));
      }
      if (lines.length > 0) emit(`${lines.join('\n')}\n`);
      start += rows;
      onRows(start);
    }
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
  return bytes;
}

function readChunk(
  statement: Database.Statement,
  datasetId: number,
  column: StoredColumn,
  chunk: number,
): ColumnArray {
  const row = statement.get(datasetId, column.position, chunk) as { rows: number; data: Buffer } | undefined;
  if (!row) throw new ApiError('workspace', `Column "${column.name}" is incomplete in the workspace.`);
  // Copy into a fresh, aligned buffer: SQLite's blob need not sit on an 8-byte boundary.
  const out = allocateColumn(column.storage, row.rows);
  new Uint8Array(out.buffer).set(row.data);
  return out;
}

function cellText(column: StoredColumn, values: ColumnArray, r: number, dictionary: string[] | null): string {
  const v = values[r]!;
  switch (column.kind) {
    case 'category':
    case 'text':
      return v < 0 || !dictionary ? '' : csvField(dictionary[v] ?? '');
    case 'boolean':
      return v === MISSING_BOOLEAN ? '' : String(v);
    case 'timestamp':
      return Number.isNaN(v) ? '' : new Date(v).toISOString();
    default:
      return Number.isNaN(v) ? '' : String(v);
  }
}

/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
