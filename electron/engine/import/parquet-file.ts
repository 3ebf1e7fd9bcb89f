import type fs from 'node:fs';
import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ApiError } from '../../../shared/api/api-error';
import type { ColumnKind, TimestampFormat } from '../../../shared/domain/column-schema';

const PARQUET_MAGIC = 'PAR1';

export function looksParquet(head: Uint8Array): boolean {
  return head.length >= 4 && Buffer.from(head.subarray(0, 4)).toString('latin1') === PARQUET_MAGIC;
}

/** Random access to the file through one handle, as hyparquet asks for byte ranges. */
export function fileAsyncBuffer(handle: fs.promises.FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const length = Math.max(0, stop - start);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return out.buffer;
    },
  };
}

/** Timestamps and dates arrive as epoch milliseconds, so they are stored without Date objects. */
const PARSERS = {
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v / 1000n),
  timestampFromNanoseconds: (v: bigint) => Number(v / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
};

export interface ParquetColumn {
  name: string;
  kind: ColumnKind | null;
  timestampFormat: TimestampFormat | null;
}

export async function readParquetMetadata(file: string, buffer: AsyncBuffer): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(buffer, { parsers: PARSERS });
  } catch (error) {
    throw corrupt(file, error);
  }
}

/** Top-level columns with a kind when the Parquet type settles it (null: infer from the values). */
export function parquetColumns(metadata: FileMetaData): ParquetColumn[] {
  const tree = parquetSchema(metadata);
  return tree.children.map((child) => {
    const element = child.element;
    const logical = element.logical_type?.type;
    const converted = element.converted_type;
    let kind: ColumnKind | null = null;
    let timestampFormat: TimestampFormat | null = null;
    if (child.children.length > 0) kind = 'text';
    else if (
      logical === 'TIMESTAMP' ||
      logical === 'DATE' ||
      converted === 'DATE' ||
      converted?.startsWith('TIMESTAMP')
    ) {
      kind = 'timestamp';
      timestampFormat = 'epoch-milliseconds';
    } else if (element.type === 'BOOLEAN') kind = 'boolean';
    else if (element.type === 'FLOAT' || element.type === 'DOUBLE') kind = 'number';
    else if (
      (element.type === 'INT32' || element.type === 'INT64') &&
      !converted?.startsWith('DECIMAL') &&
      logical !== 'DECIMAL'
    ) {
      kind = 'integer';
    } else if (converted === 'DECIMAL' || logical === 'DECIMAL') kind = 'number';
    return { name: element.name, kind, timestampFormat };
  });
}

/** Reads rows [rowStart, rowEnd) of the named columns, each row an array in `columns` order. */
export async function readParquetRows(
  file: string,
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  columns: string[],
  rowStart: number,
  rowEnd: number,
): Promise<unknown[][]> {
  let rows: unknown[][] = [];
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns,
      rowStart,
      rowEnd,
      compressors,
      parsers: PARSERS,
      onComplete: (read: unknown[][]) => {
        rows = read;
      },
    });
  } catch (error) {
    throw corrupt(file, error);
  }
  return rows;
}

function corrupt(file: string, error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(
    'invalid-input',
    `${file} is not a readable Parquet file (truncated or corrupt: ${message}). Nothing was imported.`,
  );
}
