import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import { allocateColumn, type ColumnArray, type ColumnStorage } from './column-spec';

/** Reads one whole column into a single typed array by concatenating its chunks in order. */
export function readColumn(db: Database.Database, datasetId: number, columnName: string): ColumnArray {
  const column = db
    .prepare('SELECT position, storage FROM dataset_columns WHERE dataset_id = ? AND name = ?')
    .get(datasetId, columnName) as { position: number; storage: ColumnStorage } | undefined;
  if (!column) throw new ApiError('not-found', `Dataset ${datasetId} has no column "${columnName}".`);
  const { rows } = db.prepare('SELECT row_count AS rows FROM datasets WHERE id = ?').get(datasetId) as {
    rows: number;
  };
  const out = allocateColumn(column.storage, rows);
  const bytes = new Uint8Array(out.buffer);
  let offset = 0;
  const chunks = db
    .prepare('SELECT data FROM column_chunks WHERE dataset_id = ? AND position = ? ORDER BY chunk')
    .raw()
    .iterate(datasetId, column.position) as IterableIterator<[Buffer]>;
  for (const [data] of chunks) {
    bytes.set(data, offset);
    offset += data.byteLength;
  }
  if (offset !== bytes.byteLength) {
    throw new ApiError(
      'workspace',
      `Column "${columnName}" of dataset ${datasetId} is incomplete in the workspace.`,
    );
  }
  return out;
}
