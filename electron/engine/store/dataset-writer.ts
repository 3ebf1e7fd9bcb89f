import os from 'node:os';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import { allocateColumn, type ColumnArray, type ColumnSpec, type ColumnStats } from './column-spec';
import { describeWriteError } from './workspace-write-error';

/** Rows per stored chunk: large enough that a 10M-row column is ~150 blobs, small enough to stream. */
export const CHUNK_ROWS = 65_536;

/** Wide files get shorter chunks so that one chunk of every column stays within this many bytes. */
const MAX_CHUNK_BYTES_ALL_COLUMNS = 64 * 1024 * 1024;

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
  /** Known only at the end when the file is hashed while it is read. */
  sourceSha256?: string;
  /** Per column position. */
  columnStats?: Map<number, ColumnStats>;
}

const BYTES_PER_VALUE = { float64: 8, int32: 4, uint8: 1 } as const;

/** How many rows a chunk holds for these columns: CHUNK_ROWS unless the file is very wide. */
export function chunkRowsFor(columns: readonly Pick<ColumnSpec, 'storage'>[]): number {
  const rowBytes = columns.reduce((sum, column) => sum + BYTES_PER_VALUE[column.storage], 0);
  if (rowBytes === 0) return CHUNK_ROWS;
  const fitting = Math.floor(MAX_CHUNK_BYTES_ALL_COLUMNS / rowBytes);
  return Math.max(256, Math.min(CHUNK_ROWS, fitting));
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
  /** Rows per chunk for this dataset (see chunkRowsFor). */
  readonly chunkRows: number;
  private readonly insertChunk: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    header: DatasetHeader,
    private readonly columns: ColumnSpec[],
  ) {
    if (db.inTransaction)
      throw new ApiError('internal', 'A dataset import is already running on this connection.');
    this.chunkRows = chunkRowsFor(columns);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw describeWriteError(error, db.name);
    }
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
        `INSERT INTO dataset_columns (dataset_id, position, name, storage, kind, role, dictionary, source, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      columns.forEach((column, position) => {
        insertColumn.run(
          this.datasetId,
          position,
          column.name,
          column.storage,
          column.kind,
          column.role,
          null,
          column.source ?? null,
          JSON.stringify(columnDetails(column)),
        );
      });
      this.insertChunk = db.prepare(
        'INSERT INTO column_chunks (dataset_id, position, chunk, row_count, data) VALUES (?, ?, ?, ?, ?)',
      );
      this.buffers = columns.map((column) => allocateColumn(column.storage, this.chunkRows));
    } catch (error) {
      db.exec('ROLLBACK');
      throw describeWriteError(error, db.name);
    }
  }

  /** Appends one row; `values[i]` is already encoded for column i's storage. */
  appendRow(values: ArrayLike<number>): void {
    for (let c = 0; c < this.buffers.length; c++)
      (this.buffers[c] as ColumnArray)[this.buffered] = values[c] as number;
    this.buffered++;
    if (this.buffered === this.chunkRows) this.flush();
  }

  /**
   * Stores `rows` rows given column by column (one array per column, at least `rows` long), as
   * the importer fills them. Whole chunks are written straight from the caller's arrays; the rest
   * is copied into the chunk being filled, so chunks always hold `chunkRows` rows but the last.
   */
  appendColumns(arrays: readonly ColumnArray[], rows: number): void {
    let from = 0;
    while (from < rows) {
      if (this.buffered === 0 && rows - from >= this.chunkRows) {
        this.writeChunk(arrays, from, this.chunkRows);
        from += this.chunkRows;
        continue;
      }
      const take = Math.min(rows - from, this.chunkRows - this.buffered);
      for (let c = 0; c < this.buffers.length; c++) {
        const source = (arrays[c] as ColumnArray).subarray(from, from + take);
        (this.buffers[c] as ColumnArray).set(source as never, this.buffered);
      }
      this.buffered += take;
      from += take;
      if (this.buffered === this.chunkRows) this.flush();
    }
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.writeChunk(this.buffers, 0, this.buffered);
    this.buffered = 0;
  }

  private writeChunk(arrays: readonly ColumnArray[], from: number, rows: number): void {
    const insert = this.insertChunk;
    try {
      for (let position = 0; position < arrays.length; position++) {
        const view = (arrays[position] as ColumnArray).subarray(from, from + rows);
        insert.run(
          this.datasetId,
          position,
          this.chunkIndex,
          rows,
          Buffer.from(view.buffer, view.byteOffset, view.byteLength),
        );
      }
    } catch (error) {
      throw describeWriteError(error, this.db.name);
    }
    this.chunkIndex++;
  }

  commit(
    totals: DatasetTotals,
    dictionaries: Map<number, string[]> = new Map(),
    options: { deferCheckpoint?: boolean } = {},
  ): number {
    this.assertOpen();
    try {
      this.flush();
      const setDictionary = this.db.prepare(
        'UPDATE dataset_columns SET dictionary = ? WHERE dataset_id = ? AND position = ?',
      );
      for (const [position, dictionary] of dictionaries) {
        setDictionary.run(JSON.stringify(dictionary), this.datasetId, position);
      }
      if (totals.columnStats) {
        const setDetails = this.db.prepare(
          'UPDATE dataset_columns SET details = ? WHERE dataset_id = ? AND position = ?',
        );
        for (const [position, stats] of totals.columnStats) {
          const column = this.columns[position];
          if (column)
            setDetails.run(JSON.stringify({ ...columnDetails(column), stats }), this.datasetId, position);
        }
      }
      this.db
        .prepare(
          `UPDATE datasets SET row_count = ?, positives = ?, time_min = ?, time_max = ?, validation_summary = ?,
             source_sha256 = coalesce(?, source_sha256)
           WHERE id = ?`,
        )
        .run(
          totals.rowCount,
          totals.positives,
          totals.timeMin,
          totals.timeMax,
          JSON.stringify(totals.validationSummary ?? {}),
          totals.sourceSha256 ?? null,
          this.datasetId,
        );
      if (options.deferCheckpoint) {
        // The commit itself only appends to the write-ahead log (durable there); copying the log
        // into the database is left to the caller, e.g. a thread of its own.
        const saved = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
        this.db.pragma('wal_autocheckpoint = 0');
        try {
          this.db.exec('COMMIT');
        } finally {
          this.db.pragma(`wal_autocheckpoint = ${saved}`);
        }
      } else this.db.exec('COMMIT');
      this.finished = true;
      return this.datasetId;
    } catch (error) {
      this.abort();
      throw describeWriteError(error, this.db.name);
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

function columnDetails(column: ColumnSpec): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (column.timestampFormat) details.timestampFormat = column.timestampFormat;
  if (column.scoreScale) details.scoreScale = column.scoreScale;
  return details;
}
