import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlibConstants, createGzip } from 'node:zlib';
import { ApiError } from '../../../shared/api/api-error';
import { DigestingPassThrough } from './digesting-pass-through';
import { assertSampleSpec, generateSampleRows, type SampleSpec } from './generate-sample-rows';
import { GzipOsByteNormalizer } from './gzip-os-byte';
import { SAMPLE_CSV_HEADER, SampleCsvFormat } from './sample-csv';

export interface WriteSampleOptions extends SampleSpec {
  /** Destination file; gzip-compressed when it ends with `.gz`. Replaced if it exists. */
  out: string;
  /** Called with (rows generated, rows in total) every PROGRESS_INTERVAL_ROWS rows and at the end. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WrittenSample {
  rows: number;
  /** Size of the written file (compressed size for `.gz`). */
  bytes: number;
  /** SHA-256 of the written file's bytes, hex. */
  sha256: string;
}

export const PROGRESS_INTERVAL_ROWS = 50_000;
/** Characters of CSV handed to the stream at a time: big enough to amortise, small enough to bound memory. */
const CHUNK_CHARACTERS = 256 * 1024;
/**
 * Fixed gzip settings, so the same rows compress to the same bytes with the same zlib build.
 * Level 9 for the smallest file: it makes a .gz take about three times as long as plain CSV, which
 * is acceptable for a file made once; the output chunk size only affects speed, never the bytes.
 */
const GZIP_OPTIONS = {
  level: 9,
  memLevel: 8,
  windowBits: 15,
  strategy: zlibConstants.Z_DEFAULT_STRATEGY,
  chunkSize: 256 * 1024,
};

/**
 * Streams the synthetic sample to `out`. Data goes to a temporary file next to `out` that is
 * renamed into place only once complete and flushed to disk, so an error or a cancel never
 * leaves a partial file behind; backpressure keeps memory flat whatever the row count.
 */
export async function writeSampleFile(options: WriteSampleOptions): Promise<WrittenSample> {
  const { rows, seed, out, onProgress, signal } = options;
  assertSampleSpec({ rows, seed });
  if (signal?.aborted) throw cancelled();
  const target = path.resolve(out);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`,
  );
  const digest = new DigestingPassThrough();
  const file = createWriteStream(temporary, { flags: 'wx', flush: true });
  const compression: Transform[] = target.toLowerCase().endsWith('.gz')
    ? [createGzip(GZIP_OPTIONS), new GzipOsByteNormalizer()]
    : [];
  try {
    const source = Readable.from(csvChunks({ rows, seed }, onProgress), { objectMode: false });
    await pipeline([source, ...compression, digest, file], { signal });
    await closed(file);
    await rename(temporary, target);
  } catch (error) {
    // Windows cannot delete a file that is still open, so wait for the stream to let go of it.
    await closed(file);
    await unlink(temporary).catch(() => undefined);
    if (signal?.aborted) throw cancelled();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not write the sample to ${target}: ${reason}`, { cause: error });
  }
  return { rows, bytes: digest.bytes, sha256: digest.sha256() };
}

function* csvChunks(spec: SampleSpec, onProgress: WriteSampleOptions['onProgress']): Generator<Buffer> {
  const csv = new SampleCsvFormat();
  let pending = SAMPLE_CSV_HEADER;
  let done = 0;
  for (const row of generateSampleRows(spec)) {
    pending += csv.line(row);
    done++;
    if (done % PROGRESS_INTERVAL_ROWS === 0 || done === spec.rows) onProgress?.(done, spec.rows);
    if (pending.length >= CHUNK_CHARACTERS) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending.length > 0) yield Buffer.from(pending, 'utf8');
}

function closed(file: WriteStream): Promise<void> {
  if (file.closed) return Promise.resolve();
  return new Promise((resolve) => file.once('close', () => resolve()));
}

function cancelled(): ApiError {
  return new ApiError('cancelled', 'Sample generation was cancelled; no file was written.');
}
