import { z } from 'zod';
import { DatasetDetailsSchema, DatasetRefSchema } from '../../domain/dataset-details';
import { DatasetSummarySchema } from '../../domain/dataset-summary';
import { ImportRequestSchema, ReadOptionsSchema } from '../../domain/import-options';
import { ImportPreviewSchema } from '../../domain/import-preview';
import { ValidationReportSchema } from '../../domain/validation-report';
import { defineCall } from '../define-call';

export const ImportResultSchema = z.strictObject({
  dataset: DatasetSummarySchema,
  validation: ValidationReportSchema,
  /** True when the file had been imported before and that dataset was reused (ifExists: reuse). */
  reused: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const datasetCalls = {
  'datasets.list': defineCall({
    summary: 'Every dataset in the workspace, newest first.',
    input: z.strictObject({}),
    output: z.strictObject({ datasets: z.array(DatasetSummarySchema) }),
    long: false,
  }),
  'datasets.loadSample': defineCall({
    summary: 'Imports the bundled synthetic liquidation sample as a new dataset.',
    input: z.strictObject({ name: z.string().trim().min(1).max(200).optional() }),
    output: DatasetSummarySchema,
    long: true,
  }),
  'datasets.preview': defineCall({
    summary: "A file's format, dialect, header, inferred column types, first 200 rows and suggested roles.",
    input: z.strictObject({ file: z.string().min(1), read: ReadOptionsSchema.default({}) }),
    output: ImportPreviewSchema,
    long: false,
  }),
  'datasets.import': defineCall({
    summary: 'Imports a file as a new dataset in one transaction, with validation and progress.',
    input: ImportRequestSchema,
    output: ImportResultSchema,
    long: true,
  }),
  'datasets.show': defineCall({
    summary: "A dataset's metadata, columns and validation summary.",
    input: DatasetRefSchema,
    output: DatasetDetailsSchema,
    long: false,
  }),
  'datasets.rename': defineCall({
    summary: 'Gives a dataset a new (unused) name.',
    input: z.strictObject({ dataset: DatasetRefSchema, newName: z.string().trim().min(1).max(200) }),
    output: DatasetSummarySchema,
    long: false,
  }),
  'datasets.delete': defineCall({
    summary: 'Deletes a dataset and overwrites its data in the workspace files.',
    input: z.strictObject({ dataset: DatasetRefSchema, compact: z.boolean().default(false) }),
    output: z.strictObject({ deleted: DatasetSummarySchema }),
    long: false,
  }),
  'datasets.findBySha256': defineCall({
    summary: 'Datasets imported from a file with this SHA-256 (to offer reuse before importing again).',
    input: z.strictObject({ sha256: z.string().regex(/^[0-9a-fA-F]{64}$/) }),
    output: z.strictObject({ datasets: z.array(DatasetSummarySchema) }),
    long: false,
  }),
} as const;
