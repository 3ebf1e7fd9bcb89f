import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import type { CallContext } from '../api/call-context';
import { importKnownCsv } from '../import/import-known-csv';
import { getDatasetSummary, uniqueDatasetName } from '../store/list-datasets';
import { SAMPLE_COLUMNS, SAMPLE_FILE_NAME } from './sample-columns';

export const DEFAULT_SAMPLE_DATASET_NAME = 'Liquidations sample';

/** Imports the bundled synthetic liquidation sample (resources/samples) as a new dataset. */
export async function loadSampleDataset(
  db: Database.Database,
  resourcesDir: string,
  requestedName: string | undefined,
  context: CallContext,
): Promise<DatasetSummary> {
  const file = path.join(resourcesDir, 'samples', SAMPLE_FILE_NAME);
  const name = requestedName ?? uniqueDatasetName(db, DEFAULT_SAMPLE_DATASET_NAME);
  const id = await importKnownCsv(db, { file, datasetName: name, columns: SAMPLE_COLUMNS }, context);
  const summary = getDatasetSummary(db, id);
  if (!summary) throw new ApiError('internal', 'The sample dataset vanished right after it was imported.');
  return summary;
}
