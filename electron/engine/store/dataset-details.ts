import type Database from 'better-sqlite3';
import type { DatasetDetails, DatasetRef, StoredColumn } from '../../../shared/domain/dataset-details';
import { ValidationReportSchema } from '../../../shared/domain/validation-report';
import type { ColumnKind, ColumnRole } from './column-spec';
import { resolveDataset } from './find-dataset';

interface ColumnRow {
  position: number;
  name: string;
  source: string | null;
  kind: ColumnKind;
  storage: StoredColumn['storage'];
  role: ColumnRole | null;
  dictionary: string | null;
  details: string;
}

/** A dataset's metadata, columns and validation summary, without its data. */
export function getDatasetDetails(db: Database.Database, ref: DatasetRef): DatasetDetails {
  const summary = resolveDataset(db, ref);
  const meta = db
    .prepare('SELECT source_path, import_options, validation_summary FROM datasets WHERE id = ?')
    .get(summary.id) as { source_path: string | null; import_options: string; validation_summary: string };
  const rows = db
    .prepare(
      `SELECT position, name, source, kind, storage, role, dictionary, details FROM dataset_columns
       WHERE dataset_id = ? ORDER BY position`,
    )
    .all(summary.id) as ColumnRow[];
  const validation = ValidationReportSchema.safeParse(parseJson(meta.validation_summary));
  return {
    summary,
    sourcePath: meta.source_path,
    columns: rows.map(toStoredColumn),
    importOptions: asRecord(parseJson(meta.import_options)),
    validation: validation.success ? validation.data : null,
  };
}

function toStoredColumn(row: ColumnRow): StoredColumn {
  const details = asRecord(parseJson(row.details));
  const stats = asRecord(details.stats);
  const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const dictionary = row.dictionary === null ? null : parseJson(row.dictionary);
  return {
    position: row.position,
    name: row.name,
    source: row.source,
    kind: row.kind,
    storage: row.storage,
    role: row.role,
    timestampFormat: (details.timestampFormat as StoredColumn['timestampFormat']) ?? null,
    scoreScale: (details.scoreScale as StoredColumn['scoreScale']) ?? null,
    missing: typeof stats.missing === 'number' ? stats.missing : null,
    min: numberOrNull(stats.min),
    max: numberOrNull(stats.max),
    distinctValues: Array.isArray(dictionary) ? dictionary.length : null,
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
