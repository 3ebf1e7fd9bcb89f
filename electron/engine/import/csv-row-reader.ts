import { ApiError } from '../../../shared/api/api-error';
import type { ColumnBatch } from './column-batch';
import { QuotedFieldReader } from './csv-bytes';

// Local copies, not imports: a module's exports compile to getters under some loaders, and
// these are read for every byte.
const LF = 10;
const CR = 13;
const QUOTE = 34;
const POW10 = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * The CSV data reader: walks rows byte by byte and hands each wanted cell's bytes to the batch
 * without making strings (the hot path of an import). Quoted cells go through the quoted-field
 * reader and then the same decoders. Blank lines are skipped.
 */
export class CsvRowReader {
  /** Physical line (1-based) where the next row starts. */
  line: number;
  private readonly quoted = new QuotedFieldReader();
  /** file column -> stored column, or -1 for a column left out. */
  private readonly targets: Int32Array;
  /** file column -> the stored float64 array when the column holds plain numbers (parsed while scanned). */
  private readonly numberArrays: (Float64Array | null)[];

  constructor(
    file: string,
    private readonly delimiter: number,
    private readonly fileColumns: readonly string[],
    storedFileIndexes: readonly number[],
    private readonly batch: ColumnBatch,
    firstLine: number,
    /** Ends the read at a quote that is never closed; a worker hands it back instead of throwing text. */
    private readonly onUnterminatedQuote: (line: number, field: number) => never = (line, field) => {
      throw new ApiError('invalid-input', unterminatedQuoteMessage(file, fileColumns, line, field));
    },
  ) {
    this.line = firstLine;
    this.targets = new Int32Array(fileColumns.length).fill(-1);
    storedFileIndexes.forEach((fileIndex, stored) => (this.targets[fileIndex] = stored));
    this.numberArrays = Array.from(this.targets, (target) =>
      target >= 0 ? batch.plainNumberArray(target) : null,
    );
  }

  /**
   * Reads every complete row of `bytes[pos, end)` and answers where the first incomplete one
   * starts (`end` when none is). With `final`, the block ends the file and every row is complete.
   */
  read(bytes: Uint8Array, pos: number, end: number, final: boolean): number {
    const delimiter = this.delimiter;
    const columnCount = this.fileColumns.length;
    const targets = this.targets;
    const batch = this.batch;
    const numberArrays = this.numberArrays;
    const decimalByte = batch.decimalSeparatorByte;
    while (pos < end) {
      const rowStart = pos;
      const rowLine = this.line;
      const first = bytes[pos];
      if (first === LF) {
        pos++;
        this.line++;
        continue;
      }
      if (first === CR) {
        if (pos + 1 >= end && !final) return rowStart;
        pos += bytes[pos + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      let fields = 0;
      let lines = 0;
      for (;;) {
        let source = bytes;
        let start: number;
        let stop: number;
        if (pos >= end) {
          if (!final) return this.incomplete(rowStart);
          start = stop = pos;
        } else if (bytes[pos] === QUOTE) {
          const field = this.quoted.read(bytes, pos, end, delimiter);
          if (field === null || (field.next >= end && !final)) {
            if (final) {
              batch.discardRow();
              this.onUnterminatedQuote(rowLine + lines, fields);
            }
            return this.incomplete(rowStart);
          }
          source = this.quoted.scratch;
          start = 0;
          stop = field.length;
          lines += field.lines;
          pos = field.next;
        } else {
          const numbers = fields < columnCount ? numberArrays[fields] : null;
          if (numbers) {
            // Plain decimals are parsed while the field is scanned: one pass, no string.
            let i = pos;
            let negative = false;
            if (bytes[i] === 45) {
              negative = true;
              i++;
            }
            const digitsStart = i;
            let mantissa = 0;
            let point = -1;
            let b = 0;
            for (; i < end; i++) {
              b = bytes[i] as number;
              const d = b - 48;
              if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
              else if (b === decimalByte && point < 0) point = i;
              else break;
            }
            const digits = i - digitsStart - (point >= 0 ? 1 : 0);
            if ((i < end ? b === delimiter || b === LF || b === CR : final) && digits > 0 && digits <= 15) {
              const fraction = point >= 0 ? i - point - 1 : 0;
              const value = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
              numbers[batch.rows] = negative ? -value : value;
              fields++;
              pos = i;
              if (pos >= end) break;
              const terminator = bytes[pos];
              if (terminator === delimiter) {
                pos++;
                continue;
              }
              if (terminator === LF) {
                pos++;
              } else {
                if (pos + 1 >= end && !final) return this.incomplete(rowStart);
                pos += bytes[pos + 1] === LF ? 2 : 1;
              }
              lines++;
              break;
            }
          }
          let i = pos;
          while (i < end) {
            const b = bytes[i];
            if (b === delimiter || b === LF || b === CR) break;
            i++;
          }
          if (i >= end && !final) return this.incomplete(rowStart);
          start = pos;
          stop = i;
          pos = i;
        }
        if (fields < columnCount) {
          const target = targets[fields] as number;
          if (target >= 0) batch.putBytes(target, source, start, stop, rowLine);
        }
        fields++;
        if (pos >= end) break;
        const terminator = bytes[pos];
        if (terminator === delimiter) {
          pos++;
          continue;
        }
        if (terminator === LF) {
          pos++;
        } else {
          if (pos + 1 >= end && !final) return this.incomplete(rowStart);
          pos += bytes[pos + 1] === LF ? 2 : 1;
        }
        lines++;
        break;
      }
      if (fields !== columnCount) {
        batch.rowProblem(
          'ragged-row',
          rowLine,
          `${fields} fields`,
          `expected ${columnCount} fields (as in the header) but found ${fields}.`,
        );
      }
      batch.endRow(rowLine);
      this.line += lines;
    }
    return pos;
  }

  private incomplete(rowStart: number): number {
    this.batch.discardRow();
    return rowStart;
  }
}

/** The message for a quoted field that is still open at the end of the file. */
export function unterminatedQuoteMessage(
  file: string,
  fileColumns: readonly string[],
  line: number,
  field: number,
): string {
  return (
    `${file}, line ${line}, column ${field + 1}` +
    `${field < fileColumns.length ? ` (${fileColumns[field]})` : ''}: a quoted field is never closed (unterminated quote). Nothing was imported.`
  );
}
