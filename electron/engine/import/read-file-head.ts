import { openByteSource } from './byte-source';

/** Enough text for the header, the delimiter sniff and 200 rows of an ordinary file. */
export const HEAD_BYTES = 2 * 1024 * 1024;

export interface FileHead {
  bytes: Uint8Array;
  /** The head is the whole (decompressed) file. */
  complete: boolean;
  compressed: boolean;
  size: number;
}

/** The first bytes of a file, gzip undone. */
export async function readFileHead(file: string, limit = HEAD_BYTES): Promise<FileHead> {
  const { source, size } = await openByteSource(file);
  try {
    const bytes = new Uint8Array(limit + 1);
    let filled = 0;
    while (filled < bytes.length) {
      const n = await source.read(bytes, filled, bytes.length - filled);
      if (n === 0) break;
      filled += n;
    }
    const complete = filled <= limit;
    return {
      bytes: bytes.subarray(0, Math.min(filled, limit)),
      complete,
      compressed: source.compressed,
      size,
    };
  } finally {
    await source.close();
  }
}
