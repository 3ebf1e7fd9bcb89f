/** Byte values the CSV readers look for. */
export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

/** Where a quoted field ended, and what it held once `""` became `"`. */
export interface QuotedField {
  /** Index just after the closing quote and anything glued to it, up to the next delimiter or line end. */
  next: number;
  /** Line breaks inside the quotes. */
  lines: number;
  /** Unescaped content in `scratch[0, length)`. */
  length: number;
}

/**
 * Reads a quoted field that starts at `bytes[start]` (a quote). Returns null when the closing
 * quote is not within `[start, end)`: the caller reads more, or reports an unterminated quote
 * when the file ended. Text glued after the closing quote (`"ab"c`) is kept, as most readers do.
 */
export class QuotedFieldReader {
  scratch = new Uint8Array(4096);

  read(bytes: Uint8Array, start: number, end: number, delimiter: number): QuotedField | null {
    let out = 0;
    let lines = 0;
    let i = start + 1;
    for (;;) {
      if (i >= end) return null;
      const b = bytes[i] as number;
      if (b === QUOTE) {
        if (i + 1 >= end) {
          // `"` at the end of the block: an escaped quote or the end of the field? Need one more byte,
          // unless the caller said the file ended (then end === file end and the field is closed).
          return this.closedAt(bytes, i + 1, end, delimiter, out, lines);
        }
        if (bytes[i + 1] === QUOTE) {
          this.push(out++, QUOTE);
          i += 2;
          continue;
        }
        return this.closedAt(bytes, i + 1, end, delimiter, out, lines);
      }
      if (b === LF) lines++;
      else if (b === CR && bytes[i + 1] !== LF) lines++;
      this.push(out++, b);
      i++;
    }
  }

  private closedAt(
    bytes: Uint8Array,
    from: number,
    end: number,
    delimiter: number,
    length: number,
    lines: number,
  ): QuotedField {
    let i = from;
    let out = length;
    while (i < end) {
      const b = bytes[i] as number;
      if (b === delimiter || b === LF || b === CR) break;
      this.push(out++, b);
      i++;
    }
    return { next: i, lines, length: out };
  }

  private push(at: number, b: number): void {
    if (at >= this.scratch.length) {
      const grown = new Uint8Array(this.scratch.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    this.scratch[at] = b;
  }
}
