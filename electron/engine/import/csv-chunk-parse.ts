import {
  MAX_EXAMPLES_PER_RULE,
  ROW_REJECTING_RULES,
  type ValidationRule,
} from '../../../shared/domain/validation-report';
import { allocateColumn, type ColumnArray, type ColumnStats } from '../store/column-spec';
import { ColumnBatch, type ProblemSink, type RowSink } from './column-batch';
import { CsvRowReader } from './csv-row-reader';
import type { ImportPlan } from './import-plan';
import type { Problem } from './validation-collector';

/** One piece of a CSV file, cut at a record boundary, to be parsed on its own (usually on a worker). */
export interface CsvChunkTask {
  plan: ImportPlan;
  delimiter: number;
  /** The piece is `bytes[0, length)`; the buffer travels to the worker and back. */
  bytes: Uint8Array;
  length: number;
  /** The piece ends the file (its last row may lack a line break, or be cut by a damaged file). */
  final: boolean;
  /** Return the line of every accepted row (needed when duplicate ids must be reported). */
  recordLines: boolean;
  /** Rows the parse buffers hold before they are flushed (best: a little more than the piece has). */
  rowsPerPart: number;
  /** Buffers of an earlier piece to fill again (`rowsPerPart` rows long), or null for new ones. */
  scratch: ChunkScratch | null;
}

/** The arrays a piece is parsed into; they go back and forth between the threads and are reused. */
export interface ChunkScratch {
  columns: ColumnArray[];
  lines: Int32Array | null;
}

/** What a piece held. Lines are relative: 0 is the piece's first line. */
export interface CsvChunkResult {
  bytes: Uint8Array;
  /** The buffers the piece was parsed into, whole, for the next piece. */
  scratch: ChunkScratch;
  /** Accepted rows, column by column, each array exactly `rows` long. */
  columns: ColumnArray[];
  rows: number;
  lines: Int32Array | null;
  /** Physical lines the piece spans (where the next piece's first line is). */
  lineCount: number;
  rowsRead: number;
  rowsSkipped: number;
  /** Row-rejecting problems: occurrences per rule, and the first examples of each rule in file order. */
  counts: [ValidationRule, number][];
  examples: Problem[];
  /** Examples of missing values (a warning; counted from the statistics). */
  notes: Problem[];
  /** Under `refuse`: the first row-rejecting problem; nothing after its row was read. */
  refused: Problem | null;
  /** A quoted field still open at the end of the file: where. */
  unterminated: { line: number; field: number } | null;
  /** Per stored column: the category values in the order the piece's codes number them. */
  dictionaries: (string[] | null)[];
  stats: ColumnStats[];
  positives: number;
}

class Stop {}
const STOP = new Stop();

class UnterminatedQuote {
  constructor(
    readonly line: number,
    readonly field: number,
  ) {}
}

/** Problems of one piece, kept for the engine's collector, which sees every piece in order. */
class ChunkProblems implements ProblemSink {
  rowsRead = 0;
  rowsSkipped = 0;
  readonly counts = new Map<ValidationRule, number>();
  readonly examples: Problem[] = [];
  private readonly kept = new Map<ValidationRule, number>();
  readonly notes: Problem[] = [];
  refused: Problem | null = null;

  constructor(private readonly refuse: boolean) {}

  report(problem: Problem): void {
    if (this.refuse && ROW_REJECTING_RULES.includes(problem.rule)) {
      this.refused = problem;
      throw STOP;
    }
    this.counts.set(problem.rule, (this.counts.get(problem.rule) ?? 0) + 1);
    const kept = this.kept.get(problem.rule) ?? 0;
    if (kept < MAX_EXAMPLES_PER_RULE) {
      this.kept.set(problem.rule, kept + 1);
      this.examples.push(problem);
    }
  }

  note(problem: Problem): void {
    if (this.notes.length < MAX_EXAMPLES_PER_RULE) this.notes.push(problem);
  }
}

/**
 * Gathers the batch's flushed parts and joins them into one array per column at the end. The
 * caller sizes the parts to hold a whole piece, so usually the last flush is the only one and
 * its arrays are taken as they are (`adopt`), without a copy.
 */
class PartSink implements RowSink {
  private readonly parts: ColumnArray[][] = [];
  private readonly lineParts: Int32Array[] = [];
  rows = 0;
  /** Set before the batch's last flush: its arrays are not reused afterwards. */
  adopt = false;

  constructor(readonly chunkRows: number) {}

  appendColumns(arrays: readonly ColumnArray[], rows: number, lines?: Int32Array): void {
    const take = <T extends ColumnArray | Int32Array>(array: T): T =>
      (this.adopt ? array.subarray(0, rows) : array.slice(0, rows)) as T;
    this.parts.push(arrays.map(take));
    if (lines) this.lineParts.push(take(lines));
    this.rows += rows;
  }

  joined(plan: ImportPlan): { columns: ColumnArray[]; lines: Int32Array | null } {
    const columns = plan.columns.map((column, c) => {
      if (this.parts.length === 1) return this.parts[0]?.[c] as ColumnArray;
      const out = allocateColumn(column.spec.storage, this.rows);
      let at = 0;
      for (const part of this.parts) {
        const array = part[c] as ColumnArray;
        out.set(array as never, at);
        at += array.length;
      }
      return out;
    });
    let lines: Int32Array | null = null;
    if (this.lineParts.length === 1) lines = this.lineParts[0] as Int32Array;
    else if (this.lineParts.length > 1) {
      lines = new Int32Array(this.rows);
      let at = 0;
      for (const part of this.lineParts) {
        lines.set(part, at);
        at += part.length;
      }
    }
    return { columns, lines };
  }
}

/**
 * Parses one piece of a CSV into column arrays, exactly as the single-threaded reader would
 * (same decoders, same checks), except that duplicate ids are left to the caller, which sees
 * every piece. A pure function of its input, so it runs on a worker thread or in place.
 */
export function parseCsvChunk(task: CsvChunkTask): CsvChunkResult {
  const { plan } = task;
  const problems = new ChunkProblems(plan.policy === 'refuse');
  const sink = new PartSink(task.rowsPerPart);
  const fits =
    task.scratch !== null &&
    task.scratch.columns.every((array) => array.length >= task.rowsPerPart) &&
    (!task.recordLines || (task.scratch.lines?.length ?? 0) >= task.rowsPerPart);
  const batch = new ColumnBatch(plan, problems, sink, {
    checkIds: false,
    recordLines: task.recordLines,
    ...(fits && task.scratch ? { reuse: task.scratch } : {}),
  });
  const scratch: ChunkScratch = { columns: batch.arrays, lines: batch.rowLines };
  const reader = new CsvRowReader(
    plan.file,
    task.delimiter,
    plan.fileColumns,
    plan.columns.map((column) => column.fileIndex),
    batch,
    0,
    (line, field) => {
      throw new UnterminatedQuote(line, field);
    },
  );
  let unterminated: CsvChunkResult['unterminated'] = null;
  try {
    const next = reader.read(task.bytes, 0, task.length, task.final);
    if (next !== task.length) {
      // The cut is made where a record ends, so the reader must end there too.
      throw new Error(`A CSV piece was cut inside a record (at ${next} of ${task.length} bytes).`);
    }
  } catch (error) {
    if (error instanceof UnterminatedQuote) unterminated = { line: error.line, field: error.field };
    else if (error !== STOP) throw error;
  }
  sink.adopt = true;
  batch.flush();
  const { columns, lines } = sink.joined(plan);
  return {
    bytes: task.bytes,
    scratch,
    columns,
    rows: sink.rows,
    lines,
    lineCount: reader.line,
    rowsRead: problems.rowsRead,
    rowsSkipped: problems.rowsSkipped,
    counts: [...problems.counts],
    examples: problems.examples,
    notes: problems.notes,
    refused: problems.refused,
    unterminated,
    dictionaries: batch.dictionaries.map((dictionary) => (dictionary ? dictionary.values : null)),
    stats: batch.statsList(),
    positives: batch.positives,
  };
}
