import type {
  SegmentedInput,
  SegmentedOutput,
  WalkForwardInput,
  WalkForwardOutput,
} from '../../../shared/api/calls/calibration-calls';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import {
  buildSegmentedParamDocument,
  buildWalkForwardParamDocument,
} from '../../../shared/param-file/build-analysis-documents';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { appVersion } from '../app-version';
import { sealParamDocument } from '../param-file/param-file-io';

/**
 * Sealed parameter documents of a walk-forward and of a segmented calibration. They take the
 * dataset's summary (from `datasets.show`) rather than the workspace, so a host that ran the call
 * can write the file without another API call; the summary must be the dataset the run used.
 */
export function documentFromWalkForward(
  dataset: DatasetSummary,
  input: WalkForwardInput,
  output: WalkForwardOutput,
  now: Date,
): ParamDocument {
  requireSameDataset(dataset, output.usage);
  return sealParamDocument(
    buildWalkForwardParamDocument({ dataset, input, output, appVersion, createdAt: now }),
  );
}

export function documentFromSegmented(
  dataset: DatasetSummary,
  input: SegmentedInput,
  output: SegmentedOutput,
  now: Date,
): ParamDocument {
  requireSameDataset(dataset, output.usage);
  return sealParamDocument(
    buildSegmentedParamDocument({ dataset, input, output, appVersion, createdAt: now }),
  );
}

function requireSameDataset(dataset: DatasetSummary, usage: { datasetId: number; datasetName: string }) {
  if (dataset.id !== usage.datasetId || dataset.name !== usage.datasetName) {
    throw new Error(
      `the run was on dataset ${usage.datasetId} ("${usage.datasetName}"), not ${dataset.id} ("${dataset.name}")`,
    );
  }
}
