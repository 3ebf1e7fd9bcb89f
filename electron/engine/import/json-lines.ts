import { ApiError } from '../../../shared/api/api-error';
import type { TextEncoding } from '../../../shared/domain/import-options';
import { CR, LF } from './csv-bytes';

export interface JsonLinesHead {
  /** Keys in order of first appearance. */
  keys: string[];
  rows: Record<string, unknown>[];
}

/** Parses the first JSON Lines records of a file's head for the preview. */
export function readJsonLinesHead(
  file: string,
  bytes: Uint8Array,
  complete: boolean,
  encoding: TextEncoding,
  maxRows: number,
): JsonLinesHead {
  const decoder = new TextDecoder(encoding);
  const keys: string[] = [];
  const known = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  let pos = 0;
  let line = 1;
  let firstBadLine: number | undefined;
  while (pos < bytes.length && rows.length < maxRows) {
    let end = bytes.indexOf(LF, pos);
    if (end < 0) {
      if (!complete) break;
      end = bytes.length;
    }
    const text = decoder
      .decode(bytes.subarray(pos, end > pos && bytes[end - 1] === CR ? end - 1 : end))
      .trim();
    if (text !== '') {
      const record = parseJsonRecord(text);
      // A bad line is the import's to report (refuse or skip); the preview shows the good ones.
      if (record === null) {
        firstBadLine ??= line;
        pos = end + 1;
        line++;
        continue;
      }
      for (const key of Object.keys(record)) {
        if (!known.has(key)) {
          known.add(key);
          keys.push(key);
        }
      }
      rows.push(record);
    }
    pos = end + 1;
    line++;
  }
  if (keys.length === 0) {
    throw new ApiError(
      'invalid-input',
      firstBadLine === undefined
        ? `${file} holds no JSON records with fields.`
        : `${file}, line ${firstBadLine}: not a JSON object, and no line before the preview's end is one.`,
    );
  }
  return { keys, rows };
}

export function parseJsonRecord(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
