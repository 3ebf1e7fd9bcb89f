import { z } from 'zod';
import { SegmentedPlattParamsSchema, type SegmentedPlattParams } from '../analysis/segment-shrinkage';
import { CalibratorMethodSchema } from '../calibration/calibrator-method';
import { calibrators, type CalibrationParams } from '../calibration/registry';
import { DatasetFilterSchema } from '../domain/dataset-filter';
import { DiagnosticCiSchema, DiagnosticSchema } from '../metrics/diagnostic-schema';
import { ScoreInputSchema } from '../score-input/score-input';
import { ScriptObjectiveSchema } from '../scripting/fit-report';
import { ScriptParamsSchema, type ScriptParams } from './script-params';

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
 * What a file can hold: one of the calibrators, the segmented Platt calibrator (one Platt map per
 * segment plus the global map), or a custom scoring script (its source and fitted values;
 * docs/parameter-file.md). Format 1 gained `segmented-platt` and `script` after its first release; a
 * reader that predates them refuses such a file at the schema check, never misreads it.
 */
export const ParamFileMethodSchema = z.enum([...CalibratorMethodSchema.options, 'segmented-platt', 'script']);
export type ParamFileMethod = z.infer<typeof ParamFileMethodSchema>;

/** The parameters of any method a file can hold, discriminated by `method`. */
export type ParamFileParams = CalibrationParams | SegmentedPlattParams | ScriptParams;

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
    /**
     * The score column the map reads. A `script` file names the production score it was compared
     * with, or null when the dataset had none (only a script file may say null: a map needs a score).
     */
    score: z.string().min(1).nullable(),
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

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be an identifier');

/**
 * A custom scoring script (issue 6; method `script`): the exact source that was fitted, which saved
 * version of which script it was, the fitted values and how the fit went. Files of every other
 * method hold null. The source is the formula: only the workbench's sandbox runs it, so a production
 * engine that reads this file must port the formula, with `fittedValues` as its constants.
 */
export const ScriptSchema = z.strictObject({
  language: z.literal('typescript'),
  /** The script's name in the workspace it was saved in, and the version of its history. */
  name: z.string().min(1),
  version: z.number().int().positive(),
  /** SHA-256 of the UTF-8 bytes of `source` (checked with the content hash). */
  sourceSha256: sha256Hex,
  source: z.string(),
  fittedValues: z.record(identifier, z.number().finite()),
  standardErrors: z.record(identifier, z.number().finite().nonnegative().nullable()),
  /** Why standard errors are missing; null when every one is present. */
  standardErrorNote: z.string().nullable(),
  objective: ScriptObjectiveSchema,
  /** The name of the script's stress scenario; null when it has none. */
  scenario: z.string().nullable(),
  /** How the optimiser ended (docs/optimizer.md). */
  fit: z.strictObject({
    status: z.string(),
    converged: z.boolean(),
    message: z.string(),
    iterations: count,
    evaluations: count,
    /** Mean objective per training row at the optimum (weighted mean with weights). */
    objectiveValue: z.number().finite(),
    method: z.enum(['lbfgsb', 'nelder-mead']),
    /** The first optimiser's end when 'auto' fell back to Nelder–Mead; null otherwise. */
    fallback: z
      .strictObject({ status: z.string(), message: z.string(), iterations: z.number().int() })
      .nullable(),
  }),
});
export type ScriptRecord = z.infer<typeof ScriptSchema>;

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
    doc.method === 'segmented-platt'
      ? SegmentedPlattParamsSchema
      : doc.method === 'script'
        ? ScriptParamsSchema
        : calibrators[doc.method].paramsSchema;
  const parsed = schema.safeParse(doc.params);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path] });
  }
}

/**
 * A script file carries its script (and only a script file does), its fitted values are the params',
 * and only it may lack a score column (a map reads one; a script reads whatever columns it names).
 */
function checkScript(
  doc: {
    method: ParamFileMethod;
    params: unknown;
    script: ScriptRecord | null;
    provenance: { columns: { score: string | null } };
  },
  ctx: z.RefinementCtx,
) {
  if (doc.method !== 'script') {
    if (doc.script !== null) {
      ctx.addIssue({ code: 'custom', message: `a ${doc.method} file holds no script`, path: ['script'] });
    }
    if (doc.provenance.columns.score === null) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${doc.method} file must name its score column`,
        path: ['provenance', 'columns', 'score'],
      });
    }
    return;
  }
  if (doc.script === null) {
    ctx.addIssue({ code: 'custom', message: 'a script file must hold its script', path: ['script'] });
    return;
  }
  const values = (doc.params as Partial<ScriptParams>).values;
  if (values && canonicalRecord(values) !== canonicalRecord(doc.script.fittedValues)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must equal params.values',
      path: ['script', 'fittedValues'],
    });
  }
}

function canonicalRecord(record: Record<string, number>): string {
  return JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function checkDocument(doc: Parameters<typeof checkScript>[0], ctx: z.RefinementCtx) {
  checkParams(doc, ctx);
  checkScript(doc, ctx);
}

/** A document before its hash is added: what the hash covers. */
export const ParamDocumentBodySchema = z.strictObject(bodyShape).superRefine(checkDocument);

/** A complete parameter file, format version 1. */
export const ParamDocumentSchema = z
  .strictObject({ ...bodyShape, contentHash: ContentHashSchema })
  .superRefine(checkDocument);

export type ParamDocumentBody = z.infer<typeof ParamDocumentBodySchema>;
export type ParamDocument = z.infer<typeof ParamDocumentSchema>;
