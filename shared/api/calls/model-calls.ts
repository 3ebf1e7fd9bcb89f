import { z } from 'zod';
import { CalibratorMethodSchema } from '../../calibration/calibrator-method';
import { RocCurveSchema } from '../../charts/chart-schemas';
import { DatasetFilterSchema } from '../../domain/dataset-filter';
import { DatasetRefSchema } from '../../domain/dataset-details';
import { DiagnosticSchema } from '../../metrics/diagnostic-schema';
import {
  FileValidationSchemeSchema,
  ParamDocumentSchema,
  ParamFileMethodSchema,
} from '../../param-file/param-file-schema';
import { defineCall } from '../define-call';
import { CalibrateInputSchema, CalibrateOutputSchema } from './calibration-calls';

/** A saved model: by id (stable) or by its unique name. */
export const ModelRefSchema = z.union([
  z.strictObject({ id: z.number().int().positive() }),
  z.strictObject({ name: z.string().min(1) }),
]);
export type ModelRef = z.infer<typeof ModelRefSchema>;

const modelName = z.string().trim().min(1).max(200);
const filePath = z.string().min(1);

/**
 * A finished `calibration.run`: what was asked and what came back. Saving re-checks the answer
 * against its schema and takes provenance (source hash, time range) from the workspace, so a
 * client cannot make a model claim data it was not fitted on.
 */
export const CalibrationRunSchema = z.strictObject({
  input: CalibrateInputSchema,
  output: CalibrateOutputSchema,
});

/** Which fitted result of the run: the first of `method`, or the one at `resultIndex` in `output.results`. */
const runSelection = {
  run: CalibrationRunSchema,
  method: CalibratorMethodSchema,
  resultIndex: z.number().int().nonnegative().optional(),
};

/** The headline numbers of a model's test diagnostic (the full one is in the document). */
export const ModelHeadlineSchema = z.strictObject({
  n: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  brier: z.number().nullable(),
  logLoss: z.number().nullable(),
  ece: z.number().nullable(),
  auc: z.number().nullable(),
  oeRatio: z.number().nullable(),
  slope: z.number().nullable(),
});

/**
 * What a saved model is: a calibrator, or a custom scoring script fitted in the workbench's sandbox
 * (`scripts.saveRun`; its formula is the script's source in the document, which only the sandbox runs).
 */
export const ModelMethodSchema = z.enum([...CalibratorMethodSchema.options, 'script']);
export type ModelMethod = z.infer<typeof ModelMethodSchema>;

/** One row of the model history. */
export const ModelSummarySchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  /** Epoch milliseconds (UTC) when the model was saved. */
  createdAt: z.number(),
  method: ModelMethodSchema,
  options: z.record(z.string(), z.unknown()),
  /** The workspace dataset it was fitted on; null once that dataset is deleted (or for an imported file). */
  datasetId: z.number().int().positive().nullable(),
  datasetName: z.string(),
  datasetSha256: z.string(),
  /** The score column of the map; for a script, the production score it was compared with (null: none). */
  scoreColumn: z.string().nullable(),
  outcomeColumn: z.string(),
  filter: DatasetFilterSchema.nullable(),
  validation: FileValidationSchemeSchema,
  metrics: ModelHeadlineSchema,
  /** Whether the test metrics carry bootstrap intervals. */
  hasIntervals: z.boolean(),
  contentHash: z.string(),
  /** 'run' when saved from a calibration or script run, 'file' when imported from a parameter file. */
  origin: z.enum(['run', 'file']),
});
export type ModelSummary = z.infer<typeof ModelSummarySchema>;

export const ModelDetailsSchema = z.strictObject({
  summary: ModelSummarySchema,
  /** The parameter file of the model, exactly as `models.exportParams` writes it. */
  document: ParamDocumentSchema,
  /** The calibration request it came from; null for a model imported from a file. */
  request: z.record(z.string(), z.unknown()).nullable(),
});
export type ModelDetails = z.infer<typeof ModelDetailsSchema>;

export const ParamFileCheckSchema = z.enum(['json', 'format', 'version', 'schema', 'hash']);

export const VerifyParamsOutputSchema = z.strictObject({
  ok: z.boolean(),
  passed: z.array(ParamFileCheckSchema),
  failedCheck: ParamFileCheckSchema.nullable(),
  message: z.string().nullable(),
  document: ParamDocumentSchema.nullable(),
});
export type VerifyParamsOutput = z.infer<typeof VerifyParamsOutputSchema>;

export const WrittenParamsSchema = z.strictObject({
  path: z.string(),
  bytes: z.number().int().positive(),
  contentHash: z.string(),
});

/** A saved model or a parameter file on disk. */
export const ParamsSourceSchema = z.union([
  z.strictObject({ model: ModelRefSchema }),
  z.strictObject({ paramsPath: filePath }),
]);
export type ParamsSource = z.infer<typeof ParamsSourceSchema>;

export const TrafficLightSchema = z.enum(['green', 'yellow', 'red']);

/** One drift check of new data against what the parameter file recorded at training time. */
export const DriftCheckSchema = z.strictObject({
  id: z.enum(['calibration-in-the-large', 'ece', 'auc']),
  label: z.string(),
  /** On the new data. */
  value: z.number().nullable(),
  /** What it is compared with (training value or interval end). */
  reference: z.number().nullable(),
  light: TrafficLightSchema.nullable(),
  explanation: z.string(),
});
export type DriftCheck = z.infer<typeof DriftCheckSchema>;

export const MonitoringSchema = z.strictObject({
  /** The calibrated probability measured on the new rows that have an outcome. */
  diagnostic: DiagnosticSchema,
  roc: RocCurveSchema,
  /** The test diagnostic recorded in the file. */
  training: DiagnosticSchema,
  checks: z.array(DriftCheckSchema),
  /** The worst light of the checks (null when none could be decided). */
  light: TrafficLightSchema.nullable(),
});
export type Monitoring = z.infer<typeof MonitoringSchema>;

export const ApplyInputSchema = z.strictObject({
  source: ParamsSourceSchema,
  dataset: DatasetRefSchema,
  /** Score column of the dataset; defaults to the column named in the file's provenance. */
  scoreColumn: z.string().min(1).optional(),
  /** Outcome column for monitoring; defaults to the file's, else the dataset's outcome role; none: no monitoring. */
  outcomeColumn: z.string().min(1).optional(),
  filter: DatasetFilterSchema.optional(),
  /** Scored CSV of every (filtered) row with the calibrated column appended; left out: monitoring only. */
  outPath: filePath.optional(),
  column: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\r\n",]+$/, 'a column name cannot hold commas, quotes or line breaks')
    .default('calibrated'),
});

export const ApplyOutputSchema = z.strictObject({
  /** A calibrator, or `segmented-platt` (a file that picks a Platt map per segment). */
  method: ParamFileMethodSchema,
  datasetName: z.string(),
  scoreColumn: z.string(),
  outcomeColumn: z.string().nullable(),
  rows: z.strictObject({
    inDataset: z.number().int().nonnegative(),
    afterFilter: z.number().int().nonnegative(),
    scored: z.number().int().nonnegative(),
    /** Rows whose score is missing: written with an empty calibrated cell. */
    missingScore: z.number().int().nonnegative(),
    monitored: z.number().int().nonnegative(),
  }),
  /** The scored CSV and the columns added to it; null without outPath. */
  output: z.strictObject({ path: z.string(), columns: z.array(z.string()), bytes: z.number() }).nullable(),
  monitoring: MonitoringSchema.nullable(),
});
export type ApplyOutput = z.infer<typeof ApplyOutputSchema>;

export const modelCalls = {
  'models.save': defineCall({
    summary: 'Keeps one fitted result of a calibration run as a named model.',
    input: z.strictObject({ name: modelName, ...runSelection }),
    output: ModelSummarySchema,
    long: false,
  }),
  'models.list': defineCall({
    summary: 'Every saved model, newest first: dataset, filter, method, options, metrics, time.',
    input: z.strictObject({}),
    output: z.strictObject({ models: z.array(ModelSummarySchema) }),
    long: false,
  }),
  'models.get': defineCall({
    summary: "A saved model's summary, parameter document and originating request.",
    input: ModelRefSchema,
    output: ModelDetailsSchema,
    long: false,
  }),
  'models.rename': defineCall({
    summary: 'Gives a model a new (unused) name.',
    input: z.strictObject({ model: ModelRefSchema, newName: modelName }),
    output: ModelSummarySchema,
    long: false,
  }),
  'models.delete': defineCall({
    summary: 'Deletes a saved model (its dataset is not touched).',
    input: z.strictObject({ model: ModelRefSchema }),
    output: z.strictObject({ deleted: ModelSummarySchema }),
    long: false,
  }),
  'models.exportParams': defineCall({
    summary: "Writes a model's parameter file atomically.",
    input: z.strictObject({ model: ModelRefSchema, path: filePath }),
    output: WrittenParamsSchema,
    long: false,
  }),
  'models.writeRunParams': defineCall({
    summary: 'Writes the parameter file of one result of a calibration run without saving a model.',
    input: z.strictObject({ ...runSelection, path: filePath }),
    output: WrittenParamsSchema.extend({ document: ParamDocumentSchema }),
    long: false,
  }),
  'models.verifyParams': defineCall({
    summary:
      'Checks a parameter file (JSON, format, version, schema, content hash) and says which check failed.',
    input: z.strictObject({ path: filePath }),
    output: VerifyParamsOutputSchema,
    long: false,
  }),
  'models.importParams': defineCall({
    summary: 'Reads a verified parameter file; with saveAs, keeps it as a named model.',
    input: z.strictObject({ path: filePath, saveAs: modelName.optional() }),
    output: z.strictObject({ document: ParamDocumentSchema, model: ModelSummarySchema.nullable() }),
    long: false,
  }),
  'models.apply': defineCall({
    summary:
      'Scores a dataset with a model or parameter file (calibrated probability, Venn-ABERS interval) and monitors calibration drift.',
    input: ApplyInputSchema,
    output: ApplyOutputSchema,
    long: true,
  }),
  'models.report': defineCall({
    summary: 'Writes a self-contained offline HTML report of one model or a comparison of several.',
    input: z.strictObject({
      sources: z.array(ParamsSourceSchema).min(1).max(8),
      path: filePath,
      title: z.string().trim().min(1).max(200).optional(),
    }),
    output: z.strictObject({
      path: z.string(),
      bytes: z.number().int().positive(),
      charts: z.array(z.string()),
      /** Per source: whether its dataset was found in the workspace (for segment and time tables). */
      datasetsFound: z.array(z.boolean()),
    }),
    long: true,
  }),
} as const;
