import { z } from 'zod';

/** What a list of datasets shows about each one; enough to choose a dataset without loading it. */
export const DatasetSummarySchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  rows: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  /** positives / rows; null for an empty dataset, where a rate is undefined. */
  baseRate: z.number().min(0).max(1).nullable(),
  /** Epoch milliseconds (UTC) of the earliest and latest time value; null without a time column. */
  timeMin: z.number().nullable(),
  timeMax: z.number().nullable(),
  sourceName: z.string(),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  sourceBytes: z.number().int().nonnegative(),
  importedAt: z.number(),
});
export type DatasetSummary = z.infer<typeof DatasetSummarySchema>;
