import { z } from 'zod';
import { ColumnKindSchema, ColumnRoleSchema, ScoreScaleSchema, TimestampFormatSchema } from './column-schema';
import { FileFormatSchema, TextEncodingSchema } from './import-options';

export const PREVIEW_ROWS = 200;

/** One column as detected from the first rows of a file. */
export const PreviewColumnSchema = z.strictObject({
  source: z.string(),
  kind: ColumnKindSchema,
  timestampFormat: TimestampFormatSchema.nullable(),
  scoreScale: ScoreScaleSchema.nullable(),
  suggestedRole: ColumnRoleSchema.nullable(),
  /** Distinct non-missing values among the previewed rows. */
  distinctValues: z.number().int().nonnegative(),
  missingValues: z.number().int().nonnegative(),
});
export type PreviewColumn = z.infer<typeof PreviewColumnSchema>;

export const ImportPreviewSchema = z.strictObject({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  format: FileFormatSchema,
  compression: z.enum(['none', 'gzip']),
  /** CSV only; null for JSON Lines and Parquet. */
  delimiter: z.string().length(1).nullable(),
  decimal: z.enum(['.', ',']).nullable(),
  encoding: TextEncodingSchema.nullable(),
  hasByteOrderMark: z.boolean(),
  header: z.array(z.string()),
  columns: z.array(PreviewColumnSchema),
  /** The first rows as text, as many cells as the header (ragged rows padded with null). */
  rows: z.array(z.array(z.string().nullable())).max(PREVIEW_ROWS),
  /** Parquet knows its row count; for text files it is unknown before a full read. */
  totalRows: z.number().int().nonnegative().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
