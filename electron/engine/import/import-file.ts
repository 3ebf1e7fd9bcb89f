import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import type { ImportRequest } from '../../../shared/domain/import-options';
import type { ImportPreview } from '../../../shared/domain/import-preview';
import type { ValidationReport } from '../../../shared/domain/validation-report';
import type { CallContext } from '../api/call-context';
import { DatasetWriter } from '../store/dataset-writer';
import { findDatasetsBySha256 } from '../store/find-dataset';
import { getDatasetSummary, uniqueDatasetName } from '../store/list-datasets';
import { scrubWriteAheadLog } from '../store/scrub-wal';
import type { WorkerPool } from '../workers/worker-pool';
import { checkpointInBackground } from './background-checkpoint';
import { datasetNameFromFile, openByteSource, openFileChecked } from './byte-source';
import { ChunkAssembler, type ImportedRows } from './chunk-assembler';
import { ColumnBatch } from './column-batch';
import { hashFileInWorker, type FileHash } from './hash-file';
import type { ImportPlan } from './import-plan';
import { ImportProgress } from './import-progress';
import { fileAsyncBuffer, readParquetMetadata } from './parquet-file';
import { previewFile } from './preview-file';
import { PARSE_TASK, readCsvRowsInParallel } from './read-csv-parallel';
import { readCsvRows } from './read-csv-rows';
import { readJsonLinesRows } from './read-json-lines-rows';
import { readParquetFileRows } from './read-parquet-rows';
import { resolveMapping } from './resolve-mapping';
import { ValidationCollector } from './validation-collector';

export interface ImportResult {
  dataset: DatasetSummary;
  validation: ValidationReport;
  /** True when an earlier import of the same file was reused (nothing new was stored). */
  reused: boolean;
}

export interface ImportFileOptions {
  /**
   * Worker threads to parse large CSV files on while this thread stores them (the engine's
   * pool). Without one, every file is parsed on this thread.
   */
  pool?: WorkerPool;
  /** CSV files at least this large (bytes on disk) are parsed on the pool; smaller ones are not worth it. */
  parallelFromBytes?: number;
  /** Bytes per piece handed to a worker. */
  pieceBytes?: number;
  /** Parse a piece on this thread too while the pool is busy or still starting. */
  parseInPlace?: boolean;
  /**
   * Copy the write-ahead log into the database on a thread of its own after the commit instead of
   * in the commit (default: when a pool is given, i.e. in the engine).
   */
  backgroundCheckpoint?: boolean;
}

/**
 * Below this a file is parsed on this thread: starting the pool's threads from cold costs about
 * as much CPU time (~0.5 s each from TypeScript sources) as parsing 80 MB, which on a busy
 * machine is time lost rather than overlapped.
 */
const PARALLEL_FROM_BYTES = 128 * 1024 * 1024;
const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Imports a CSV, JSON Lines or Parquet file (gzip or not) as one new dataset, in one
 * transaction: an error, a cancel or a killed process leaves the workspace as it was.
 */
export async function importFile(
  db: Database.Database,
  request: ImportRequest,
  context: CallContext,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  const file = path.resolve(request.file);
  const bytesOnDisk = await fs.promises.stat(file).then(
    (stat) => stat.size,
    () => 0,
  );
  const pool =
    options.pool && bytesOnDisk >= (options.parallelFromBytes ?? PARALLEL_FROM_BYTES)
      ? options.pool
      : undefined;
  // Start the pool's threads now, so they are up by the time the first piece is cut.
  if (pool) for (let i = 0; i < pool.size; i++) pool.run(PARSE_TASK, { warmUp: true }).catch(() => undefined);
  const preview = await previewFile(file, request.read);
  if (preview.totalRows === 0)
    throw new ApiError('invalid-input', `${file} has a header but no data rows. Nothing was imported.`);
  const plannedColumns = resolveMapping({ ...preview, file }, request.columns, request.roles);
  const plan: ImportPlan = {
    file,
    fileColumns: preview.header,
    columns: plannedColumns,
    policy: request.onError,
    decimal: preview.decimal ?? '.',
    encoding: preview.encoding ?? 'utf-8',
  };

  const hash = hashFileInWorker(file);
  try {
    if (request.ifExists === 'reuse') {
      const earlier = findDatasetsBySha256(db, await hash.result)[0];
      if (earlier)
        return { dataset: earlier, validation: emptyReport(request.onError, earlier.rows), reused: true };
    }
    const name = request.name ?? uniqueDatasetName(db, datasetNameFromFile(file));
    return await importRows(db, request, context, preview, plan, name, hash, {
      ...options,
      pool,
      backgroundCheckpoint: options.backgroundCheckpoint ?? options.pool !== undefined,
    });
  } finally {
    hash.cancel();
  }
}

async function importRows(
  db: Database.Database,
  request: ImportRequest,
  context: CallContext,
  preview: ImportPreview,
  plan: ImportPlan,
  name: string,
  hash: FileHash,
  options: ImportFileOptions,
): Promise<ImportResult> {
  const collector = new ValidationCollector(request.onError, plan.file, plan.fileColumns);
  const writer = new DatasetWriter(
    db,
    {
      name,
      sourceName: path.basename(plan.file),
      sourcePath: plan.file,
      sourceSha256: '0'.repeat(64),
      sourceBytes: preview.bytes,
      importOptions: {
        format: preview.format,
        compression: preview.compression,
        delimiter: preview.delimiter,
        decimal: preview.decimal,
        encoding: preview.encoding,
        onError: request.onError,
        columns: plan.columns.map((c) => ({
          source: c.spec.source,
          name: c.spec.name,
          kind: c.spec.kind,
          role: c.spec.role,
        })),
      },
    },
    plan.columns.map((column) => column.spec),
  );
  try {
    let stored: ImportedRows;
    let rowsSoFar: () => number;
    const progress = new ImportProgress(preview.bytes, context.onProgress);
    const checkDuplicate = () => {
      const sha = hash.known();
      if (sha !== null && request.ifExists === 'ask') refuseDuplicate(db, plan.file, sha);
    };
    const betweenBlocks = async (bytesDone: number) => {
      if (context.signal.aborted)
        throw new ApiError('cancelled', 'The import was cancelled; nothing was kept.');
      checkDuplicate();
      progress.update(bytesDone, rowsSoFar());
      // Let other calls and the event loop run between blocks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    };

    if (preview.format === 'csv' && options.pool) {
      const assembler = new ChunkAssembler(plan, collector, writer, 0);
      stored = assembler;
      rowsSoFar = () => assembler.rowsStored;
      const { source } = await openByteSource(plan.file);
      try {
        await readCsvRowsInParallel(
          source,
          preview,
          plan,
          assembler,
          options.pool,
          () => betweenBlocks(source.fileBytesRead),
          { pieceBytes: options.pieceBytes ?? PIECE_BYTES, parseInPlace: options.parseInPlace ?? true },
        );
      } finally {
        await source.close();
      }
    } else {
      const batch = new ColumnBatch(plan, collector, writer);
      stored = batch;
      rowsSoFar = () => batch.rowsStored + batch.rows;
      if (preview.format === 'parquet') {
        const { handle, size } = await openFileChecked(plan.file);
        try {
          const buffer = fileAsyncBuffer(handle, size);
          const metadata = await readParquetMetadata(plan.file, buffer);
          const total = Math.max(1, Number(metadata.num_rows));
          await readParquetFileRows(buffer, metadata, plan, batch, (rows) =>
            betweenBlocks((rows / total) * size),
          );
        } finally {
          await handle.close();
        }
      } else {
        const { source } = await openByteSource(plan.file);
        try {
          const between = () => betweenBlocks(source.fileBytesRead);
          if (preview.format === 'jsonl') await readJsonLinesRows(source, plan, batch, between);
          else await readCsvRows(source, preview, plan, batch, between);
        } finally {
          await source.close();
        }
      }
      batch.flush();
    }
    if (context.signal.aborted)
      throw new ApiError('cancelled', 'The import was cancelled; nothing was kept.');
    if (stored.rowsStored === 0) {
      throw new ApiError(
        'invalid-input',
        collector.rowsRead === 0
          ? `${plan.file} has a header but no data rows. Nothing was imported.`
          : `${plan.file}: none of its ${collector.rowsRead.toLocaleString('en-US')} rows could be imported. Nothing was imported.`,
      );
    }
    const sha256 = await hash.result.catch((error: unknown) => {
      throw new ApiError(
        'invalid-input',
        `${plan.file} could not be read to compute its SHA-256.`,
        String(error),
      );
    });
    if (request.ifExists === 'ask') refuseDuplicate(db, plan.file, sha256);
    progress.update(preview.bytes, stored.rowsStored, true);

    const stats = stored.columnStats();
    const missingElsewhere = [...stats.entries()]
      .filter(([c]) => !['score', 'outcome'].includes(plan.columns[c]?.spec.role ?? ''))
      .reduce((sum, [, s]) => sum + s.missing, 0);
    collector.addCount('missing-value', missingElsewhere);
    const validation = collector.toReport(stored.rowsStored);
    const timeColumn = plan.columns.findIndex((c) => c.spec.role === 'time');
    const timeStats = timeColumn >= 0 ? stats.get(timeColumn) : undefined;
    const id = writer.commit(
      {
        rowCount: stored.rowsStored,
        positives: stored.positives,
        timeMin: timeStats?.min ?? null,
        timeMax: timeStats?.max ?? null,
        validationSummary: validation,
        sourceSha256: sha256,
        columnStats: stats,
      },
      stored.dictionaryMap(),
      { deferCheckpoint: options.backgroundCheckpoint === true },
    );
    // The commit is durable in the write-ahead log; copying the log into the database (seconds
    // for a large dataset) runs on a thread of its own, or here when none can be started.
    if (options.backgroundCheckpoint && !checkpointInBackground(db)) db.pragma('wal_checkpoint(PASSIVE)');
    const dataset = getDatasetSummary(db, id);
    if (!dataset) throw new ApiError('internal', 'The dataset vanished right after it was imported.');
    return { dataset, validation, reused: false };
  } catch (error) {
    writer.abort();
    // Rolled-back pages may still sit in the write-ahead log; sensitive data must not linger there.
    scrubWriteAheadLog(db);
    throw error;
  }
}

function refuseDuplicate(db: Database.Database, file: string, sha256: string): void {
  const earlier = findDatasetsBySha256(db, sha256)[0];
  if (!earlier) return;
  throw new ApiError(
    'conflict',
    `${file} has the same content (SHA-256 ${sha256.slice(0, 12)}…) as the dataset "${earlier.name}", imported ${new Date(earlier.importedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC. Reuse it, or import the file again as a new dataset.`,
    JSON.stringify({ duplicateOf: earlier.id, name: earlier.name, sha256 }),
  );
}

function emptyReport(policy: ImportRequest['onError'], rows: number): ValidationReport {
  return { policy, rowsRead: 0, rowsImported: rows, rowsSkipped: 0, rules: [] };
}
