import { ApiError } from '../../../shared/api/api-error';
import type { ImportPreview } from '../../../shared/domain/import-preview';
import type { ByteSource } from './byte-source';
import type { ColumnBatch } from './column-batch';
import { readTextRecords } from './csv-text-records';
import { CsvRowReader } from './csv-row-reader';
import { hasUtf8Bom } from './detect-encoding';
import type { ImportPlan } from './import-plan';
import { CellTextDecoder } from './text-decoding';

/** Bytes read from the file at a time: large enough to amortise, small enough to keep memory flat. */
export const BLOCK_BYTES = 4 * 1024 * 1024;
/** A single row longer than this is taken for a damaged file (usually an unterminated quote). */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

/**
 * Streams a CSV file block by block into the batch. A row cut by the end of a block is moved to
 * the front and read again with the next block, so no row is ever assembled from strings.
 */
export async function readCsvRows(
  source: ByteSource,
  preview: ImportPreview,
  plan: ImportPlan,
  batch: ColumnBatch,
  betweenBlocks: () => Promise<void>,
): Promise<void> {
  const delimiter = csvDelimiter(preview);
  const head = await readCsvHeader(source, preview, plan);
  let { work, length, pos, ended } = head;

  const fill = async () => {
    if (pos > 0) {
      work.copyWithin(0, pos, length);
      length -= pos;
      pos = 0;
    }
    if (work.length - length < BLOCK_BYTES) {
      const grown = new Uint8Array(Math.max(work.length * 2, length + BLOCK_BYTES));
      grown.set(work.subarray(0, length));
      work = grown;
    }
    const n = await source.read(work, length, BLOCK_BYTES);
    if (n === 0) ended = true;
    length += n;
  };

  const reader = new CsvRowReader(
    plan.file,
    delimiter,
    plan.fileColumns,
    plan.columns.map((column) => column.fileIndex),
    batch,
    head.firstDataLine,
  );
  for (;;) {
    pos = reader.read(work, pos, length, ended);
    if (ended) break;
    if (length - pos > MAX_ROW_BYTES) throw rowTooLong(plan, reader.line);
    await betweenBlocks();
    await fill();
  }
}

export function csvDelimiter(preview: ImportPreview): number {
  return (preview.delimiter ?? ',').charCodeAt(0);
}

export function rowTooLong(plan: ImportPlan, line: number): ApiError {
  return new ApiError(
    'invalid-input',
    `${plan.file}, line ${line}: a row is longer than 64 MiB, so the file is probably damaged (an unterminated quote?). Nothing was imported.`,
  );
}

/** The first bytes of a CSV, read past its header: the data start at `work[pos]`. */
export interface CsvHead {
  work: Uint8Array;
  pos: number;
  length: number;
  ended: boolean;
  /** Line of the file where the first data row starts. */
  firstDataLine: number;
}

/** Reads the header (skipping a UTF-8 BOM) and checks it still matches the preview. */
export async function readCsvHeader(
  source: ByteSource,
  preview: ImportPreview,
  plan: ImportPlan,
): Promise<CsvHead> {
  const delimiter = csvDelimiter(preview);
  let work = new Uint8Array(BLOCK_BYTES * 2);
  let length = 0;
  let pos = 0;
  let ended = false;

  const fill = async () => {
    if (work.length - length < BLOCK_BYTES) {
      const grown = new Uint8Array(Math.max(work.length * 2, length + BLOCK_BYTES));
      grown.set(work.subarray(0, length));
      work = grown;
    }
    const n = await source.read(work, length, BLOCK_BYTES);
    if (n === 0) ended = true;
    length += n;
  };

  await fill();
  if (length === 0) throw new ApiError('invalid-input', `${plan.file} is empty. Nothing was imported.`);
  if (hasUtf8Bom(work)) pos = 3;

  const decoder = new CellTextDecoder(plan.encoding);
  for (;;) {
    const { records, next, nextLine } = readTextRecords(work, pos, length, ended, delimiter, decoder, 1);
    if (records.length === 1) {
      checkHeader(plan, preview, (records[0] as { fields: string[] }).fields);
      return { work, pos: next, length, ended, firstDataLine: nextLine };
    }
    if (ended) throw new ApiError('invalid-input', `${plan.file} has no header line. Nothing was imported.`);
    if (length - pos > MAX_ROW_BYTES) {
      throw new ApiError(
        'invalid-input',
        `${plan.file}, line 1: the header is longer than 64 MiB (an unterminated quote?).`,
      );
    }
    await fill();
  }
}

function checkHeader(plan: ImportPlan, preview: ImportPreview, fields: string[]): void {
  if (fields.length !== preview.header.length) {
    throw new ApiError(
      'conflict',
      `${plan.file} changed while it was being imported (its header is different now).`,
    );
  }
}
