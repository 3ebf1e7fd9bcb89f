import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ApiError } from '../../../shared/api/api-error';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** The bytes of a file as it reads, gzip undone; read() answers 0 at the end. */
export interface ByteSource {
  read(target: Uint8Array, offset: number, length: number): Promise<number>;
  /** Bytes of the file itself read so far (compressed bytes for gzip), for progress. */
  readonly fileBytesRead: number;
  readonly compressed: boolean;
  close(): Promise<void>;
}

/** Opens a file for reading, with errors that say which file and why. */
export async function openFileChecked(
  file: string,
): Promise<{ handle: fs.promises.FileHandle; size: number }> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    throw fileOpenError(file, error);
  }
  const stat = await handle.stat();
  if (stat.isDirectory()) {
    await handle.close();
    throw new ApiError('invalid-input', `${file} is a folder, not a file.`);
  }
  return { handle, size: stat.size };
}

export function fileOpenError(file: string, error: unknown): ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ApiError('not-found', `${file} does not exist.`);
  if (code === 'EACCES' || code === 'EPERM')
    return new ApiError('invalid-input', `${file} cannot be read (permission denied).`);
  if (code === 'EISDIR') return new ApiError('invalid-input', `${file} is a folder, not a file.`);
  return new ApiError('invalid-input', `${file} cannot be read.`, String(error));
}

export async function isGzipFile(handle: fs.promises.FileHandle): Promise<boolean> {
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0);
  return bytesRead === 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
}

/** Plain files are read straight into the caller's buffer: no intermediate copies. */
class PlainFileSource implements ByteSource {
  readonly compressed = false;
  fileBytesRead = 0;

  constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly file: string,
  ) {}

  async read(target: Uint8Array, offset: number, length: number): Promise<number> {
    try {
      const { bytesRead } = await this.handle.read(target, offset, length, this.fileBytesRead);
      this.fileBytesRead += bytesRead;
      return bytesRead;
    } catch (error) {
      throw new ApiError('invalid-input', `${this.file} could not be read to the end.`, String(error));
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

class GzipFileSource implements ByteSource {
  readonly compressed = true;
  private readonly input: fs.ReadStream;
  private readonly chunks: AsyncIterator<Buffer>;
  private pending: Buffer | null = null;
  private pendingAt = 0;
  private ended = false;

  constructor(
    private readonly file: string,
    private readonly handle: fs.promises.FileHandle,
  ) {
    this.input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    const gunzip = zlib.createGunzip({ chunkSize: 1 << 20 });
    this.input.on('error', (error) => gunzip.destroy(error));
    this.chunks = (this.input.pipe(gunzip) as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  get fileBytesRead(): number {
    return this.input.bytesRead;
  }

  async read(target: Uint8Array, offset: number, length: number): Promise<number> {
    let written = 0;
    while (written < length && !this.ended) {
      if (this.pending === null || this.pendingAt >= this.pending.length) {
        let next: IteratorResult<Buffer>;
        try {
          next = await this.chunks.next();
        } catch (error) {
          throw gzipError(this.file, error, this.input.bytesRead);
        }
        if (next.done) {
          this.ended = true;
          break;
        }
        this.pending = next.value;
        this.pendingAt = 0;
        if (written > 0) break;
        continue;
      }
      const take = Math.min(length - written, this.pending.length - this.pendingAt);
      target.set(this.pending.subarray(this.pendingAt, this.pendingAt + take), offset + written);
      this.pendingAt += take;
      written += take;
    }
    return written;
  }

  async close(): Promise<void> {
    this.input.destroy();
    await this.chunks.return?.();
    await this.handle.close();
  }
}

function gzipError(file: string, error: unknown, at: number): ApiError {
  const message = error instanceof Error ? error.message : String(error);
  const truncated = /unexpected end of file/i.test(message);
  return new ApiError(
    'invalid-input',
    truncated
      ? `${file}: the gzip data is truncated (it ends early, after ${at.toLocaleString('en-US')} compressed bytes). Nothing was imported.`
      : `${file}: the gzip data is corrupt (${message}). Nothing was imported.`,
  );
}

/** Opens `file` and undoes gzip when its first bytes say so (whatever its name). */
export async function openByteSource(file: string): Promise<{ source: ByteSource; size: number }> {
  const { handle, size } = await openFileChecked(file);
  if (await isGzipFile(handle)) return { source: new GzipFileSource(file, handle), size };
  return { source: new PlainFileSource(handle, file), size };
}

/** The name shown for a dataset made from `file`: its base name without .csv/.gz/... */
export function datasetNameFromFile(file: string): string {
  let name = path.basename(file);
  for (;;) {
    const stripped = name.replace(/\.(gz|csv|tsv|txt|psv|jsonl|ndjson|json|parquet|pq)$/i, '');
    if (stripped === name || stripped === '') break;
    name = stripped;
  }
  return name.slice(0, 200) || 'dataset';
}
