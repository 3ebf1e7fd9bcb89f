import {
  SegmentedInputSchema,
  WalkForwardInputSchema,
  type SegmentedInput,
  type SegmentedOutput,
  type WalkForwardInput,
  type WalkForwardOutput,
} from '../api/calls/calibration-calls';
import type { DatasetSummary } from '../domain/dataset-summary';
import { datasetProvenance, fileFilter } from './build-param-document';
import {
  PARAM_FILE_FORMAT,
  PARAM_FILE_VERSION,
  ParamDocumentBodySchema,
  type FileValidationScheme,
  type ParamDocumentBody,
} from './param-file-schema';

interface AnalysisDocumentContext {
  /** The dataset as the workspace knows it, for provenance (hash of the source, time range). */
  dataset: DatasetSummary;
  appVersion: string;
  createdAt: Date;
}

/** The file's record of a walk-forward: scheme, period, window and the first training periods. */
export function walkForwardValidation(output: WalkForwardOutput): FileValidationScheme {
  return {
    scheme: 'walk-forward',
    period: output.period,
    window:
      output.window.kind === 'rolling'
        ? { kind: 'rolling', periods: output.window.periods }
        : { kind: 'expanding' },
    initialPeriods: output.initialPeriods,
  };
}

/**
 * The body of a parameter file for a `calibration.walkForward`: the map fitted on the last window
 * (what recalibrating now would ship). Its validation metrics are the pooled "refit" ones — every
 * test period scored by the map refitted just before it — because that is the performance the
 * recalibration policy the file stands for delivered; the raw score on the same rows is the
 * baseline. `rows.train` is the last window (the kept map's training rows), `rows.test` every
 * pooled test row.
 */
export function buildWalkForwardParamDocument(
  context: AnalysisDocumentContext & { input: WalkForwardInput; output: WalkForwardOutput },
): ParamDocumentBody {
  // Parsed again for the defaults the engine applied (bins, binning, method options).
  const request = WalkForwardInputSchema.parse(context.input);
  const { output } = context;
  const last = output.steps[output.steps.length - 1];
  if (!last) throw new Error('the walk-forward has no step, so no fitted map to keep');
  if (output.latestParams.method !== request.method.method) {
    throw new Error(
      `the walk-forward holds ${output.latestParams.method} parameters, not ${request.method.method}`,
    );
  }
  const usage = output.usage;
  const body = {
    format: PARAM_FILE_FORMAT,
    version: PARAM_FILE_VERSION,
    method: output.method,
    options: request.method.options,
    params: output.latestParams,
    scoreInput: usage.scoreInput,
    provenance: {
      dataset: datasetProvenance(context.dataset),
      columns: { score: usage.scoreColumn, outcome: usage.outcomeColumn, weight: usage.weightColumn },
      filter: fileFilter(request.filter),
      validation: walkForwardValidation(output),
      rows: {
        afterFilter: usage.rowsAfterFilter,
        missing: usage.rowsMissing,
        used: usage.rowsUsed,
        train: last.trainRows,
        test: output.steps.reduce((sum, step) => sum + step.testRows, 0),
      },
    },
    validationMetrics: {
      calibrated: { diagnostic: output.pooled.refit, ci: output.pooledCi?.refit ?? null },
      uncalibrated: { diagnostic: output.pooled.uncalibrated, ci: output.pooledCi?.uncalibrated ?? null },
      bootstrap: request.bootstrap ?? null,
      bins: { count: request.bins, binning: request.binning },
    },
    app: { name: 'Scorecal' as const, version: context.appVersion },
    createdAt: context.createdAt.toISOString(),
    script: null,
  };
  return ParamDocumentBodySchema.parse(body) as ParamDocumentBody;
}

/**
 * The body of a parameter file for a `calibration.segmented`: one `segmented-platt` document with
 * the global map and every segment's shrunk map, fitted on the training rows of the stratified
 * holdout. Its validation metrics are the segmented calibrator's on the test rows, beside the raw
 * score (the global map's numbers stay in the run's output).
 */
export function buildSegmentedParamDocument(
  context: AnalysisDocumentContext & { input: SegmentedInput; output: SegmentedOutput },
): ParamDocumentBody {
  const request = SegmentedInputSchema.parse(context.input);
  const { output } = context;
  const usage = output.usage;
  const body = {
    format: PARAM_FILE_FORMAT,
    version: PARAM_FILE_VERSION,
    method: 'segmented-platt' as const,
    // What the fit was asked for, as asked: the engine's default minimum is not written in.
    options: {
      column: context.input.segmentColumn,
      ...(context.input.minEvents !== undefined ? { minEvents: context.input.minEvents } : {}),
    },
    params: output.params,
    scoreInput: usage.scoreInput,
    provenance: {
      dataset: datasetProvenance(context.dataset),
      columns: { score: usage.scoreColumn, outcome: usage.outcomeColumn, weight: usage.weightColumn },
      filter: fileFilter(request.filter),
      validation: { scheme: 'holdout' as const, testFraction: request.testFraction, seed: request.seed },
      rows: {
        afterFilter: usage.rowsAfterFilter,
        missing: usage.rowsMissing,
        used: usage.rowsUsed,
        train: output.rows.train,
        test: output.rows.test,
      },
    },
    validationMetrics: {
      calibrated: { diagnostic: output.test.segmented, ci: null },
      uncalibrated: { diagnostic: output.test.uncalibrated, ci: null },
      bootstrap: null,
      // calibration.segmented takes a bin count only; its diagnostics bin uniformly.
      bins: { count: request.bins, binning: 'uniform' as const },
    },
    app: { name: 'Scorecal' as const, version: context.appVersion },
    createdAt: context.createdAt.toISOString(),
    script: null,
  };
  return ParamDocumentBodySchema.parse(body) as ParamDocumentBody;
}
