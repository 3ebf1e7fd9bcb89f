import os from 'node:os';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import { allocateColumn, type ColumnArray, type ColumnSpec } from './column-spec';

/** Rows per stored chunk: large enough that a 10M-row column is ~150 blobs, small enough to stream. */
export const CHUNK_ROWS = 65_536;

if (os.endianness() !== 'LE') {
  // Chunks are raw typed-array bytes; the on-disk format is defined as little-endian.
  throw new Error('Scorecal stores column data little-endian and needs a little-endian machine.');
}

export interface DatasetHeader {
  name: string;
  sourceName: string;
  sourcePath: string | null;
  sourceSha256: string;
  sourceBytes: number;
  importOptions: unknown;
}

export interface DatasetTotals {
  rowCount: number;
  positives: number;
  timeMin: number | null;
  timeMax: number | null;
  validationSummary: unknown;
}

/**
 * Writes one dataset inside a single transaction that `commit` ends. Until then nothing is
 * visible to other connections, and `abort` (or a crash) leaves the workspace as it was.
 */
export class DatasetWriter {
  private readonly buffers: ColumnArray[];
  private buffered = 0;
  private chunkIndex = 0;
  private finished = false;
  readonly datasetId: number;
  private readonly insertChunk: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    header: DatasetHeader,
    private readonly columns: ColumnSpec[],
  ) {
    if (db.inTransaction) throw new ApiError('internal', 'A dataset import is already running on this connection.');
    db.exec('BEGIN IMMEDIATE');
    try {
      const clash = db.prepare('SELECT 1 FROM datasets WHERE name = ?').get(header.name);
      if (clash) throw new ApiError('conflict', `A dataset named "${header.name}" already exists.`);
      const result = db
        .prepare(
          `INSERT INTO datasets (name, source_name, source_path, source_sha256, source_bytes, imported_at,
             row_count, positives, import_options) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)`,
        )
        .run(
          header.name,
          header.sourceName,
          header.sourcePath,
          header.sourceSha256,
          header.sourceBytes,
          Date.now(),
          JSON.stringify(header.importOptions ?? {}),
        );
      this.datasetId = Number(result.lastInsertRowid);
      const insertColumn = db.prepare(
        `INSERT INTO dataset_columns (dataset_id, position, name, storage, kind, role, dictionary)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      columns.forEach((column, position) => {
        insertColumn.run(this.datasetId, position, column.name, column.storage, column.kind, column.role, null);
      });
      this.insertChunk = db.prepare(
        'INSERT INTO column_chunks (dataset_id, position, chunk, row_count, data) VALUES (?, ?, ?, ?, ?)',
      );
      this.buffers = columns.map((column) => allocateColumn(column.storage, CHUNK_ROWS));
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Appends one row; `values[i]` is already encoded for column i's storage. */
  appendRow(values: ArrayLike<number>): void {
    for (let c = 0; c < this.buffers.length; c++) (this.buffers[c] as ColumnArray)[this.buffered] = values[c] as number;
    this.buffered++;
    if (this.buffered === CHUNK_ROWS) this.flush();
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.buffers.forEach((buffer, position) => {
      const view = buffer.subarray(0, this.buffered);
      this.insertChunk.run(
        this.datasetId,
        position,
        this.chunkIndex,
        this.buffered,
        Buffer.from(view.buffer, view.byteOffset, view.byteLength),
      );
    });
    this.chunkIndex++;
    this.buffered = 0;
  }

  commit(totals: DatasetTotals, dictionaries: Map<number, string[]> = new Map()): number {
    this.assertOpen();
    try {
      this.flush();
      const setDictionary = this.db.prepare(
        'UPDATE dataset_columns SET dictionary = ? WHERE dataset_id = ? AND position = ?',
      );
      for (const [position, dictionary] of dictionaries) {
        setDictionary.run(JSON.stringify(dictionary), this.datasetId, position);
      }
      this.db
        .prepare(
          `UPDATE datasets SET row_count = ?, positives = ?, time_min = ?, time_max = ?, validation_summary = ?
           WHERE id = ?`,
        )
        .run(
          totals.rowCount,
          totals.positives,
          totals.timeMin,
          totals.timeMax,
          JSON.stringify(totals.validationSummary ?? {}),
          this.datasetId,
        );
      this.db.exec('COMMIT');
      this.finished = true;
      return this.datasetId;
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  abort(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  private assertOpen(): void {
    if (this.finished) throw new ApiError('internal', 'This dataset import has already ended.');
  }

  get columnSpecs(): readonly ColumnSpec[] {
    return this.columns;
  }
}
