import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import type { CallContext } from '../api/call-context';
import type { WorkerPool } from '../workers/worker-pool';
import { importFile } from '../import/import-file';
import { uniqueDatasetName } from '../store/list-datasets';
import { SAMPLE_COLUMNS, SAMPLE_FILE_NAME } from './sample-columns';

export const DEFAULT_SAMPLE_DATASET_NAME = 'Liquidations sample';

/** Imports the bundled synthetic liquidation sample (resources/samples) as a new dataset. */
export async function loadSampleDataset(
  db: Database.Database,
  resourcesDir: string,
  requestedName: string | undefined,
  context: CallContext,
  pool?: WorkerPool,
): Promise<DatasetSummary> {
  const file = path.join(resourcesDir, 'samples', SAMPLE_FILE_NAME);
  const name = requestedName ?? uniqueDatasetName(db, DEFAULT_SAMPLE_DATASET_NAME);
  const { dataset } = await importFile(
    db,
    {
      file,
      name,
      read: { format: 'csv', delimiter: ',', encoding: 'utf-8', decimal: '.' },
      columns: SAMPLE_COLUMNS.map((column) => ({
        source: column.name,
        kind: column.kind,
        role: column.role,
        include: true,
        ...(column.kind === 'timestamp' ? { timestampFormat: 'iso8601' as const } : {}),
        ...(column.role === 'score' ? { scoreScale: 'probability' as const } : {}),
      })),
      onError: 'refuse',
      // The bundled sample is loaded as often as asked: each load is a dataset of its own.
      ifExists: 'import-again',
    },
    context,
    { pool },
  );
  return dataset;
}
