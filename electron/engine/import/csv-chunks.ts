// Local copies, not imports: a module's exports compile to getters under some loaders.
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Where the last complete record of `bytes[start, end)` ends, for cutting a CSV into pieces
 * that are parsed apart: the index just after that record's line break, or -1 when no record
 * ends in the range. `start` must be where a record starts.
 *
 * It follows the row reader's rules exactly, so a piece never ends inside a quoted field: a quote
 * opens a field only at the start of a field (after a delimiter or a line break), `""` inside
 * quotes is a quote, and text glued after a closing quote belongs to the field. The work is
 * native searches (`indexOf`/`lastIndexOf`) for quotes and line breaks, never a JavaScript loop
 * over every byte: a piece without quotes costs two searches.
 */
export function lastRecordEnd(bytes: Uint8Array, start: number, end: number, delimiter: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best = -1;
  /** Bytes from here on are outside any quoted field (up to the next opening quote). */
  let outsideFrom = start;
  let searchFrom = start;
  for (;;) {
    const quote = searchFrom < end ? buffer.indexOf(QUOTE, searchFrom) : -1;
    if (quote < 0 || quote >= end) {
      const last = lastLineBreak(buffer, outsideFrom, end, true);
      return last >= 0 ? last : best;
    }
    const previous = quote === start ? LF : (buffer[quote - 1] as number);
    if (previous !== delimiter && previous !== LF && previous !== CR) {
      // A quote inside an unquoted field is an ordinary character.
      searchFrom = quote + 1;
      continue;
    }
    const before = lastLineBreak(buffer, outsideFrom, quote, false);
    if (before >= 0) best = before;
    let from = quote + 1;
    for (;;) {
      const close = buffer.indexOf(QUOTE, from);
      // Still open at the end of the range, or a quote on the last byte (it may be the first of `""`).
      if (close < 0 || close + 1 >= end) return best;
      if (buffer[close + 1] === QUOTE) {
        from = close + 2;
        continue;
      }
      outsideFrom = searchFrom = close + 1;
      break;
    }
  }
}

/**
 * The index just after the last line break in `[from, to)`, or -1. A CR on the very last byte of
 * the range (`atEnd`) may be the first half of a CRLF cut in two, so it does not count there.
 */
function lastLineBreak(buffer: Buffer, from: number, to: number, atEnd: boolean): number {
  if (to <= from) return -1;
  let lf = buffer.lastIndexOf(LF, to - 1);
  if (lf < from) lf = -1;
  // A CR ends a line on its own only when no LF follows it; look only after the last LF.
  const afterLf = lf >= 0 ? lf + 1 : from;
  let limit = to;
  for (;;) {
    if (limit <= afterLf) break;
    const cr = buffer.subarray(afterLf, limit).lastIndexOf(CR);
    if (cr < 0) break;
    const at = afterLf + cr;
    if (at + 1 < to || !atEnd) return at + 1;
    limit = at;
  }
  return lf >= 0 ? lf + 1 : -1;
}
