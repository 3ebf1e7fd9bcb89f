import type { ColumnKind, ScoreScale, TimestampFormat } from '../../../shared/domain/column-schema';
import { looksBoolean } from './decode-boolean';
import { parseNumberText } from './decode-number';
import { inferTimestampFormat } from './decode-timestamp';
import { isMissingText } from './missing-tokens';

export interface InferredColumn {
  kind: ColumnKind;
  timestampFormat: TimestampFormat | null;
  distinctValues: number;
  missingValues: number;
}

const TIME_NAME =
  /(^|_|\b)(time|date|timestamp|ts|day|opened|closed|created|updated|at)($|_|\b)|_at$|_on$|date|time/i;
/** Above this share of distinct values, strings are free text rather than categories. */
const TEXT_DISTINCT_SHARE = 0.9;
const TEXT_MIN_VALUES = 20;

/**
 * Share of previewed values that must read as a kind for the column to get it: a few bad cells
 * must not turn a numeric column into text, or the import could never report them as errors.
 */
const KIND_SHARE = 0.8;

function mostly<T>(values: readonly T[], test: (value: T) => boolean): boolean {
  let passing = 0;
  for (const value of values) if (test(value)) passing++;
  return passing >= Math.ceil(values.length * KIND_SHARE);
}

/** The kind of a column from its previewed cells (texts as they appear in the file). */
export function inferColumn(
  name: string,
  cells: readonly (string | null)[],
  decimal: '.' | ',',
): InferredColumn {
  const present = cells
    .filter((cell): cell is string => cell !== null && !isMissingText(cell))
    .map((c) => c.trim());
  const distinct = new Set(present).size;
  const missingValues = cells.length - present.length;
  const result = (kind: ColumnKind, timestampFormat: TimestampFormat | null = null): InferredColumn => ({
    kind,
    timestampFormat,
    distinctValues: distinct,
    missingValues,
  });
  if (present.length === 0) return result('text');
  const numbers = present.map((cell) => parseNumberText(cell, decimal));
  if (mostly(numbers, (n) => n.ok)) {
    const values = numbers.filter((n) => n.ok).map((n) => (n.ok ? n.value : NaN));
    const numericTexts = present.filter((_, i) => numbers[i]?.ok);
    if (present.every(looksBoolean) && values.every((v) => v === 0 || v === 1)) return result('boolean');
    const format = inferTimestampFormat(numericTexts, TIME_NAME.test(name));
    if (format) return result('timestamp', format);
    return result(values.every((v) => Number.isInteger(v)) ? 'integer' : 'number');
  }
  if (mostly(present, looksBoolean)) return result('boolean');
  const format = inferTimestampFormat(present, false);
  if (format) return result('timestamp', format);
  const isText = present.length >= TEXT_MIN_VALUES && distinct / present.length > TEXT_DISTINCT_SHARE;
  return result(isText ? 'text' : 'category');
}

/** probability when every value is in [0, 1]; logit when some are negative and all are moderate; else points. */
export function inferScoreScale(cells: readonly (string | null)[], decimal: '.' | ','): ScoreScale {
  const values = cells
    .map((cell) => (cell === null ? { ok: false as const } : parseNumberText(cell, decimal)))
    .filter((n): n is { ok: true; value: number } => n.ok && Number.isFinite(n.value))
    .map((n) => n.value);
  if (mostly(values, (v) => v >= 0 && v <= 1)) return 'probability';
  if (values.some((v) => v < 0) && values.every((v) => Math.abs(v) <= 50)) return 'logit';
  return 'points';
}

/** Decimal comma when no cell uses a decimal point and some use a comma (never with a comma delimiter). */
export function inferDecimal(delimiter: string, rows: readonly (readonly (string | null)[])[]): '.' | ',' {
  if (delimiter === ',') return '.';
  let commas = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (cell === null) continue;
      const t = cell.trim();
      if (/^[+-]?\d*\.\d+$/.test(t)) return '.';
      if (/^[+-]?\d*,\d+$/.test(t)) commas++;
    }
  }
  return commas > 0 ? ',' : '.';
}
