import { z } from 'zod';
import { ColumnKindSchema, ColumnRoleSchema, ScoreScaleSchema, TimestampFormatSchema } from './column-schema';

export const FileFormatSchema = z.enum(['csv', 'jsonl', 'parquet']);
export type FileFormat = z.infer<typeof FileFormatSchema>;

/** Text encodings of CSV and JSON Lines files. Latin-1 files are read as Windows-1252, its superset. */
export const TextEncodingSchema = z.enum(['utf-8', 'windows-1252']);
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

/** One byte that separates fields; comma, tab, semicolon and pipe are sniffed, any other may be chosen. */
export const DelimiterSchema = z
  .string()
  .length(1)
  .refine((d) => d !== '"' && d !== '\n' && d !== '\r' && d.charCodeAt(0) < 128, {
    message: 'the delimiter must be one ASCII character other than a quote or a line break',
  });

export const DecimalSeparatorSchema = z.enum(['.', ',']);

/** How a file is read; every field left out is detected from the file. */
export const ReadOptionsSchema = z.strictObject({
  format: FileFormatSchema.optional(),
  delimiter: DelimiterSchema.optional(),
  encoding: TextEncodingSchema.optional(),
  decimal: DecimalSeparatorSchema.optional(),
});
export type ReadOptions = z.infer<typeof ReadOptionsSchema>;

/** One column of the file as it will be imported: its type, its role, or left out. */
export const ImportColumnSchema = z.strictObject({
  /** The column's name in the file (the header, a JSON key or a Parquet field). */
  source: z.string(),
  /** Stored name; defaults to the source name. */
  name: z.string().trim().min(1).max(200).optional(),
  kind: ColumnKindSchema,
  role: ColumnRoleSchema.nullable(),
  include: z.boolean().default(true),
  timestampFormat: TimestampFormatSchema.optional(),
  scoreScale: ScoreScaleSchema.optional(),
});
export type ImportColumn = z.infer<typeof ImportColumnSchema>;
export type ImportColumnInput = z.input<typeof ImportColumnSchema>;

/** Shorthand role choices (what the CLI's --score/--outcome/... give); they win over `columns`. */
export const RoleChoicesSchema = z.strictObject({
  score: z.string().optional(),
  outcome: z.string().optional(),
  time: z.string().optional(),
  weight: z.string().optional(),
  id: z.string().optional(),
  segments: z.array(z.string()).optional(),
});
export type RoleChoices = z.infer<typeof RoleChoicesSchema>;

/** refuse: the first bad row stops the import and nothing is kept; skip: bad rows are left out and reported. */
export const ErrorPolicySchema = z.enum(['refuse', 'skip']);
export type ErrorPolicy = z.infer<typeof ErrorPolicySchema>;

/** What to do when a dataset from a file with the same SHA-256 already exists. */
export const DuplicatePolicySchema = z.enum(['ask', 'reuse', 'import-again']);
export type DuplicatePolicy = z.infer<typeof DuplicatePolicySchema>;

export const ImportRequestSchema = z.strictObject({
  file: z.string().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  read: ReadOptionsSchema.default({}),
  /** The full column mapping (usually the preview's, edited); absent: the preview's suggestion. */
  columns: z.array(ImportColumnSchema).optional(),
  roles: RoleChoicesSchema.optional(),
  onError: ErrorPolicySchema.default('refuse'),
  ifExists: DuplicatePolicySchema.default('ask'),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;
export type ImportRequestInput = z.input<typeof ImportRequestSchema>;
