import type { ImportPreview } from '../../../shared/domain/import-preview';
import type { WorkerPool } from '../workers/worker-pool';
import type { ByteSource } from './byte-source';
import type { ChunkAssembler } from './chunk-assembler';
import { parseCsvChunk, type ChunkScratch, type CsvChunkResult, type CsvChunkTask } from './csv-chunk-parse';
import { lastRecordEnd } from './csv-chunks';
import type { ImportPlan } from './import-plan';
import { csvDelimiter, MAX_ROW_BYTES, readCsvHeader, rowTooLong } from './read-csv-rows';

export const PARSE_TASK = 'import.parseCsvChunk';

const STORAGE_BYTES = { float64: 8, int32: 4, uint8: 1 } as const;
const MAX_PART_BYTES = 64 * 1024 * 1024;

export interface ParallelCsvOptions {
  /** Bytes per piece handed to a worker. */
  pieceBytes: number;
  /**
   * Parse a piece on this thread when the oldest piece on the pool is not back yet (e.g. while the
   * pool's threads are still starting), instead of waiting idle.
   */
  parseInPlace: boolean;
}

interface Pending {
  promise: Promise<CsvChunkResult>;
  settled: boolean;
  /** Bytes of the file in the piece. */
  bytes: number;
}

/**
 * Reads a CSV on this thread, cuts it into pieces at record boundaries and has the pool's
 * threads parse them while this thread stores the finished pieces in file order. At most a few
 * pieces are out at a time, so memory stays flat whatever the file's size.
 */
export async function readCsvRowsInParallel(
  source: ByteSource,
  preview: ImportPreview,
  plan: ImportPlan,
  assembler: ChunkAssembler,
  pool: WorkerPool,
  betweenBlocks: () => Promise<void>,
  options: ParallelCsvOptions,
): Promise<void> {
  const delimiter = csvDelimiter(preview);
  const head = await readCsvHeader(source, preview, plan);
  assembler.nextLine = head.firstDataLine;
  let carry = head.work.subarray(head.pos, head.length);
  let ended = head.ended;
  const pieceBytes = options.pieceBytes;
  const recordLines = assembler.needsRowLines;
  // Sized from the pieces seen so far, so a piece's rows fit in one set of arrays (no joining),
  // within 64 MiB per set however wide the file. It only grows, so buffers stay reusable.
  const rowBytes =
    plan.columns.reduce((sum, column) => sum + STORAGE_BYTES[column.spec.storage], 0) + (recordLines ? 4 : 0);
  const maxRowsPerPart = Math.max(256, Math.floor(MAX_PART_BYTES / Math.max(1, rowBytes)));
  let rowsPerPart = Math.min(65_536, maxRowsPerPart);
  let rowsSeen = 0;
  let bytesSeen = 0;
  // One piece queued behind each busy thread keeps the pool fed while this thread stores.
  const maxOnPool = pool.size + 1;
  // Pieces parsed here wait for the pool's older ones before they are stored; this bounds them.
  const maxPending = maxOnPool + 6;
  const spare: Uint8Array[] = [];
  // Parse buffers come back with each piece and go out again with a later one: in steady state no
  // new buffers are made, so this thread is not pushed into garbage collections by them.
  const spareScratch: ChunkScratch[] = [];
  const takeScratch = (): ChunkScratch | null => {
    for (;;) {
      const scratch = spareScratch.pop();
      if (!scratch) return null;
      if ((scratch.columns[0]?.length ?? 0) >= rowsPerPart) return scratch;
    }
  };
  const pending: Pending[] = [];
  let onPool = 0;

  const task = (bytes: Uint8Array, length: number, final: boolean): CsvChunkTask => ({
    plan,
    delimiter,
    bytes,
    length,
    final,
    recordLines,
    rowsPerPart,
    scratch: takeScratch(),
  });

  const storeOldest = async () => {
    const oldest = pending.shift() as Pending;
    const piece = await oldest.promise;
    if (piece.bytes.byteLength === pieceBytes) spare.push(piece.bytes);
    rowsSeen += piece.rowsRead;
    bytesSeen += oldest.bytes;
    const expected = Math.ceil((rowsSeen / Math.max(1, bytesSeen)) * pieceBytes * 1.1) + 64;
    rowsPerPart = Math.min(maxRowsPerPart, Math.max(rowsPerPart, expected));
    assembler.apply(piece);
    spareScratch.push(piece.scratch);
  };

  const send = (bytes: Uint8Array, length: number, final: boolean) => {
    const payload = task(bytes, length, final);
    const transfer = [bytes.buffer as ArrayBuffer];
    for (const array of [...(payload.scratch?.columns ?? []), payload.scratch?.lines]) {
      if (array && !transfer.includes(array.buffer as ArrayBuffer))
        transfer.push(array.buffer as ArrayBuffer);
    }
    const promise = pool.run<CsvChunkResult>(PARSE_TASK, payload, { transfer });
    const entry: Pending = { promise, settled: false, bytes: length };
    onPool++;
    promise.then(
      () => {
        entry.settled = true;
        onPool--;
      },
      () => {
        entry.settled = true;
        onPool--;
      },
    );
    pending.push(entry);
  };

  try {
    for (;;) {
      while (pending[0]?.settled) await storeOldest();

      const size = carry.length < pieceBytes / 2 ? pieceBytes : carry.length * 2;
      let buffer = size === pieceBytes ? spare.pop() : undefined;
      buffer ??= new Uint8Array(size);
      buffer.set(carry, 0);
      let length = carry.length;
      while (length < buffer.length && !ended) {
        const n = await source.read(buffer, length, buffer.length - length);
        if (n === 0) ended = true;
        length += n;
      }
      if (length === 0) break;
      const end = ended ? length : lastRecordEnd(buffer, 0, length, delimiter);
      if (end < 0) {
        // No record ends in the buffer: one row is longer than a piece. Read on into a larger one.
        if (length > MAX_ROW_BYTES) {
          while (pending.length > 0) await storeOldest();
          throw rowTooLong(plan, assembler.nextLine);
        }
        carry = buffer.subarray(0, length);
        continue;
      }
      carry = buffer.slice(end, length);

      while (onPool >= maxOnPool) {
        if (options.parseInPlace && pending.length < maxPending && !pending[0]?.settled) break;
        await storeOldest();
      }
      if (onPool < maxOnPool) send(buffer, end, ended);
      else {
        const piece = parseCsvChunk(task(buffer, end, ended));
        pending.push({ promise: Promise.resolve(piece), settled: true, bytes: end });
      }
      if (ended && carry.length === 0) break;
      await betweenBlocks();
    }
    while (pending.length > 0) {
      await storeOldest();
      await betweenBlocks();
    }
  } finally {
    // Pieces still out after an error or a cancel finish on their own; nobody waits for them.
    for (const entry of pending) entry.promise.catch(() => undefined);
  }
}
