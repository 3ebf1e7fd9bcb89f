import { CR, LF, QUOTE, QuotedFieldReader } from './csv-bytes';
import type { CellTextDecoder } from './text-decoding';

export interface TextRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  fields: string[];
}

export interface TextRecords {
  records: TextRecord[];
  /** Where reading stopped: after the last complete record. */
  next: number;
  /** Line of the record that would come next. */
  nextLine: number;
  /** A quoted field was still open when the bytes ran out. */
  openQuote: boolean;
}

/**
 * Reads up to `maxRecords` records as strings, with the same quoting rules as the import's row
 * reader: for the header and the preview, where a few hundred rows are read. Blank lines are skipped.
 */
export function readTextRecords(
  bytes: Uint8Array,
  start: number,
  end: number,
  final: boolean,
  delimiter: number,
  decoder: CellTextDecoder,
  maxRecords: number,
  firstLine = 1,
): TextRecords {
  const quoted = new QuotedFieldReader();
  const records: TextRecord[] = [];
  let pos = start;
  let line = firstLine;
  while (pos < end && records.length < maxRecords) {
    const rowStart = pos;
    if (bytes[pos] === LF || bytes[pos] === CR) {
      if (bytes[pos] === CR && pos + 1 >= end && !final) break;
      pos += bytes[pos] === CR && bytes[pos + 1] === LF ? 2 : 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    let lines = 0;
    let complete = false;
    for (;;) {
      if (pos >= end) {
        if (!final) break;
        fields.push('');
        complete = true;
        break;
      }
      if (bytes[pos] === QUOTE) {
        const field = quoted.read(bytes, pos, end, delimiter);
        if (field === null || (field.next >= end && !final)) {
          return { records, next: rowStart, nextLine: line, openQuote: field === null };
        }
        fields.push(decoder.decodeForDisplay(quoted.scratch, 0, field.length));
        lines += field.lines;
        pos = field.next;
      } else {
        let i = pos;
        while (i < end && bytes[i] !== delimiter && bytes[i] !== LF && bytes[i] !== CR) i++;
        if (i >= end && !final) break;
        fields.push(decoder.decodeForDisplay(bytes, pos, i));
        pos = i;
      }
      if (pos >= end) {
        if (!final) break;
        complete = true;
        break;
      }
      const terminator = bytes[pos];
      if (terminator === delimiter) {
        pos++;
        continue;
      }
      if (terminator === CR && pos + 1 >= end && !final) break;
      pos += terminator === CR && bytes[pos + 1] === LF ? 2 : 1;
      lines++;
      complete = true;
      break;
    }
    if (!complete) return { records, next: rowStart, nextLine: line, openQuote: false };
    records.push({ line, fields });
    line += lines;
  }
  return { records, next: pos, nextLine: line, openQuote: false };
}
