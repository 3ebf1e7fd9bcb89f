import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { DatasetRef } from '../../../shared/domain/dataset-details';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import { getDatasetSummary, listDatasets } from './list-datasets';

/** The dataset a reference names, or a not-found error that says which. */
export function resolveDataset(db: Database.Database, ref: DatasetRef): DatasetSummary {
  const id =
    'id' in ref
      ? ref.id
      : (db.prepare('SELECT id FROM datasets WHERE name = ?').pluck().get(ref.name) as number | undefined);
  const summary = id === undefined ? undefined : getDatasetSummary(db, id);
  if (!summary) {
    throw new ApiError(
      'not-found',
      'id' in ref ? `There is no dataset with id ${ref.id}.` : `There is no dataset named "${ref.name}".`,
    );
  }
  return summary;
}

/** Datasets imported from a file with this SHA-256, newest first. */
export function findDatasetsBySha256(db: Database.Database, sha256: string): DatasetSummary[] {
  const ids = new Set(
    db
      .prepare('SELECT id FROM datasets WHERE source_sha256 = ?')
      .pluck()
      .all(sha256.toLowerCase()) as number[],
  );
  return listDatasets(db).filter((dataset) => ids.has(dataset.id));
}
