import { z } from 'zod';
import { DatasetFilterSchema } from '../domain/dataset-filter';
import { DatasetRefSchema } from '../domain/dataset-details';
import { ScoreInputSchema } from '../score-input/score-input';
import { BinaryArraySchema } from './binary-array';

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/**
 * How a script's fit is checked out of sample. One fit per run, so k-fold and walk-forward are not
 * offered; `none` fits and measures on the same rows (and says so in the result).
 */
export const ScriptValidationSchema = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('none') }),
  z.strictObject({
    scheme: z.literal('holdout'),
    testFraction: z.number().min(0.05).max(0.95).default(0.3),
    seed: seed.default(1),
  }),
  /** Out of time: train before `splitAt` (epoch ms, UTC), test from it on. */
  z.strictObject({ scheme: z.literal('time'), splitAt: z.number() }),
]);
export type ScriptValidation = z.infer<typeof ScriptValidationSchema>;

/** Which rows a script runs on and which columns it reads. */
export const ScriptSelectionSchema = z.strictObject({
  dataset: DatasetRefSchema,
  outcomeColumn: z.string().min(1).optional(),
  weightColumn: z.string().min(1).optional(),
  /** The production score the script is compared with; defaults to the dataset's score role (none: no comparison). */
  scoreColumn: z.string().min(1).optional(),
  /**
   * How the production score is read as a probability; default: by the column's recorded scale, as
   * analyses do (a points column has no default: its offset, factor and direction must be given).
   */
  scoreInput: ScoreInputSchema.optional(),
  filter: DatasetFilterSchema.optional(),
  validation: ScriptValidationSchema.default({ scheme: 'holdout', testFraction: 0.3, seed: 1 }),
  /** The columns the script's rows carry (the outcome and weight columns are never among them). */
  columns: z.array(z.string().min(1)).max(500),
});
export type ScriptSelection = z.input<typeof ScriptSelectionSchema>;

/**
 * One column as a script's rows see it. Encoding by kind:
 * number, integer, timestamp (epoch ms): float64, NaN when missing;
 * boolean: uint8 0/1, 2 when missing; category, text: int32 codes into `dictionary`, -1 when missing.
 */
export const ScriptColumnSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['number', 'integer', 'boolean', 'category', 'timestamp', 'text']),
  values: BinaryArraySchema,
  dictionary: z.array(z.string()).nullable(),
});
export type ScriptColumn = z.infer<typeof ScriptColumnSchema>;

/** The rows a script is fitted and tested on: every used row in dataset order, and which are test rows. */
export const ScriptDataSchema = z.strictObject({
  datasetId: z.number().int().positive(),
  datasetName: z.string(),
  outcomeColumn: z.string(),
  weightColumn: z.string().nullable(),
  scoreColumn: z.string().nullable(),
  validation: ScriptValidationSchema,
  rows: z.strictObject({
    inDataset: z.number().int().nonnegative(),
    afterFilter: z.number().int().nonnegative(),
    /** Left out: outcome (or weight) missing, or, for a time split, the time missing. */
    missing: z.number().int().nonnegative(),
    used: z.number().int().nonnegative(),
    train: z.number().int().nonnegative(),
    test: z.number().int().nonnegative(),
  }),
  columns: z.array(ScriptColumnSchema),
  /** uint8 0/1 per used row. */
  outcome: BinaryArraySchema,
  /** float64 per used row; null without a weight column. */
  weight: BinaryArraySchema.nullable(),
  /** uint8 per used row: 1 test, 0 train (`none`: every row is both, and all are 1). */
  isTest: BinaryArraySchema,
});
export type ScriptData = z.infer<typeof ScriptDataSchema>;
