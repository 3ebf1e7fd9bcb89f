import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import type { CalibrationRunSchema } from '../../../shared/api/calls/model-calls';
import type { CalibratorMethod } from '../../../shared/calibration/calibrator-method';
import { buildParamDocument } from '../../../shared/param-file/build-param-document';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { appVersion } from '../app-version';
import { resolveDataset } from '../store/find-dataset';
import { sealParamDocument } from '../param-file/param-file-io';

type CalibrationRun = z.output<typeof CalibrationRunSchema>;

/**
 * The sealed parameter document of one result of a calibration run. Provenance comes from the
 * workspace's own record of the dataset (source SHA-256, rows, time range), and the run must name
 * that dataset consistently, so a document cannot claim data the workspace does not hold.
 */
export function documentFromRun(
  db: Database.Database,
  run: CalibrationRun,
  method: CalibratorMethod,
  resultIndex: number | undefined,
  now: Date,
): { document: ParamDocument; datasetId: number } {
  const { output, input } = run;
  const index =
    resultIndex ?? output.results.findIndex((result) => result.method === method && result.params !== null);
  const result = output.results[index];
  if (!result || result.method !== method || result.params === null) {
    throw new ApiError(
      'invalid-input',
      resultIndex === undefined
        ? `The calibration run has no fitted ${method} result.`
        : `Result ${resultIndex} of the calibration run is not a fitted ${method} result.`,
    );
  }
  if (result.params.method !== method) {
    throw new ApiError(
      'invalid-input',
      `Result ${index} holds ${result.params.method} parameters, not ${method}.`,
    );
  }
  const dataset = resolveDataset(db, { id: output.usage.datasetId });
  if (dataset.name !== output.usage.datasetName) {
    throw new ApiError(
      'conflict',
      `The run was on dataset "${output.usage.datasetName}", but dataset ${dataset.id} is now "${dataset.name}"; run the calibration again.`,
    );
  }
  const body = buildParamDocument({
    request: {
      filter: input.filter,
      bins: input.bins,
      binning: input.binning,
      bootstrap: input.bootstrap,
    },
    output,
    resultIndex: index,
    dataset,
    appVersion,
    createdAt: now,
  });
  return { document: sealParamDocument(body), datasetId: dataset.id };
}
