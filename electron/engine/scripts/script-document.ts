import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import {
  datasetProvenance,
  fileFilter,
  fileValidation,
} from '../../../shared/param-file/build-param-document';
import {
  PARAM_FILE_FORMAT,
  PARAM_FILE_VERSION,
  ParamDocumentBodySchema,
  type ParamDocumentBody,
} from '../../../shared/param-file/param-file-schema';
import type { ScriptParams } from '../../../shared/param-file/script-params';
import type { FitReport } from '../../../shared/scripting/fit-report';
import type { MeasuredScores, MeasureRequest } from './measure-scores';
import type { ScriptRows, ScriptSelectionInput } from './script-selection';

export interface ScriptDocumentInput {
  dataset: DatasetSummary;
  selection: ScriptSelectionInput;
  rows: ScriptRows;
  /** The saved version the fit ran, as the workspace holds it (never the client's copy). */
  script: { name: string; version: number; sha256: string; source: string };
  fit: FitReport;
  /** The scenario that was summed (null: the run had none). */
  scenarioName: string | null;
  measured: { script: MeasuredScores; production: MeasuredScores | null };
  request: MeasureRequest;
  appVersion: string;
  createdAt: Date;
}

/**
 * The body of a `script` parameter file (docs/parameter-file.md): the fitted values as `params`, the
 * source and fit in `script`, the script's test diagnostic as `calibrated` and the production score's
 * on the same test rows as `uncalibrated`. `scoreInput` is how the production score was read for that
 * comparison (a probability when there is none: what the script itself returns).
 */
export function buildScriptDocument(input: ScriptDocumentInput): ParamDocumentBody {
  const { fit, rows, selection, measured } = input;
  const params: ScriptParams = {
    method: 'script',
    values: Object.fromEntries(fit.params.map((p) => [p.name, p.value])),
    standardErrors: Object.fromEntries(fit.params.map((p) => [p.name, p.standardError])),
    init: Object.fromEntries(fit.params.map((p) => [p.name, p.init])),
    bounds: Object.fromEntries(fit.params.map((p) => [p.name, { lower: p.lower, upper: p.upper }])),
  };
  const validation = fileValidation(selection.validation);
  const body = {
    format: PARAM_FILE_FORMAT,
    version: PARAM_FILE_VERSION,
    method: 'script' as const,
    options: { objective: fit.objective, optimizer: fit.requestedMethod, validation },
    params,
    scoreInput: rows.score?.scoreInput ?? { kind: 'probability' as const },
    provenance: {
      dataset: datasetProvenance(input.dataset),
      columns: {
        score: rows.score?.column.name ?? null,
        outcome: rows.outcome.name,
        weight: rows.weight?.name ?? null,
      },
      filter: fileFilter(selection.filter),
      validation,
      rows: {
        afterFilter: rows.rows.afterFilter,
        missing: rows.rows.missing,
        used: rows.rows.used,
        train: rows.rows.train,
        test: rows.rows.test,
      },
    },
    validationMetrics: {
      calibrated: { diagnostic: measured.script.diagnostic, ci: measured.script.ci },
      uncalibrated: measured.production
        ? { diagnostic: measured.production.diagnostic, ci: measured.production.ci }
        : null,
      bootstrap: input.request.bootstrap ?? null,
      bins: { count: input.request.bins, binning: input.request.binning },
    },
    app: { name: 'Scorecal' as const, version: input.appVersion },
    createdAt: input.createdAt.toISOString(),
    script: {
      language: 'typescript' as const,
      name: input.script.name,
      version: input.script.version,
      sourceSha256: input.script.sha256,
      source: input.script.source,
      fittedValues: params.values,
      standardErrors: params.standardErrors,
      standardErrorNote: fit.standardErrorNote,
      objective: fit.objective,
      scenario: input.scenarioName,
      fit: {
        status: fit.status,
        converged: fit.converged,
        message: fit.message,
        iterations: fit.iterations,
        evaluations: fit.evaluations,
        objectiveValue: fit.objectiveValue,
        method: fit.method,
        fallback: fit.fallback,
      },
    },
  };
  // Parsing proves the body is a valid version-1 document before anyone hashes it.
  return ParamDocumentBodySchema.parse(body) as ParamDocumentBody;
}
