import { z } from 'zod';
import { SegmentedPlattParamsSchema, type SegmentedPlattParams } from '../analysis/segment-shrinkage';
import { CalibratorMethodSchema } from '../calibration/calibrator-method';
import { calibrators, type CalibrationParams } from '../calibration/registry';
import { DatasetFilterSchema } from '../domain/dataset-filter';
import { DiagnosticCiSchema, DiagnosticSchema } from '../metrics/diagnostic-schema';
import { ScoreInputSchema } from '../score-input/score-input';

/** What the `format` field of every Scorecal parameter file says. */
export const PARAM_FILE_FORMAT = 'scorecal.calibration';
/** The one version this build reads and writes (docs/parameter-file.md). */
export const PARAM_FILE_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC time (…Z)' });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits');
const count = z.number().int().nonnegative();
const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/**
 * What a file can hold: one of the calibrators, or the segmented Platt calibrator (one Platt map per
 * segment plus the global map; docs/parameter-file.md). Format 1 gained `segmented-platt` after its
 * first release; a reader that predates it refuses such a file at the schema check, never misreads it.
 */
export const ParamFileMethodSchema = z.enum([...CalibratorMethodSchema.options, 'segmented-platt']);
export type ParamFileMethod = z.infer<typeof ParamFileMethodSchema>;

/** The parameters of any method a file can hold, discriminated by `method`. */
export type ParamFileParams = CalibrationParams | SegmentedPlattParams;

/** The training window of a walk-forward: every period so far, or the last `periods` of them. */
export const FileWindowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('expanding') }),
  z.strictObject({ kind: z.literal('rolling'), periods: z.number().int().positive() }),
]);

/** How the fitted map was checked out of sample; `splitAt` as an ISO time rather than epoch ms. */
export const FileValidationSchemeSchema = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('none') }),
  z.strictObject({ scheme: z.literal('holdout'), testFraction: z.number().gt(0).lt(1), seed }),
  z.strictObject({ scheme: z.literal('kfold'), folds: z.number().int().min(2), seed }),
  z.strictObject({ scheme: z.literal('time'), splitAt: isoInstant }),
  /**
   * Walk-forward (a later addition to format 1): refitted on the window before each period and
   * measured on that period; the file keeps the map of the last window.
   */
  z.strictObject({
    scheme: z.literal('walk-forward'),
    period: z.enum(['week', 'month', 'quarter']),
    window: FileWindowSchema,
    initialPeriods: z.number().int().positive(),
  }),
]);
export type FileValidationScheme = z.infer<typeof FileValidationSchemeSchema>;

export const ProvenanceSchema = z.strictObject({
  dataset: z.strictObject({
    name: z.string().min(1),
    sourceName: z.string(),
    sourceSha256: sha256Hex,
    /** Rows and events of the whole dataset, before any filter. */
    rows: count,
    positives: count,
    timeMin: isoInstant.nullable(),
    timeMax: isoInstant.nullable(),
  }),
  columns: z.strictObject({
    score: z.string().min(1),
    outcome: z.string().min(1),
    weight: z.string().min(1).nullable(),
  }),
  /** The row filter of the run; null when every row was used. */
  filter: DatasetFilterSchema.nullable(),
  validation: FileValidationSchemeSchema,
  rows: z.strictObject({
    afterFilter: count,
    /** Left out because the score, outcome or weight was missing. */
    missing: count,
    used: count,
    /** Rows the map was fitted on and rows it was measured on (k-fold and none: every used row). */
    train: count,
    test: count,
  }),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

const MeasuredSchema = z.strictObject({
  diagnostic: DiagnosticSchema,
  /** Percentile bootstrap intervals per scalar metric; null when the run had no bootstrap. */
  ci: DiagnosticCiSchema.nullable(),
});

export const ValidationMetricsSchema = z.strictObject({
  /** Measured on the test rows (k-fold: out-of-fold predictions; none: the training rows). */
  calibrated: MeasuredSchema,
  /** The raw score on the same rows, for comparison; null when the run did not measure it. */
  uncalibrated: MeasuredSchema.nullable(),
  bootstrap: z
    .strictObject({ resamples: z.number().int().positive(), seed, level: z.number().gt(0).lt(1) })
    .nullable(),
  bins: z.strictObject({ count: z.number().int().positive(), binning: z.enum(['uniform', 'quantile']) }),
});
export type ValidationMetrics = z.infer<typeof ValidationMetricsSchema>;

/** Reserved for custom scoring scripts (issue 6): their source and the fitted parameter values. */
export const ScriptSchema = z.strictObject({
  language: z.literal('typescript'),
  source: z.string(),
  fittedValues: z.record(z.string(), z.number()),
});

export const ContentHashSchema = z.strictObject({
  algorithm: z.literal('sha256'),
  value: sha256Hex,
});

const bodyShape = {
  format: z.literal(PARAM_FILE_FORMAT),
  version: z.literal(PARAM_FILE_VERSION),
  method: ParamFileMethodSchema,
  /** The options the method was fitted with (docs/calibrators.md). */
  options: z.record(z.string(), z.unknown()),
  /** Checked against the method's own parameter schema below (checkParams). */
  params: z.custom<ParamFileParams>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    {
      message: 'must be an object',
    },
  ),
  scoreInput: ScoreInputSchema,
  provenance: ProvenanceSchema,
  validationMetrics: ValidationMetricsSchema,
  app: z.strictObject({ name: z.literal('Scorecal'), version: z.string().min(1) }),
  createdAt: isoInstant,
  script: ScriptSchema.nullable(),
};

/** The params must satisfy the schema of the method the document names (with the path kept). */
function checkParams(doc: { method: ParamFileMethod; params: unknown }, ctx: z.RefinementCtx) {
  const schema =
    doc.method === 'segmented-platt' ? SegmentedPlattParamsSchema : calibrators[doc.method].paramsSchema;
  const parsed = schema.safeParse(doc.params);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path] });
  }
}

/** A document before its hash is added: what the hash covers. */
export const ParamDocumentBodySchema = z.strictObject(bodyShape).superRefine(checkParams);

/** A complete parameter file, format version 1. */
export const ParamDocumentSchema = z
  .strictObject({ ...bodyShape, contentHash: ContentHashSchema })
  .superRefine(checkParams);

export type ParamDocumentBody = z.infer<typeof ParamDocumentBodySchema>;
export type ParamDocument = z.infer<typeof ParamDocumentSchema>;
