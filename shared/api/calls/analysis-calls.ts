import { z } from 'zod';
import { RocCurveSchema, ScoreHistogramSchema } from '../../charts/chart-schemas';
import { DatasetFilterSchema } from '../../domain/dataset-filter';
import { DatasetRefSchema } from '../../domain/dataset-details';
import { DiagnosticCiSchema, DiagnosticSchema, ReliabilityBinSchema } from '../../metrics/diagnostic-schema';
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
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
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

export const GroupingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('segment'), column: z.string().min(1) }),
  z.strictObject({ kind: z.literal('period'), period: z.enum(['week', 'month', 'quarter']) }),
  z.strictObject({
    kind: z.literal('quantiles'),
    column: z.string().min(1),
    groups: z.number().int().min(2).max(50),
  }),
]);
export type Grouping = z.infer<typeof GroupingSchema>;

export const CalibrationSummarySchema = z.strictObject({
  n: z.number().int().nonnegative(),
  positives: z.number().nonnegative(),
  observedRate: z.number().nullable(),
  meanPredicted: z.number().nullable(),
  oeRatio: z.number().nullable(),
  brier: z.number().nullable(),
  logLoss: z.number().nullable(),
  ece: z.number().nullable(),
  jeffreysP: z.number().nullable(),
  light: z.enum(['green', 'yellow', 'red']).nullable(),
});

export const GroupCalibrationSchema = CalibrationSummarySchema.extend({
  key: z.string(),
  label: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
});
export type GroupCalibrationJson = z.infer<typeof GroupCalibrationSchema>;

export const GroupsInputSchema = AnalysisSelectionSchema.extend({ by: GroupingSchema });
export const GroupsOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  by: GroupingSchema,
  groups: z.array(GroupCalibrationSchema),
});
export type GroupsOutput = z.infer<typeof GroupsOutputSchema>;

/** Alert thresholds of drift monitoring; settings the analyst may change. */
export const DriftThresholdsSchema = z.strictObject({
  /** PSI at or above: watch (amber). Siddiqi's rule of thumb: 0.1. */
  psiWarning: z.number().positive().default(0.1),
  /** PSI at or above: act (red). Siddiqi's rule of thumb: 0.25. */
  psiAlert: z.number().positive().default(0.25),
  /** Hosmer-Lemeshow p below this flags a period. */
  hosmerLemeshowP: z.number().gt(0).lt(1).default(0.01),
  /** |O/E - 1| above this flags a period. */
  oeTolerance: z.number().positive().default(0.2),
});
export type DriftThresholds = z.infer<typeof DriftThresholdsSchema>;

export const DriftInputSchema = AnalysisSelectionSchema.extend({
  period: z.enum(['week', 'month', 'quarter']).default('month'),
  /** The periods whose score distribution is the PSI baseline: the first N periods. */
  referencePeriods: z.number().int().min(1).max(520).default(3),
  hosmerLemeshowGroups: z.number().int().min(3).max(100).default(10),
  thresholds: DriftThresholdsSchema.default({
    psiWarning: 0.1,
    psiAlert: 0.25,
    hosmerLemeshowP: 0.01,
    oeTolerance: 0.2,
  }),
});

export const DriftPeriodSchema = GroupCalibrationSchema.extend({
  hosmerLemeshow: z.strictObject({
    statistic: z.number().nullable(),
    df: z.number().int(),
    p: z.number().nullable(),
  }),
  psi: z.number().nonnegative(),
  psiLight: z.enum(['green', 'yellow', 'red']),
  /** Plain-language reasons this period is flagged; empty when it is not. */
  alerts: z.array(z.string()),
});

export const DriftOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  period: z.enum(['week', 'month', 'quarter']),
  referencePeriods: z.number().int(),
  thresholds: DriftThresholdsSchema,
  periods: z.array(DriftPeriodSchema),
});
export type DriftOutput = z.infer<typeof DriftOutputSchema>;

export const ReliabilityInputSchema = AnalysisSelectionSchema.extend({
  bins: z.number().int().min(1).max(200).default(10),
  binning: z.enum(['uniform', 'quantile']).default('uniform'),
  interval: z.enum(['wilson', 'jeffreys']).default('wilson'),
});

export const ReliabilityOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  reliability: z.array(ReliabilityBinSchema),
  /** The bin-dependent metrics, for these bins. */
  ece: z.number().nullable(),
  mce: z.number().nullable(),
});
export type ReliabilityOutput = z.infer<typeof ReliabilityOutputSchema>;

export const analysisCalls = {
  'analysis.evaluate': defineCall({
    summary: 'The full calibration diagnostic of a score on a dataset, with optional bootstrap intervals.',
    input: EvaluateInputSchema,
    output: EvaluateOutputSchema,
    long: true,
  }),
  'analysis.reliability': defineCall({
    summary: 'Only the reliability bins (and ECE, MCE) for other bin settings: the fast redraw of a diagram.',
    input: ReliabilityInputSchema,
    output: ReliabilityOutputSchema,
    long: false,
  }),
  'analysis.groups': defineCall({
    summary: 'Calibration per segment, per time period or per quantile group of a numeric column.',
    input: GroupsInputSchema,
    output: GroupsOutputSchema,
    long: true,
  }),
  'analysis.drift': defineCall({
    summary:
      'Calibration drift per period: O/E, ECE, Hosmer-Lemeshow, Jeffreys light and score PSI against a reference.',
    input: DriftInputSchema,
    output: DriftOutputSchema,
    long: true,
  }),
} as const;
