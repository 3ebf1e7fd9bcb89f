import type Database from 'better-sqlite3';

/** The values a category column's int32 codes index (empty for other columns). */
export function readDictionary(db: Database.Database, datasetId: number, columnName: string): string[] {
  const row = db
    .prepare('SELECT dictionary FROM dataset_columns WHERE dataset_id = ? AND name = ?')
    .get(datasetId, columnName) as { dictionary: string | null } | undefined;
  const parsed: unknown = row?.dictionary ? JSON.parse(row.dictionary) : [];
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
