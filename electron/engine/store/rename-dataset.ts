import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { DatasetRef } from '../../../shared/domain/dataset-details';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import { resolveDataset } from './find-dataset';
import { getDatasetSummary } from './list-datasets';
import { describeWriteError } from './workspace-write-error';

export function renameDataset(db: Database.Database, ref: DatasetRef, newName: string): DatasetSummary {
  const name = newName.trim();
  if (name === '') throw new ApiError('invalid-input', 'A dataset name cannot be empty.');
  const dataset = resolveDataset(db, ref);
  if (dataset.name === name) return dataset;
  try {
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM datasets WHERE name = ?').get(name)) {
        throw new ApiError('conflict', `A dataset named "${name}" already exists.`);
      }
      db.prepare('UPDATE datasets SET name = ? WHERE id = ?').run(name, dataset.id);
    }).immediate();
  } catch (error) {
    throw describeWriteError(error, db.name);
  }
  return getDatasetSummary(db, dataset.id) as DatasetSummary;
}
