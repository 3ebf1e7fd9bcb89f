import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { inferSchema, initParser } from 'udsv';
import { ApiError } from '../../../shared/api/api-error';
import type { CallContext } from '../api/call-context';
import { MISSING_CATEGORY, type ColumnRole, type ColumnSpec } from '../store/column-spec';
import { DatasetWriter } from '../store/dataset-writer';
import { ProgressMeter } from './progress-meter';

export interface KnownColumn {
  name: string;
  kind: 'integer' | 'number' | 'timestamp' | 'category' | 'boolean';
  role: ColumnRole | null;
}

export interface KnownCsvImport {
  file: string;
  datasetName: string;
  columns: readonly KnownColumn[];
}

/**
 * Imports a CSV (optionally gzip) whose columns are known in advance, such as the bundled sample,
 * in one transaction: a bad value, a cancel or a crash leaves the workspace as it was.
 */
export async function importKnownCsv(
  db: Database.Database,
  job: KnownCsvImport,
  context: CallContext,
): Promise<number> {
  const stat = await fs.promises.stat(job.file).catch((error: unknown) => {
    throw new ApiError('not-found', `Cannot read ${job.file}.`, String(error));
  });
  const specs: ColumnSpec[] = job.columns.map((column) => ({
    name: column.name,
    kind: column.kind,
    role: column.role,
    storage: column.kind === 'category' ? 'int32' : column.kind === 'boolean' ? 'uint8' : 'float64',
  }));
  const encoders = job.columns.map((column) => makeEncoder(column));
  const outcomeIndex = job.columns.findIndex((column) => column.role === 'outcome');
  const timeIndex = job.columns.findIndex((column) => column.role === 'time');

  const writer = new DatasetWriter(
    db,
    {
      name: job.datasetName,
      sourceName: path.basename(job.file),
      sourcePath: job.file,
      sourceSha256: '0'.repeat(64),
      sourceBytes: stat.size,
      importOptions: { columns: job.columns },
    },
    specs,
  );
  const hash = createHash('sha256');
  const meter = new ProgressMeter('Importing', 'bytes', stat.size, context.onProgress);
  const values = new Float64Array(specs.length);
  let rowCount = 0;
  let positives = 0;
  let timeMin = Infinity;
  let timeMax = -Infinity;
  let line = 1;

  const onRow = (fields: string[]) => {
    line++;
    if (fields.length !== specs.length) {
      throw new ApiError(
        'invalid-input',
        `${job.file}, line ${line}: expected ${specs.length} fields but found ${fields.length}.`,
      );
    }
    for (let c = 0; c < specs.length; c++) {
      values[c] = (encoders[c] as Encoder)(fields[c] as string, line, c + 1, job.file);
    }
    if (outcomeIndex >= 0 && values[outcomeIndex] === 1) positives++;
    if (timeIndex >= 0) {
      const t = values[timeIndex] as number;
      if (t < timeMin) timeMin = t;
      if (t > timeMax) timeMax = t;
    }
    writer.appendRow(values);
    rowCount++;
  };

  try {
    let bytesRead = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytesRead += chunk.length;
        done(null, chunk);
      },
    });
    // pipeline() destroys every stage on error, so a read or gunzip failure ends the loop below.
    const text: AsyncIterable<Buffer> = job.file.endsWith('.gz')
      ? pipeline(fs.createReadStream(job.file), hashing, zlib.createGunzip(), () => undefined)
      : pipeline(fs.createReadStream(job.file), hashing, () => undefined);
    const decoder = new StringDecoder('utf8');
    let parser: ReturnType<typeof initParser> | null = null;
    let headerChecked = false;
    for await (const chunk of text) {
      if (context.signal.aborted) throw new ApiError('cancelled', 'The import was cancelled; nothing was kept.');
      const piece = decoder.write(chunk);
      if (!headerChecked) {
        checkHeader(piece, job);
        headerChecked = true;
      }
      parser ??= initParser(inferSchema(piece, { col: ',', row: '\n', encl: '"' }));
      parser.chunk(piece, parser.stringArrs, onRow);
      meter.update(bytesRead);
      // Let other calls and the event loop breathe between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const rest = decoder.end();
    if (parser) {
      if (rest) parser.chunk(rest, parser.stringArrs, onRow);
      parser.end();
    }
    if (!headerChecked) throw new ApiError('invalid-input', `${job.file} is empty.`);
    meter.update(stat.size, true);
    db.prepare('UPDATE datasets SET source_sha256 = ? WHERE id = ?').run(hash.digest('hex'), writer.datasetId);
    return writer.commit({
      rowCount,
      positives,
      timeMin: rowCount > 0 && timeIndex >= 0 ? timeMin : null,
      timeMax: rowCount > 0 && timeIndex >= 0 ? timeMax : null,
      validationSummary: { rowsRead: rowCount, rowsSkipped: 0 },
    }, dictionariesOf(encoders));
  } catch (error) {
    writer.abort();
    if (error instanceof ApiError) throw error;
    throw new ApiError('invalid-input', `Cannot import ${job.file}: ${(error as Error).message}`);
  }
}

type Encoder = ((text: string, line: number, column: number, file: string) => number) & { dictionary?: string[] };

function makeEncoder(column: KnownColumn): Encoder {
  const fail = (text: string, line: number, col: number, file: string, what: string): never => {
    throw new ApiError(
      'invalid-input',
      `${file}, line ${line}, column ${col} (${column.name}): "${text.slice(0, 40)}" is not ${what}.`,
    );
  };
  switch (column.kind) {
    case 'number':
    case 'integer':
      return (text, line, col, file) => {
        if (text === '') return NaN;
        const value = Number(text);
        return Number.isFinite(value) ? value : fail(text, line, col, file, 'a number');
      };
    case 'timestamp':
      return (text, line, col, file) => {
        const value = Date.parse(text);
        return Number.isFinite(value) ? value : fail(text, line, col, file, 'a timestamp');
      };
    case 'boolean':
      return (text, line, col, file) =>
        text === '1' || text === 'true' ? 1 : text === '0' || text === 'false' ? 0 : fail(text, line, col, file, '0 or 1');
    case 'category': {
      const codes = new Map<string, number>();
      const dictionary: string[] = [];
      const encoder: Encoder = (text) => {
        if (text === '') return MISSING_CATEGORY;
        let code = codes.get(text);
        if (code === undefined) {
          code = dictionary.length;
          codes.set(text, code);
          dictionary.push(text);
        }
        return code;
      };
      encoder.dictionary = dictionary;
      return encoder;
    }
  }
}

function dictionariesOf(encoders: Encoder[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  encoders.forEach((encoder, position) => {
    if (encoder.dictionary) out.set(position, encoder.dictionary);
  });
  return out;
}

function checkHeader(firstText: string, job: KnownCsvImport): void {
  const headerLine = firstText.split('\n', 1)[0]?.replace(/^\uFEFF/, '').replace(/\r$/, '') ?? '';
  const found = headerLine.split(',');
  const expected = job.columns.map((column) => column.name);
  if (found.join(',') !== expected.join(',')) {
    throw new ApiError(
      'invalid-input',
      `${job.file}, line 1: the header is "${headerLine.slice(0, 200)}" but "${expected.join(',')}" was expected.`,
    );
  }
}
