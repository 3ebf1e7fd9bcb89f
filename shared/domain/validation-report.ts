import { z } from 'zod';

export const ValidationRuleSchema = z.enum([
  'ragged-row',
  'non-numeric',
  'probability-range',
  'outcome-not-binary',
  'missing-required',
  'missing-value',
  'unparseable-timestamp',
  'duplicate-id',
  'invalid-text',
  'malformed-row',
]);
export type ValidationRule = z.infer<typeof ValidationRuleSchema>;

/** Rules whose failures make a row unusable (refused or skipped); the others are kept as missing values. */
export const ROW_REJECTING_RULES: readonly ValidationRule[] = [
  'ragged-row',
  'non-numeric',
  'probability-range',
  'outcome-not-binary',
  'missing-required',
  'unparseable-timestamp',
  'duplicate-id',
  'invalid-text',
  'malformed-row',
];

export const MAX_EXAMPLES_PER_RULE = 20;

export const ValidationExampleSchema = z.strictObject({
  /** 1-based physical line in the file where the row starts (for Parquet, the 1-based row number). */
  line: z.number().int().positive(),
  /** The column's name, or null for a problem with the whole row. */
  column: z.string().nullable(),
  /** 1-based column number, or null for a problem with the whole row. */
  columnNumber: z.number().int().positive().nullable(),
  /** The offending text, shortened to 80 characters. */
  value: z.string(),
  message: z.string(),
});
export type ValidationExample = z.infer<typeof ValidationExampleSchema>;

export const RuleReportSchema = z.strictObject({
  rule: ValidationRuleSchema,
  /** error: the row is refused or skipped; warning: kept, with a missing value. */
  severity: z.enum(['error', 'warning']),
  count: z.number().int().nonnegative(),
  examples: z.array(ValidationExampleSchema).max(MAX_EXAMPLES_PER_RULE),
});
export type RuleReport = z.infer<typeof RuleReportSchema>;

export const ValidationReportSchema = z.strictObject({
  policy: z.enum(['refuse', 'skip']),
  rowsRead: z.number().int().nonnegative(),
  rowsImported: z.number().int().nonnegative(),
  rowsSkipped: z.number().int().nonnegative(),
  /** Only the rules that found something. */
  rules: z.array(RuleReportSchema),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
