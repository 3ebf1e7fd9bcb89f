import type Database from 'better-sqlite3';
import type { DatasetRef } from '../../../shared/domain/dataset-details';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import { resolveDataset } from './find-dataset';
import { scrubWriteAheadLog } from './scrub-wal';
import { describeWriteError } from './workspace-write-error';

export interface DeleteOptions {
  /** Also rebuild the file so it shrinks (slow on a large workspace; the data is gone either way). */
  compact?: boolean;
}

/**
 * Removes a dataset so that its values cannot be read back from the workspace files: with
 * `secure_delete` SQLite overwrites the freed pages with zeros, and the write-ahead log that
 * still holds old page images is checkpointed and truncated.
 */
export function deleteDataset(
  db: Database.Database,
  ref: DatasetRef,
  options: DeleteOptions = {},
): DatasetSummary {
  const dataset = resolveDataset(db, ref);
  try {
    db.pragma('secure_delete = ON');
    db.transaction(() => {
      // Chunks first: the cascade would do it, but explicitly is clearer and as fast.
      db.prepare('DELETE FROM column_chunks WHERE dataset_id = ?').run(dataset.id);
      db.prepare('DELETE FROM dataset_columns WHERE dataset_id = ?').run(dataset.id);
      db.prepare('DELETE FROM datasets WHERE id = ?').run(dataset.id);
    }).immediate();
    if (options.compact) db.exec('VACUUM');
  } catch (error) {
    throw describeWriteError(error, db.name);
  }
  scrubWriteAheadLog(db);
  return dataset;
}
