import { z } from 'zod';
import { CalibratorMethodSchema } from '../../calibration/calibrator-method';
import { CalibrationParamsSchema } from '../../calibration/registry';
import { SegmentedPlattParamsSchema } from '../../analysis/segment-shrinkage';
import { DiagnosticCiSchema, DiagnosticSchema } from '../../metrics/diagnostic-schema';
import { defineCall } from '../define-call';
import {
  AnalysisSelectionSchema,
  AnalysisUsageSchema,
  BootstrapRequestSchema,
  CalibrationSummarySchema,
} from './analysis-calls';

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/** How fitted maps are checked out of sample. `none` fits and measures on the same rows. */
export const ValidationSchemeSchema = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('none') }),
  z.strictObject({
    scheme: z.literal('holdout'),
    testFraction: z.number().min(0.05).max(0.95).default(0.3),
    seed: seed.default(1),
  }),
  z.strictObject({
    scheme: z.literal('kfold'),
    folds: z.number().int().min(2).max(20).default(5),
    seed: seed.default(1),
  }),
  /** Out of time: train before `splitAt` (epoch ms, UTC), test from it on. */
  z.strictObject({ scheme: z.literal('time'), splitAt: z.number() }),
]);
export type ValidationScheme = z.infer<typeof ValidationSchemeSchema>;

export const CalibratorRequestSchema = z.strictObject({
  method: CalibratorMethodSchema,
  /** The method's own options (docs/calibrators.md); checked by the calibrator. */
  options: z.record(z.string(), z.unknown()).default({}),
});

export const CalibrateInputSchema = AnalysisSelectionSchema.extend({
  methods: z.array(CalibratorRequestSchema).min(1).max(16),
  validation: ValidationSchemeSchema.default({ scheme: 'holdout', testFraction: 0.3, seed: 1 }),
  bins: z.number().int().min(1).max(200).default(10),
  binning: z.enum(['uniform', 'quantile']).default('uniform'),
  bootstrap: BootstrapRequestSchema.optional(),
});
export type CalibrateInput = z.input<typeof CalibrateInputSchema>;

export const MethodResultSchema = z.strictObject({
  /** `uncalibrated` is the score as it is, measured on the same test rows. */
  method: z.union([CalibratorMethodSchema, z.literal('uncalibrated')]),
  options: z.record(z.string(), z.unknown()),
  /** Fitted on all training rows (k-fold: on every row, after the out-of-fold check). */
  params: CalibrationParamsSchema.nullable(),
  test: DiagnosticSchema,
  ci: DiagnosticCiSchema.nullable(),
  fitSeconds: z.number().nonnegative(),
});
export type MethodResult = z.infer<typeof MethodResultSchema>;

export const CalibrateOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  validation: ValidationSchemeSchema,
  rows: z.strictObject({ train: z.number().int().nonnegative(), test: z.number().int().nonnegative() }),
  results: z.array(MethodResultSchema),
});
export type CalibrateOutput = z.infer<typeof CalibrateOutputSchema>;

export const WindowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('expanding') }),
  z.strictObject({ kind: z.literal('rolling'), periods: z.number().int().min(1).max(520) }),
]);
export type Window = z.infer<typeof WindowSchema>;

export const WalkForwardInputSchema = AnalysisSelectionSchema.extend({
  method: CalibratorRequestSchema,
  period: z.enum(['week', 'month', 'quarter']).default('month'),
  window: WindowSchema.default({ kind: 'expanding' }),
  /** Periods in the first training window; the first test period follows them. */
  initialPeriods: z.number().int().min(1).max(520).default(3),
  bins: z.number().int().min(1).max(200).default(10),
  binning: z.enum(['uniform', 'quantile']).default('uniform'),
  bootstrap: BootstrapRequestSchema.optional(),
});
export type WalkForwardInput = z.input<typeof WalkForwardInputSchema>;

export const WalkForwardStepSchema = z.strictObject({
  label: z.string(),
  from: z.number(),
  to: z.number(),
  trainRows: z.number().int().nonnegative(),
  testRows: z.number().int().nonnegative(),
  /** The score as it is. */
  uncalibrated: CalibrationSummarySchema,
  /** Fitted once on the first window and never again. */
  static: CalibrationSummarySchema,
  /** Refitted on the window before each period. */
  refit: CalibrationSummarySchema,
});

const StrategiesSchema = <T extends z.ZodType>(schema: T) =>
  z.strictObject({ uncalibrated: schema, static: schema, refit: schema });

export const WalkForwardOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  method: CalibratorMethodSchema,
  period: z.enum(['week', 'month', 'quarter']),
  window: WindowSchema,
  initialPeriods: z.number().int(),
  steps: z.array(WalkForwardStepSchema),
  /** Every test period pooled, per strategy. */
  pooled: StrategiesSchema(DiagnosticSchema),
  pooledCi: StrategiesSchema(DiagnosticCiSchema).nullable(),
  /** The map fitted on the last window: what recalibrating now would ship. */
  latestParams: CalibrationParamsSchema,
});
export type WalkForwardOutput = z.infer<typeof WalkForwardOutputSchema>;

export const SegmentedInputSchema = AnalysisSelectionSchema.extend({
  segmentColumn: z.string().min(1),
  /** Segments with fewer events (or non-events) than this keep the global map. */
  minEvents: z.number().int().min(1).max(1_000_000).default(30),
  testFraction: z.number().min(0.05).max(0.95).default(0.3),
  seed: seed.default(1),
  bins: z.number().int().min(1).max(200).default(10),
});
export type SegmentedInput = z.input<typeof SegmentedInputSchema>;

export const SegmentResultSchema = z.strictObject({
  label: z.string(),
  trainRows: z.number().int().nonnegative(),
  trainEvents: z.number().nonnegative(),
  map: z.enum(['own', 'global']),
  raw: z
    .strictObject({ intercept: z.number(), slope: z.number(), interceptSe: z.number(), slopeSe: z.number() })
    .nullable(),
  /** λ of each coefficient: 0 keeps the global value, 1 the segment's own estimate. */
  shrinkage: z.strictObject({ intercept: z.number(), slope: z.number() }).nullable(),
  intercept: z.number(),
  slope: z.number(),
  /** Out of sample, on the segment's test rows. */
  testGlobal: CalibrationSummarySchema,
  testSegmented: CalibrationSummarySchema,
});

export const SegmentedOutputSchema = z.strictObject({
  usage: AnalysisUsageSchema,
  rows: z.strictObject({ train: z.number().int().nonnegative(), test: z.number().int().nonnegative() }),
  tau2: z.strictObject({ intercept: z.number().nonnegative(), slope: z.number().nonnegative() }),
  segments: z.array(SegmentResultSchema),
  test: z.strictObject({
    uncalibrated: DiagnosticSchema,
    global: DiagnosticSchema,
    segmented: DiagnosticSchema,
  }),
  /** The segmented calibrator, fitted on the training rows, as one parameter set. */
  params: SegmentedPlattParamsSchema,
});
export type SegmentedOutput = z.infer<typeof SegmentedOutputSchema>;

export const calibrationCalls = {
  'calibration.run': defineCall({
    summary:
      'Fits calibration maps on the training rows and measures each on the test rows, beside the raw score.',
    input: CalibrateInputSchema,
    output: CalibrateOutputSchema,
    long: true,
  }),
  'calibration.walkForward': defineCall({
    summary: 'Walk-forward recalibration by period: never recalibrating versus refitting every period.',
    input: WalkForwardInputSchema,
    output: WalkForwardOutputSchema,
    long: true,
  }),
  'calibration.segmented': defineCall({
    summary:
      'Per-segment Platt maps shrunk toward the global map, compared with the global map out of sample.',
    input: SegmentedInputSchema,
    output: SegmentedOutputSchema,
    long: true,
  }),
} as const;
