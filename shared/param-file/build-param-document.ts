import type { CalibrateOutput, ValidationScheme } from '../api/calls/calibration-calls';
import type { CalibratorMethod } from '../calibration/calibrator-method';
import { isEmptyFilter, type DatasetFilter } from '../domain/dataset-filter';
import type { DatasetSummary } from '../domain/dataset-summary';
import {
  PARAM_FILE_FORMAT,
  PARAM_FILE_VERSION,
  ParamDocumentBodySchema,
  type FileValidationScheme,
  type ParamDocumentBody,
  type Provenance,
} from './param-file-schema';

/** What a calibration run was asked (the parts a parameter file records). */
export interface RunRequest {
  filter?: DatasetFilter | undefined;
  bins: number;
  binning: 'uniform' | 'quantile';
  bootstrap?: { resamples: number; seed: number; level: number } | undefined;
}

export interface BuildParamDocumentInput {
  request: RunRequest;
  output: CalibrateOutput;
  /** Which result to keep: its index in `output.results` (the raw score at index 0 cannot be kept). */
  resultIndex: number;
  /** The dataset as the workspace knows it, for provenance (hash of the source, time range). */
  dataset: DatasetSummary;
  appVersion: string;
  createdAt: Date;
}

/**
 * The body of a parameter file (everything the content hash covers) for one fitted result of a
 * `calibration.run`. Throws when that result has no parameters (the uncalibrated baseline).
 */
export function buildParamDocument(input: BuildParamDocumentInput): ParamDocumentBody {
  const { output, request, dataset } = input;
  const result = output.results[input.resultIndex];
  if (!result || result.method === 'uncalibrated' || result.params === null) {
    throw new Error(`result ${input.resultIndex} of the run holds no fitted parameters`);
  }
  const baseline = output.results.find((r) => r.method === 'uncalibrated') ?? null;
  const usage = output.usage;
  const body = {
    format: PARAM_FILE_FORMAT,
    version: PARAM_FILE_VERSION,
    method: result.method as CalibratorMethod,
    options: result.options,
    params: result.params,
    scoreInput: usage.scoreInput,
    provenance: {
      dataset: datasetProvenance(dataset),
      columns: { score: usage.scoreColumn, outcome: usage.outcomeColumn, weight: usage.weightColumn },
      filter: fileFilter(request.filter),
      validation: fileValidation(output.validation),
      rows: {
        afterFilter: usage.rowsAfterFilter,
        missing: usage.rowsMissing,
        used: usage.rowsUsed,
        train: output.rows.train,
        test: output.rows.test,
      },
    },
    validationMetrics: {
      calibrated: { diagnostic: result.test, ci: result.ci },
      uncalibrated: baseline ? { diagnostic: baseline.test, ci: baseline.ci } : null,
      bootstrap: request.bootstrap ?? null,
      bins: { count: request.bins, binning: request.binning },
    },
    app: { name: 'Scorecal' as const, version: input.appVersion },
    createdAt: input.createdAt.toISOString(),
    script: null,
  };
  // Parsing drops nothing but proves the body is a valid version-1 document before anyone hashes it.
  return ParamDocumentBodySchema.parse(body) as ParamDocumentBody;
}

/** The dataset as the workspace recorded it at import (what `provenance.dataset` holds). */
export function datasetProvenance(dataset: DatasetSummary): Provenance['dataset'] {
  return {
    name: dataset.name,
    sourceName: dataset.sourceName,
    sourceSha256: dataset.sourceSha256,
    rows: dataset.rows,
    positives: dataset.positives,
    timeMin: isoOrNull(dataset.timeMin),
    timeMax: isoOrNull(dataset.timeMax),
  };
}

/** The run's filter, or null when it kept every row. */
export function fileFilter(filter: DatasetFilter | undefined): DatasetFilter | null {
  return filter && !isEmptyFilter(filter) ? filter : null;
}

export function fileValidation(validation: ValidationScheme): FileValidationScheme {
  switch (validation.scheme) {
    case 'none':
      return { scheme: 'none' };
    case 'holdout':
      return { scheme: 'holdout', testFraction: validation.testFraction, seed: validation.seed };
    case 'kfold':
      return { scheme: 'kfold', folds: validation.folds, seed: validation.seed };
    case 'time':
      return { scheme: 'time', splitAt: new Date(validation.splitAt).toISOString() };
  }
}

/**
 * The engine's validation scheme for a file's (epoch ms instead of an ISO time); null for a
 * walk-forward, which is a call of its own (`calibration.walkForward`), not a `calibration.run` scheme.
 */
export function engineValidation(validation: FileValidationScheme): ValidationScheme | null {
  if (validation.scheme === 'walk-forward') return null;
  return validation.scheme === 'time'
    ? { scheme: 'time', splitAt: Date.parse(validation.splitAt) }
    : validation;
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}
