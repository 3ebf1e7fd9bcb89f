import type Database from 'better-sqlite3';

/**
 * Copies the write-ahead log into the database and truncates it, so page images of deleted or
 * rolled-back data do not stay in the -wal file. When another connection is reading, the log
 * cannot be reset now; SQLite reuses it from the start at the next checkpoint instead.
 */
export function scrubWriteAheadLog(db: Database.Database): boolean {
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  } catch {
    return false;
  }
}
