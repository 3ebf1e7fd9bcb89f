import { z } from 'zod';
import { ColumnKindSchema, ColumnRoleSchema, ScoreScaleSchema, TimestampFormatSchema } from './column-schema';
import { DatasetSummarySchema } from './dataset-summary';
import { ValidationReportSchema } from './validation-report';

/** Which dataset a call is about: by id (stable) or by name (what people type). */
export const DatasetRefSchema = z.union([
  z.strictObject({ id: z.number().int().positive() }),
  z.strictObject({ name: z.string().min(1) }),
]);
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

export const StoredColumnSchema = z.strictObject({
  position: z.number().int().nonnegative(),
  name: z.string(),
  source: z.string().nullable(),
  kind: ColumnKindSchema,
  storage: z.enum(['float64', 'int32', 'uint8']),
  role: ColumnRoleSchema.nullable(),
  timestampFormat: TimestampFormatSchema.nullable(),
  scoreScale: ScoreScaleSchema.nullable(),
  missing: z.number().int().nonnegative().nullable(),
  /** Numbers and timestamps: smallest and largest value; null otherwise or when all are missing. */
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Categories and text: how many distinct values the dictionary holds. */
  distinctValues: z.number().int().nonnegative().nullable(),
});
export type StoredColumn = z.infer<typeof StoredColumnSchema>;

/** Everything kept about a dataset except its data: what `scorecal show` prints. */
export const DatasetDetailsSchema = z.strictObject({
  summary: DatasetSummarySchema,
  sourcePath: z.string().nullable(),
  columns: z.array(StoredColumnSchema),
  importOptions: z.record(z.string(), z.unknown()),
  /** null for datasets imported before validation reports were kept. */
  validation: ValidationReportSchema.nullable(),
});
export type DatasetDetails = z.infer<typeof DatasetDetailsSchema>;
