import { ApiError } from '../../../shared/api/api-error';
import type { ColumnArray, ColumnStats } from '../store/column-spec';
import type { DatasetWriter } from '../store/dataset-writer';
import type { CsvChunkResult } from './csv-chunk-parse';
import { unterminatedQuoteMessage } from './csv-row-reader';
import { IdUniqueness } from './id-uniqueness';
import type { ImportPlan } from './import-plan';
import type { ValidationRule } from '../../../shared/domain/validation-report';
import type { Problem, ValidationCollector } from './validation-collector';

const MISSING_CATEGORY = -1;
const MISSING_BOOLEAN = 255;

/** What an import knows about its stored rows once the file is read (either reading path). */
export interface ImportedRows {
  readonly rowsStored: number;
  readonly positives: number;
  columnStats(): Map<number, ColumnStats>;
  dictionaryMap(): Map<number, string[]>;
}

/** Category values numbered across the whole file, in order of first appearance. */
class FileDictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

/**
 * Takes pieces of a CSV parsed apart (on worker threads), strictly in file order, and makes them
 * what the single-threaded reader would have stored: category codes renumbered file-wide, line
 * numbers made absolute, duplicate ids found across pieces, problems and statistics merged, and
 * the rows appended to the writer.
 */
export class ChunkAssembler implements ImportedRows {
  rowsStored = 0;
  positives = 0;
  /** Line where the next piece starts. */
  nextLine: number;
  private readonly dictionaries: (FileDictionary | null)[];
  private readonly stats: ColumnStats[];
  private readonly idColumn: number;
  private readonly outcomeColumn: number;
  private readonly ids = new IdUniqueness();

  constructor(
    private readonly plan: ImportPlan,
    private readonly collector: ValidationCollector,
    private readonly writer: DatasetWriter,
    firstLine: number,
  ) {
    this.nextLine = firstLine;
    const specs = plan.columns.map((column) => column.spec);
    this.dictionaries = specs.map((spec) =>
      spec.kind === 'category' || spec.kind === 'text' ? new FileDictionary() : null,
    );
    this.stats = specs.map(() => ({ missing: 0, min: null, max: null }));
    this.idColumn = specs.findIndex((spec) => spec.role === 'id');
    this.outcomeColumn = specs.findIndex((spec) => spec.role === 'outcome');
  }

  /** Whether the pieces must carry the line of every row (to report duplicate ids). */
  get needsRowLines(): boolean {
    return this.idColumn >= 0;
  }

  /** Stores one piece; throws (policy refuse, or a damaged file) as the single-threaded reader would. */
  apply(piece: CsvChunkResult): void {
    const base = this.nextLine;
    this.nextLine += piece.lineCount;
    const absolute = (problem: Problem): Problem => ({ ...problem, line: problem.line + base });
    const { columns } = piece;
    let rows = piece.rows;

    this.renumberCategories(piece);
    const duplicates = this.findDuplicateIds(piece);
    this.listRulesInOrder(piece, duplicates);
    const keep = this.reportDuplicates(piece, duplicates, base);
    for (const note of piece.notes) this.collector.note(absolute(note));
    this.collector.merge(piece.counts, piece.examples.map(absolute));
    this.collector.rowsRead += piece.rowsRead;
    this.collector.rowsSkipped += piece.rowsSkipped;
    let stats = piece.stats;
    let positives = piece.positives;
    if (keep) {
      rows = compact(columns, rows, keep);
      stats = columns.map((array) => statsOf(array, rows));
      positives = this.outcomeColumn >= 0 ? countOnes(columns[this.outcomeColumn] as Uint8Array, rows) : 0;
    }
    stats.forEach((chunk, c) => mergeStats(this.stats[c] as ColumnStats, chunk));
    this.positives += positives;
    this.writer.appendColumns(columns, rows);
    this.rowsStored += rows;

    if (piece.refused) this.collector.report(absolute(piece.refused));
    if (piece.unterminated) {
      throw new ApiError(
        'invalid-input',
        unterminatedQuoteMessage(
          this.plan.file,
          this.plan.fileColumns,
          base + piece.unterminated.line,
          piece.unterminated.field,
        ),
      );
    }
  }

  private renumberCategories(piece: CsvChunkResult): void {
    this.dictionaries.forEach((dictionary, c) => {
      const local = piece.dictionaries[c];
      if (!dictionary || !local || local.length === 0) return;
      const map = Int32Array.from(local, (value) => dictionary.codeOf(value));
      let identity = true;
      for (let i = 0; i < map.length && identity; i++) identity = map[i] === i;
      if (identity) return;
      const codes = piece.columns[c] as Int32Array;
      const rows = piece.rows;
      for (let r = 0; r < rows; r++) {
        const code = codes[r] as number;
        if (code >= 0) codes[r] = map[code] as number;
      }
    });
  }

  /** Rows of the piece whose id was seen before (in this piece or an earlier one). */
  private findDuplicateIds(piece: CsvChunkResult): number[] {
    const c = this.idColumn;
    const found: number[] = [];
    if (c < 0) return found;
    const array = piece.columns[c] as ColumnArray;
    const ids = this.ids;
    if (array instanceof Float64Array) {
      for (let r = 0; r < piece.rows; r++) {
        const id = array[r] as number;
        if (id === id && ids.seenNumber(id)) found.push(r);
      }
      return found;
    }
    // An id column read as yes/no values (uint8) is checked like codes; 255 is its missing value.
    const missingCode = array instanceof Int32Array ? MISSING_CATEGORY : MISSING_BOOLEAN;
    for (let r = 0; r < piece.rows; r++) {
      const code = array[r] as number;
      if (code !== missingCode && ids.seenCode(code)) found.push(r);
    }
    return found;
  }

  /**
   * The report lists rules in the order they first occur in the file; the piece's own problems
   * and its duplicate ids (found here) are interleaved by line to keep that order.
   */
  private listRulesInOrder(piece: CsvChunkResult, duplicates: readonly number[]): void {
    const firsts: { rule: ValidationRule; line: number; order: number }[] = [];
    const listed = new Set<ValidationRule>();
    piece.examples.forEach((problem, order) => {
      if (listed.has(problem.rule)) return;
      listed.add(problem.rule);
      firsts.push({ rule: problem.rule, line: problem.line, order });
    });
    const first = duplicates[0];
    if (first !== undefined) {
      const line = (piece.lines as Int32Array)[first] as number;
      firsts.push({ rule: 'duplicate-id', line, order: Infinity });
    }
    firsts.sort((a, b) => a.line - b.line || a.order - b.order);
    for (const { rule } of firsts) this.collector.touch(rule);
  }

  /** Reports the duplicate ids (throws under refuse); answers the rows to keep when some repeat. */
  private reportDuplicates(
    piece: CsvChunkResult,
    duplicates: readonly number[],
    base: number,
  ): Uint8Array | null {
    if (duplicates.length === 0) return null;
    const c = this.idColumn;
    const array = piece.columns[c] as ColumnArray;
    const keep = new Uint8Array(piece.rows).fill(1);
    for (const r of duplicates) {
      const shown =
        array instanceof Int32Array
          ? ((this.dictionaries[c] as FileDictionary).values[array[r] as number] ?? '')
          : String(array[r]);
      this.collector.report({
        rule: 'duplicate-id',
        line: base + ((piece.lines as Int32Array)[r] as number),
        columnIndex: this.plan.columns[c]?.fileIndex ?? -1,
        value: shown,
        message: `the id ${short(shown)} appears more than once.`,
      });
      this.collector.rowsSkipped++;
      keep[r] = 0;
    }
    return keep;
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
}

function compact(columns: ColumnArray[], rows: number, keep: Uint8Array): number {
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    if (keep[r] !== 1) continue;
    if (kept !== r) for (const array of columns) array[kept] = array[r] as number;
    kept++;
  }
  return kept;
}

function statsOf(array: ColumnArray, rows: number): ColumnStats {
  if (array instanceof Float64Array) {
    let missing = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < rows; r++) {
      const v = array[r] as number;
      if (v !== v) missing++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return min <= max ? { missing, min, max } : { missing, min: null, max: null };
  }
  const missingCode = array instanceof Int32Array ? MISSING_CATEGORY : MISSING_BOOLEAN;
  let missing = 0;
  for (let r = 0; r < rows; r++) if (array[r] === missingCode) missing++;
  return { missing, min: null, max: null };
}

function mergeStats(into: ColumnStats, piece: ColumnStats): void {
  into.missing += piece.missing;
  if (piece.min !== null) into.min = into.min === null ? piece.min : Math.min(into.min, piece.min);
  if (piece.max !== null) into.max = into.max === null ? piece.max : Math.max(into.max, piece.max);
}

function countOnes(array: Uint8Array, rows: number): number {
  let ones = 0;
  for (let r = 0; r < rows; r++) if (array[r] === 1) ones++;
  return ones;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
