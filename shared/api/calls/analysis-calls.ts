import { z } from 'zod';
import { RocCurveSchema, ScoreHistogramSchema } from '../../charts/chart-schemas';
import { DatasetFilterSchema } from '../../domain/dataset-filter';
import { DatasetRefSchema } from '../../domain/dataset-details';
import { DiagnosticCiSchema, DiagnosticSchema } from '../../metrics/diagnostic-schema';
import { ScoreInputSchema } from '../../score-input/score-input';
import { defineCall } from '../define-call';

/** Which rows and columns an analysis reads. Columns default to the dataset's roles. */
export const AnalysisSelectionSchema = z.strictObject({
  dataset: DatasetRefSchema,
  scoreColumn: z.string().min(1).optional(),
  /** How the score column reads as a probability; defaults to the column's recorded scale. */
  scoreInput: ScoreInputSchema.optional(),
  outcomeColumn: z.string().min(1).optional(),
  weightColumn: z.string().min(1).optional(),
  filter: DatasetFilterSchema.optional(),
});
export type AnalysisSelection = z.input<typeof AnalysisSelectionSchema>;

export const BootstrapRequestSchema = z.strictObject({
  resamples: z.number().int().min(10).max(10_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  level: z.number().gt(0).lt(1).default(0.95),
});

/** What an analysis actually used: the resolved columns and rule, and how many rows counted. */
export const AnalysisUsageSchema = z.strictObject({
  datasetId: z.number().int().positive(),
  datasetName: z.string(),
  scoreColumn: z.string(),
  scoreInput: ScoreInputSchema,
  outcomeColumn: z.string(),
  weightColumn: z.string().nullable(),
  rowsInDataset: z.number().int().nonnegative(),
  rowsAfterFilter: z.number().int().nonnegative(),
  /** Rows left out because the score or the outcome (or the weight) was missing. */
  rowsMissing: z.number().int().nonnegative(),
  rowsUsed: z.number().int().nonnegative(),
});
export type AnalysisUsage = z.infer<typeof AnalysisUsageSchema>;

export const EvaluateInputSchema = AnalysisSelectionSchema.extend({
  bins: z.number().int().min(1).max(200).default(10),
  binning: z.enum(['uniform', 'quantile']).default('uniform'),
  interval: z.enum(['wilson', 'jeffreys']).default('wilson'),
  hosmerLemeshowGroups: z.number().int().min(3).max(100).default(10),
  bootstrap: BootstrapRequestSchema.optional(),
});

export const EvaluateOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  diagnostic: DiagnosticSchema,
  /** Percentile bootstrap intervals per scalar metric; null without a bootstrap request. */
  ci: DiagnosticCiSchema.nullable(),
  roc: RocCurveSchema,
  scoreHistogram: ScoreHistogramSchema,
});
export type EvaluateOutput = z.infer<typeof EvaluateOutputSchema>;

export const analysisCalls = {
  'analysis.evaluate': defineCall({
    summary: 'The full calibration diagnostic of a score on a dataset, with optional bootstrap intervals.',
    input: EvaluateInputSchema,
    output: EvaluateOutputSchema,
    long: true,
  }),
} as const;
