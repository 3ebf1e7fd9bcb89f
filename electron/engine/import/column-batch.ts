import type { ValidationRule } from '../../../shared/domain/validation-report';
import { allocateColumn, type ColumnArray, type ColumnStats } from '../store/column-spec';
import { CategoryDictionary } from './category-dictionary';
import { parseBooleanText } from './decode-boolean';
import { parseNumberText, parseSimpleDecimal } from './decode-number';
import { parseIsoBytes, parseTimestampText } from './decode-timestamp';
import { IdUniqueness } from './id-uniqueness';
import type { ImportPlan } from './import-plan';
import { isMissingText } from './missing-tokens';
import { CellTextDecoder } from './text-decoding';
import type { Problem } from './validation-collector';

/** Where finished rows go: the dataset writer, or (in a worker) the chunk's result. */
export interface RowSink {
  readonly chunkRows: number;
  /** `lines`, when the batch records them, holds the line of each of the `rows` rows. */
  appendColumns(arrays: readonly ColumnArray[], rows: number, lines?: Int32Array): void;
}

/** What the batch reports problems to: the import's collector, or (in a worker) the chunk's. */
export interface ProblemSink {
  rowsRead: number;
  rowsSkipped: number;
  report(problem: Problem): void;
  note(problem: Problem): void;
}

export interface ColumnBatchOptions {
  /**
   * False when the rows are parsed in pieces on worker threads: duplicate ids can only be found
   * where all the ids are, so the engine's thread checks them.
   */
  checkIds?: boolean;
  /** Keep the line of every accepted row (for duplicate-id reports made elsewhere). */
  recordLines?: boolean;
  /**
   * Arrays to fill instead of new ones (at least `chunkRows` long, one per column in its storage,
   * plus one for lines): a worker reuses the buffers of earlier pieces rather than making new
   * ones, which spares the engine's thread a garbage collection per few pieces.
   */
  reuse?: { columns: ColumnArray[]; lines: Int32Array | null };
}

// Local copies of the store's missing markers: imported constants can compile to getters, and
// these are read for every cell.
const MISSING_CATEGORY = -1;
const MISSING_BOOLEAN = 255;

// Bound once: calling an imported function goes through a getter under some loaders.
const simpleDecimal = parseSimpleDecimal;
const isoBytes = parseIsoBytes;

const NUMBER = 1;
const TIMESTAMP = 2;
const BOOLEAN = 3;
const CATEGORY = 4;

const MAX_MISSING_EXAMPLES = 20;

/**
 * The rows of one chunk being assembled, column by column, in the storage the store keeps.
 * Cells arrive as bytes (CSV) or as values (JSON Lines, Parquet); a row's problems are held
 * until the row ends, so a row that is re-read (it straddled two blocks of the file) or
 * skipped leaves no trace.
 */
export class ColumnBatch {
  readonly arrays: ColumnArray[];
  private readonly floats: (Float64Array | null)[];
  private readonly codes: (Int32Array | null)[];
  private readonly flags: (Uint8Array | null)[];
  private readonly kinds: Int32Array;
  private readonly isoTimestamps: boolean[];
  readonly dictionaries: (CategoryDictionary | null)[];
  private readonly decoder: CellTextDecoder;
  private readonly decimalByte: number;
  /** Rows accepted into the current chunk. */
  rows = 0;
  /** Rows accepted in total. */
  rowsStored = 0;
  private pending: Problem[] = [];
  private readonly scoreColumn: number;
  private readonly scoreIsProbability: boolean;
  private readonly outcomeColumn: number;
  private readonly idColumn: number;
  private readonly ids = new IdUniqueness();
  private readonly stats: ColumnStats[];
  private missingExamples = 0;
  positives = 0;
  /** Line of each accepted row of the current chunk (only with `recordLines`). */
  private readonly lines: Int32Array | null;

  get rowLines(): Int32Array | null {
    return this.lines;
  }

  constructor(
    private readonly plan: ImportPlan,
    private readonly collector: ProblemSink,
    private readonly writer: RowSink,
    options: ColumnBatchOptions = {},
  ) {
    const chunkRows = writer.chunkRows;
    const reuse = options.reuse;
    this.lines = options.recordLines ? (reuse?.lines ?? new Int32Array(chunkRows)) : null;
    const specs = plan.columns.map((column) => column.spec);
    this.arrays = specs.map((spec, c) => reuse?.columns[c] ?? allocateColumn(spec.storage, chunkRows));
    this.floats = this.arrays.map((a) => (a instanceof Float64Array ? a : null));
    this.codes = this.arrays.map((a) => (a instanceof Int32Array ? a : null));
    this.flags = this.arrays.map((a) => (a instanceof Uint8Array ? a : null));
    this.kinds = Int32Array.from(specs, (spec) =>
      spec.kind === 'timestamp'
        ? TIMESTAMP
        : spec.kind === 'boolean'
          ? BOOLEAN
          : spec.kind === 'category' || spec.kind === 'text'
            ? CATEGORY
            : NUMBER,
    );
    this.isoTimestamps = specs.map((spec) => spec.kind === 'timestamp' && spec.timestampFormat === 'iso8601');
    this.dictionaries = specs.map((spec) =>
      spec.kind === 'category' || spec.kind === 'text' ? new CategoryDictionary() : null,
    );
    this.decoder = new CellTextDecoder(plan.encoding);
    this.decimalByte = plan.decimal.charCodeAt(0);
    this.scoreColumn = specs.findIndex((spec) => spec.role === 'score');
    this.scoreIsProbability =
      this.scoreColumn >= 0 && (specs[this.scoreColumn]?.scoreScale ?? 'probability') === 'probability';
    this.outcomeColumn = specs.findIndex((spec) => spec.role === 'outcome');
    this.idColumn = options.checkIds === false ? -1 : specs.findIndex((spec) => spec.role === 'id');
    this.stats = specs.map(() => ({ missing: 0, min: null, max: null }));
  }

  /** The float64 array of stored column `c` when it holds plain numbers (the reader's fused fast path). */
  plainNumberArray(c: number): Float64Array | null {
    return this.kinds[c] === NUMBER ? (this.floats[c] ?? null) : null;
  }

  get decimalSeparatorByte(): number {
    return this.decimalByte;
  }

  get columnCount(): number {
    return this.arrays.length;
  }

  /** Decodes the cell `bytes[start, end)` of stored column `c` into the current row. */
  putBytes(c: number, bytes: Uint8Array, start: number, end: number, line: number): void {
    const row = this.rows;
    switch (this.kinds[c]) {
      case NUMBER: {
        const out = this.floats[c] as Float64Array;
        if (start === end) {
          out[row] = NaN;
          this.noteMissing(c, line);
          return;
        }
        const value = simpleDecimal(bytes, start, end, this.decimalByte);
        if (value === value) {
          out[row] = value;
          return;
        }
        this.putNumberText(c, this.text(bytes, start, end), line);
        return;
      }
      case TIMESTAMP: {
        const out = this.floats[c] as Float64Array;
        if (start === end) {
          out[row] = NaN;
          this.noteMissing(c, line);
          return;
        }
        if (this.isoTimestamps[c]) {
          const value = isoBytes(bytes, start, end);
          if (value === value) {
            out[row] = value;
            return;
          }
        }
        this.putTimestampText(c, this.text(bytes, start, end), line);
        return;
      }
      case BOOLEAN: {
        const out = this.flags[c] as Uint8Array;
        if (end - start === 1) {
          const b = bytes[start];
          if (b === 48 || b === 49) {
            out[row] = b - 48;
            return;
          }
        }
        this.putBooleanText(c, this.text(bytes, start, end), line);
        return;
      }
      default: {
        const out = this.codes[c] as Int32Array;
        const dictionary = this.dictionaries[c] as CategoryDictionary;
        const found = start === end ? -3 : dictionary.find(bytes, start, end);
        if (found >= 0) {
          out[row] = found;
          return;
        }
        if (found === -3) {
          out[row] = MISSING_CATEGORY;
          this.noteMissing(c, line);
          return;
        }
        const text = this.decoder.decode(bytes, start, end);
        if (text === null) {
          out[row] = MISSING_CATEGORY;
          this.problem(
            'invalid-text',
            line,
            c,
            this.decoder.decodeForDisplay(bytes, start, end),
            invalidTextMessage(this.plan),
          );
          return;
        }
        if (isMissingText(text)) {
          out[row] = MISSING_CATEGORY;
          this.noteMissing(c, line);
          return;
        }
        out[row] = dictionary.add(bytes, start, end, text);
      }
    }
  }

  /** Decodes a value that came typed (JSON Lines, Parquet) into stored column `c`. */
  putValue(c: number, value: unknown, line: number): void {
    const row = this.rows;
    if (value === null || value === undefined) {
      this.putMissing(c, row, line);
      return;
    }
    if (typeof value === 'string') {
      this.putText(c, value, line);
      return;
    }
    const kind = this.kinds[c];
    if (typeof value === 'bigint') value = Number(value);
    if (value instanceof Date) {
      if (kind === TIMESTAMP) (this.floats[c] as Float64Array)[row] = value.getTime();
      else this.putText(c, value.toISOString(), line);
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      const n = Number(value);
      if (kind === NUMBER) {
        if (Number.isFinite(n)) (this.floats[c] as Float64Array)[row] = n;
        else if (Number.isNaN(n)) this.putMissing(c, row, line);
        else this.putText(c, String(value), line);
        return;
      }
      if (kind === TIMESTAMP && typeof value === 'number') {
        const format = this.plan.columns[c]?.spec.timestampFormat;
        const ms = format === 'epoch-seconds' ? n * 1000 : n;
        if (Number.isFinite(ms) && (format === 'epoch-seconds' || format === 'epoch-milliseconds')) {
          (this.floats[c] as Float64Array)[row] = ms;
          return;
        }
      }
      this.putText(c, String(value), line);
      return;
    }
    this.putText(c, JSON.stringify(value), line);
  }

  private putText(c: number, text: string, line: number): void {
    switch (this.kinds[c]) {
      case NUMBER:
        this.putNumberText(c, text, line);
        return;
      case TIMESTAMP:
        this.putTimestampText(c, text, line);
        return;
      case BOOLEAN:
        this.putBooleanText(c, text, line);
        return;
      default: {
        const out = this.codes[c] as Int32Array;
        if (isMissingText(text)) {
          out[this.rows] = MISSING_CATEGORY;
          this.noteMissing(c, line);
          return;
        }
        out[this.rows] = (this.dictionaries[c] as CategoryDictionary).codeOfText(text);
      }
    }
  }

  private putMissing(c: number, row: number, line: number): void {
    const kind = this.kinds[c];
    if (kind === NUMBER || kind === TIMESTAMP) (this.floats[c] as Float64Array)[row] = NaN;
    else if (kind === BOOLEAN) (this.flags[c] as Uint8Array)[row] = MISSING_BOOLEAN;
    else (this.codes[c] as Int32Array)[row] = MISSING_CATEGORY;
    this.noteMissing(c, line);
  }

  private putNumberText(c: number, text: string, line: number): void {
    const parsed = parseNumberText(text, this.plan.decimal);
    const out = this.floats[c] as Float64Array;
    if (parsed.ok) {
      out[this.rows] = parsed.value;
      if (parsed.value !== parsed.value) this.noteMissing(c, line);
      return;
    }
    out[this.rows] = NaN;
    this.problem('non-numeric', line, c, text, `"${short(text)}" is not a number.`);
  }

  private putTimestampText(c: number, text: string, line: number): void {
    const format = this.plan.columns[c]?.spec.timestampFormat ?? 'iso8601';
    const parsed = parseTimestampText(text, format);
    const out = this.floats[c] as Float64Array;
    if (parsed.ok) {
      out[this.rows] = parsed.value;
      if (parsed.value !== parsed.value) this.noteMissing(c, line);
      return;
    }
    out[this.rows] = NaN;
    this.problem(
      'unparseable-timestamp',
      line,
      c,
      text,
      `"${short(text)}" is not a timestamp in the ${format} format.`,
    );
  }

  private putBooleanText(c: number, text: string, line: number): void {
    const parsed = parseBooleanText(text);
    const out = this.flags[c] as Uint8Array;
    if (parsed === null) {
      out[this.rows] = MISSING_BOOLEAN;
      const isOutcome = c === this.outcomeColumn;
      this.problem(
        isOutcome ? 'outcome-not-binary' : 'non-numeric',
        line,
        c,
        text,
        isOutcome
          ? `"${short(text)}" is not a binary outcome (0/1, true/false, yes/no).`
          : `"${short(text)}" is not a yes/no value.`,
      );
      return;
    }
    if (parsed !== parsed) {
      out[this.rows] = MISSING_BOOLEAN;
      this.noteMissing(c, line);
      return;
    }
    out[this.rows] = parsed;
  }

  /** A missing score or outcome rejects the row; elsewhere it is kept and only counted. */
  private noteMissing(c: number, line: number): void {
    if (c === this.scoreColumn || c === this.outcomeColumn) {
      this.problem(
        'missing-required',
        line,
        c,
        '',
        `the ${c === this.scoreColumn ? 'score' : 'outcome'} is missing.`,
      );
      return;
    }
    if (this.missingExamples < MAX_MISSING_EXAMPLES) {
      this.missingExamples++;
      this.pending.push({
        rule: 'missing-value',
        line,
        columnIndex: this.fileIndex(c),
        value: '',
        message: 'missing value (kept as missing).',
      });
    }
  }

  problem(rule: ValidationRule, line: number, c: number, value: string, message: string): void {
    this.pending.push({ rule, line, columnIndex: c < 0 ? -1 : this.fileIndex(c), value, message });
  }

  /** Ragged rows and other whole-row problems reported by a reader. */
  rowProblem(rule: ValidationRule, line: number, value: string, message: string): void {
    this.pending.push({ rule, line, columnIndex: -1, value, message });
  }

  /** Forgets what the current row collected, for a row that will be read again. */
  discardRow(): void {
    this.pending.length = 0;
  }

  /**
   * Ends the current row: checks that need the whole row, then keeps it, or skips it (policy
   * skip) or throws (policy refuse) when something rejects it.
   */
  endRow(line: number): void {
    const row = this.rows;
    if (this.scoreIsProbability) {
      const score = (this.floats[this.scoreColumn] as Float64Array)[row] as number;
      if (score < 0 || score > 1) {
        this.problem(
          'probability-range',
          line,
          this.scoreColumn,
          String(score),
          `the score ${score} is outside [0, 1].`,
        );
      }
    }
    let rejected = false;
    if (this.pending.length > 0) {
      for (const problem of this.pending) {
        if (problem.rule === 'missing-value') this.collector.note(problem);
        else {
          rejected = true;
          this.collector.report(problem);
        }
      }
      this.pending.length = 0;
    }
    if (!rejected && this.idColumn >= 0) {
      const ids = this.floats[this.idColumn];
      const codes = this.codes[this.idColumn];
      // An id column read as yes/no values (uint8) is checked like codes; 255 is its missing value.
      const id = ids
        ? (ids[row] as number)
        : codes
          ? (codes[row] as number)
          : ((this.flags[this.idColumn] as Uint8Array)[row] as number);
      const missing = ids ? id !== id : id === (codes ? MISSING_CATEGORY : MISSING_BOOLEAN);
      if (!missing && (ids ? this.ids.seenNumber(id) : this.ids.seenCode(id))) {
        rejected = true;
        const shown =
          ids || !codes
            ? String(id)
            : ((this.dictionaries[this.idColumn] as CategoryDictionary).values[id] ?? '');
        this.collector.report({
          rule: 'duplicate-id',
          line,
          columnIndex: this.fileIndex(this.idColumn),
          value: shown,
          message: `the id ${short(shown)} appears more than once.`,
        });
      }
    }
    this.collector.rowsRead++;
    if (rejected) {
      this.collector.rowsSkipped++;
      return;
    }
    if (this.lines) this.lines[this.rows] = line;
    this.rows++;
    if (this.rows === this.writer.chunkRows) this.flush();
  }

  /** Hands the finished rows to the writer and folds them into the column statistics. */
  flush(): void {
    const rows = this.rows;
    if (rows === 0) return;
    for (let c = 0; c < this.arrays.length; c++) this.gatherStats(c, rows);
    if (this.outcomeColumn >= 0) {
      const outcome = this.flags[this.outcomeColumn] as Uint8Array;
      let positives = 0;
      for (let r = 0; r < rows; r++) if (outcome[r] === 1) positives++;
      this.positives += positives;
    }
    if (this.lines) this.writer.appendColumns(this.arrays, rows, this.lines);
    else this.writer.appendColumns(this.arrays, rows);
    this.rowsStored += rows;
    this.rows = 0;
  }

  private gatherStats(c: number, rows: number): void {
    const stats = this.stats[c] as ColumnStats;
    const floats = this.floats[c];
    if (floats) {
      let missing = 0;
      let min = stats.min ?? Infinity;
      let max = stats.max ?? -Infinity;
      for (let r = 0; r < rows; r++) {
        const v = floats[r] as number;
        if (v !== v) missing++;
        else {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      stats.missing += missing;
      if (min <= max) {
        stats.min = min;
        stats.max = max;
      }
      return;
    }
    const codes = this.codes[c];
    const array = codes ?? (this.flags[c] as Uint8Array);
    const missingCode = codes ? MISSING_CATEGORY : MISSING_BOOLEAN;
    let missing = 0;
    for (let r = 0; r < rows; r++) if (array[r] === missingCode) missing++;
    stats.missing += missing;
  }

  /** Statistics per stored column, in column order (for a chunk parsed on a worker). */
  statsList(): ColumnStats[] {
    return this.stats.map((stats) => ({ ...stats }));
  }

  columnStats(): Map<number, ColumnStats> {
    return new Map(this.stats.map((stats, c) => [c, stats]));
  }

  dictionaryMap(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    this.dictionaries.forEach((dictionary, c) => {
      if (dictionary) out.set(c, dictionary.values);
    });
    return out;
  }

  private fileIndex(c: number): number {
    return this.plan.columns[c]?.fileIndex ?? -1;
  }

  private text(bytes: Uint8Array, start: number, end: number): string {
    return this.decoder.decodeForDisplay(bytes, start, end);
  }
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function invalidTextMessage(plan: ImportPlan): string {
  return plan.encoding === 'utf-8'
    ? 'the bytes are not valid UTF-8; if the file is Latin-1 or Windows-1252, choose that encoding.'
    : 'the bytes cannot be decoded.';
}
