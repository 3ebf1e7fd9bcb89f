import { ApiError } from '../../../shared/api/api-error';
import type { ErrorPolicy } from '../../../shared/domain/import-options';
import {
  MAX_EXAMPLES_PER_RULE,
  ROW_REJECTING_RULES,
  type RuleReport,
  type ValidationExample,
  type ValidationReport,
  type ValidationRule,
} from '../../../shared/domain/validation-report';

const MAX_VALUE_CHARS = 80;

export interface Problem {
  rule: ValidationRule;
  line: number;
  /** 0-based position among the file's columns, or -1 for the whole row. */
  columnIndex: number;
  value: string;
  message: string;
}

/**
 * Counts problems per rule and keeps the first examples of each. Under `refuse`, the first
 * row-rejecting problem ends the import with an error that names file, line and column.
 */
export class ValidationCollector {
  private readonly counts = new Map<ValidationRule, number>();
  private readonly examples = new Map<ValidationRule, ValidationExample[]>();
  rowsRead = 0;
  rowsSkipped = 0;

  constructor(
    readonly policy: ErrorPolicy,
    private readonly file: string,
    private readonly columnNames: readonly string[],
  ) {}

  /** Records a problem; throws under `refuse` when the problem rejects the row. */
  report(problem: Problem): void {
    this.counts.set(problem.rule, (this.counts.get(problem.rule) ?? 0) + 1);
    const kept = this.examples.get(problem.rule) ?? [];
    if (kept.length < MAX_EXAMPLES_PER_RULE) {
      kept.push(this.example(problem));
      this.examples.set(problem.rule, kept);
    }
    if (this.policy === 'refuse' && ROW_REJECTING_RULES.includes(problem.rule)) {
      throw new ApiError('invalid-input', `${this.where(problem)}: ${problem.message} ${REFUSED}`);
    }
  }

  /** Keeps an example of a warning whose occurrences are counted in bulk (`addCount`). */
  note(problem: Problem): void {
    const kept = this.examples.get(problem.rule) ?? [];
    if (kept.length < MAX_EXAMPLES_PER_RULE) {
      kept.push(this.example(problem));
      this.examples.set(problem.rule, kept);
    }
  }

  /**
   * Makes sure `rule` is listed: the report lists rules in the order they first occurred, and a
   * piece of the file parsed elsewhere hands its problems over in bulk, so the order is set first.
   */
  touch(rule: ValidationRule): void {
    if (!this.counts.has(rule)) this.counts.set(rule, 0);
  }

  /**
   * Takes over what a piece of the file parsed elsewhere found: its counts per rule and its first
   * examples (pieces arrive in file order, so the kept examples are the file's first).
   */
  merge(counts: readonly (readonly [ValidationRule, number])[], examples: readonly Problem[]): void {
    for (const [rule, count] of counts) this.counts.set(rule, (this.counts.get(rule) ?? 0) + count);
    for (const problem of examples) {
      const kept = this.examples.get(problem.rule) ?? [];
      if (kept.length < MAX_EXAMPLES_PER_RULE) {
        kept.push(this.example(problem));
        this.examples.set(problem.rule, kept);
      }
    }
  }

  /** Adds `count` occurrences of a warning-only rule without examples (counted in bulk). */
  addCount(rule: ValidationRule, count: number): void {
    if (count > 0) this.counts.set(rule, (this.counts.get(rule) ?? 0) + count);
  }

  where(problem: Pick<Problem, 'line' | 'columnIndex'>): string {
    const column =
      problem.columnIndex >= 0
        ? `, column ${problem.columnIndex + 1} (${this.columnNames[problem.columnIndex] ?? '?'})`
        : '';
    return `${this.file}, line ${problem.line}${column}`;
  }

  private example(problem: Problem): ValidationExample {
    const column = problem.columnIndex >= 0 ? (this.columnNames[problem.columnIndex] ?? null) : null;
    return {
      line: problem.line,
      column,
      columnNumber: problem.columnIndex >= 0 ? problem.columnIndex + 1 : null,
      value:
        problem.value.length > MAX_VALUE_CHARS
          ? `${problem.value.slice(0, MAX_VALUE_CHARS - 1)}…`
          : problem.value,
      message: problem.message,
    };
  }

  toReport(rowsImported: number): ValidationReport {
    const rules: RuleReport[] = [];
    const rulesFound = new Set<ValidationRule>([...this.counts.keys(), ...this.examples.keys()]);
    for (const rule of rulesFound) {
      const count = this.counts.get(rule) ?? 0;
      rules.push({
        rule,
        severity: ROW_REJECTING_RULES.includes(rule) ? 'error' : 'warning',
        count,
        examples: this.examples.get(rule) ?? [],
      });
    }
    return {
      policy: this.policy,
      rowsRead: this.rowsRead,
      rowsImported,
      rowsSkipped: this.rowsSkipped,
      rules,
    };
  }
}

const REFUSED =
  'Nothing was imported (on error: refuse; choose skip to import the other rows and get a report).';
