import type Database from 'better-sqlite3';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';

interface DatasetRow {
  id: number;
  name: string;
  row_count: number;
  positives: number;
  time_min: number | null;
  time_max: number | null;
  source_name: string;
  source_sha256: string;
  source_bytes: number;
  imported_at: number;
}

const SUMMARY_COLUMNS = `id, name, row_count, positives, time_min, time_max, source_name, source_sha256,
  source_bytes, imported_at`;

function toSummary(row: DatasetRow): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    rows: row.row_count,
    positives: row.positives,
    baseRate: row.row_count > 0 ? row.positives / row.row_count : null,
    timeMin: row.time_min,
    timeMax: row.time_max,
    sourceName: row.source_name,
    sourceSha256: row.source_sha256,
    sourceBytes: row.source_bytes,
    importedAt: row.imported_at,
  };
}

export function listDatasets(db: Database.Database): DatasetSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM datasets ORDER BY imported_at DESC, id DESC`).all();
  return (rows as DatasetRow[]).map(toSummary);
}

export function getDatasetSummary(db: Database.Database, id: number): DatasetSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM datasets WHERE id = ?`).get(id);
  return row === undefined ? undefined : toSummary(row as DatasetRow);
}

/** The first free name among "base", "base (2)", "base (3)", ... */
export function uniqueDatasetName(db: Database.Database, base: string): string {
  const taken = db.prepare('SELECT 1 FROM datasets WHERE name = ?');
  if (!taken.get(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.get(candidate)) return candidate;
  }
}
