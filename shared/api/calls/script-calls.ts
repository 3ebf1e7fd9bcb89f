import { z } from 'zod';
import { RocCurveSchema } from '../../charts/chart-schemas';
import { DiagnosticCiSchema, DiagnosticSchema } from '../../metrics/diagnostic-schema';
import { BinaryArraySchema } from '../../scripting/binary-array';
import { FitReportSchema } from '../../scripting/fit-report';
import { ScenarioReportSchema } from '../../scripting/scenario-report';
import { ScriptDataSchema, ScriptSelectionSchema } from '../../scripting/script-data';
import { defineCall } from '../define-call';
import { BootstrapRequestSchema } from './analysis-calls';
import { ModelSummarySchema } from './model-calls';

/** A saved script: by id (stable) or by its unique name. */
export const ScriptRefSchema = z.union([
  z.strictObject({ id: z.number().int().positive() }),
  z.strictObject({ name: z.string().min(1) }),
]);
export type ScriptRef = z.infer<typeof ScriptRefSchema>;

const scriptName = z.string().trim().min(1).max(200);
/** 1 MB of source is far beyond any scoring formula and keeps a hostile save from bloating the workspace. */
const scriptSource = z.string().max(1_000_000);

export const ScriptSummarySchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** How many versions the history holds; the latest is `latestVersion`. */
  versions: z.number().int().positive(),
  latestVersion: z.number().int().positive(),
});
export type ScriptSummary = z.infer<typeof ScriptSummarySchema>;

/** One saved version of a script (versions count from 1 per script and are never rewritten). */
export const ScriptVersionSchema = z.strictObject({
  version: z.number().int().positive(),
  savedAt: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  source: z.string(),
});
export type ScriptVersion = z.infer<typeof ScriptVersionSchema>;

export const ScriptVersionInfoSchema = ScriptVersionSchema.omit({ source: true });

/** The test-split measurements of a script run, beside the dataset's production score on the same rows. */
export const ScriptRunResultSchema = z.strictObject({
  model: ModelSummarySchema,
  test: z.strictObject({
    rows: z.number().int().nonnegative(),
    script: z.strictObject({
      diagnostic: DiagnosticSchema,
      ci: DiagnosticCiSchema.nullable(),
      roc: RocCurveSchema,
    }),
    /** null when the dataset has no production score column (or it is missing on every test row). */
    production: z
      .strictObject({
        column: z.string(),
        diagnostic: DiagnosticSchema,
        ci: DiagnosticCiSchema.nullable(),
        roc: RocCurveSchema,
      })
      .nullable(),
  }),
  scenario: ScenarioReportSchema.nullable(),
});
export type ScriptRunResult = z.infer<typeof ScriptRunResultSchema>;

export const scriptCalls = {
  'scripts.list': defineCall({
    summary: 'Every saved scoring script, most recently changed first.',
    input: z.strictObject({}),
    output: z.strictObject({ scripts: z.array(ScriptSummarySchema) }),
    long: false,
  }),
  'scripts.get': defineCall({
    summary: 'A script with the source of one version (default: the latest).',
    input: z.strictObject({ script: ScriptRefSchema, version: z.number().int().positive().optional() }),
    output: z.strictObject({ summary: ScriptSummarySchema, version: ScriptVersionSchema }),
    long: false,
  }),
  'scripts.save': defineCall({
    summary:
      'Saves a script: a new script by name, or a new version of an existing one (an unchanged source adds no version).',
    input: z.union([
      z.strictObject({ name: scriptName, source: scriptSource }),
      z.strictObject({ script: ScriptRefSchema, source: scriptSource }),
    ]),
    output: z.strictObject({
      summary: ScriptSummarySchema,
      version: ScriptVersionSchema,
      /** false when the source equalled the latest version and nothing was added. */
      created: z.boolean(),
    }),
    long: false,
  }),
  'scripts.history': defineCall({
    summary: "A script's versions, newest first (without their sources).",
    input: z.strictObject({ script: ScriptRefSchema }),
    output: z.strictObject({ summary: ScriptSummarySchema, versions: z.array(ScriptVersionInfoSchema) }),
    long: false,
  }),
  'scripts.rename': defineCall({
    summary: 'Gives a script a new (unused) name.',
    input: z.strictObject({ script: ScriptRefSchema, newName: scriptName }),
    output: ScriptSummarySchema,
    long: false,
  }),
  'scripts.delete': defineCall({
    summary: 'Deletes a script and its history (models fitted with it keep their copy of the source).',
    input: z.strictObject({ script: ScriptRefSchema }),
    output: z.strictObject({ deleted: ScriptSummarySchema }),
    long: false,
  }),
  'scripts.data': defineCall({
    summary:
      'The rows a script is fitted on and tested with: the selected columns of every used row, the outcome, weights and the split.',
    input: ScriptSelectionSchema,
    output: ScriptDataSchema,
    long: true,
  }),
  'scripts.saveRun': defineCall({
    summary:
      'Measures a fitted script on the test rows beside the production score, sums its scenario, and keeps the run as a model.',
    input: z.strictObject({
      script: ScriptRefSchema,
      version: z.number().int().positive(),
      selection: ScriptSelectionSchema,
      fit: FitReportSchema,
      /** The script's probability for every test row, in dataset order. */
      testScores: BinaryArraySchema,
      /** Every used row scored as it is and as the scenario transformed it; null without a scenario. */
      scenario: z.strictObject({ baseline: BinaryArraySchema, stressed: BinaryArraySchema }).nullable(),
      /** Model name; default "<script> v<version> on <dataset>" made unique. */
      name: scriptName.optional(),
      bins: z.number().int().min(1).max(200).default(10),
      binning: z.enum(['uniform', 'quantile']).default('uniform'),
      bootstrap: BootstrapRequestSchema.optional(),
    }),
    output: ScriptRunResultSchema,
    long: true,
  }),
} as const;
