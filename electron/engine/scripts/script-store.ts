import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import type {
  ScriptRef,
  ScriptSummary,
  ScriptVersion,
  ScriptVersionInfoSchema,
} from '../../../shared/api/calls/script-calls';
import { sha256Hex } from '../param-file/sha256-hex';

type ScriptVersionInfo = z.infer<typeof ScriptVersionInfoSchema>;

interface SummaryRow {
  id: number;
  name: string;
  created_at: number;
  updated_at: number;
  versions: number;
  latest_version: number;
}

interface VersionRow {
  version: number;
  saved_at: number;
  sha256: string;
  bytes: number;
  source?: string;
}

// The byte count comes from SQLite (length of the UTF-8 blob), so listing a history never loads sources.
const SUMMARY = `SELECT s.id, s.name, s.created_at, s.updated_at,
    (SELECT count(*) FROM script_versions v WHERE v.script_id = s.id) AS versions,
    (SELECT max(version) FROM script_versions v WHERE v.script_id = s.id) AS latest_version
  FROM scripts s`;
const VERSION = 'SELECT version, saved_at, sha256, length(CAST(source AS BLOB)) AS bytes';

export function listScripts(db: Database.Database): ScriptSummary[] {
  return (db.prepare(`${SUMMARY} ORDER BY s.updated_at DESC, s.id DESC`).all() as SummaryRow[]).map(
    toSummary,
  );
}

/** The script a reference names, or a not-found error that says which. */
export function getScriptSummary(db: Database.Database, ref: ScriptRef): ScriptSummary {
  const row = (
    'id' in ref
      ? db.prepare(`${SUMMARY} WHERE s.id = ?`).get(ref.id)
      : db.prepare(`${SUMMARY} WHERE s.name = ?`).get(ref.name)
  ) as SummaryRow | undefined;
  if (!row) {
    throw new ApiError(
      'not-found',
      'id' in ref ? `There is no script with id ${ref.id}.` : `There is no script named "${ref.name}".`,
    );
  }
  return toSummary(row);
}

/** One version with its source (default: the latest). */
export function getScriptVersion(
  db: Database.Database,
  ref: ScriptRef,
  version?: number,
): { summary: ScriptSummary; version: ScriptVersion } {
  const summary = getScriptSummary(db, ref);
  const wanted = version ?? summary.latestVersion;
  const row = db
    .prepare(`${VERSION}, source FROM script_versions WHERE script_id = ? AND version = ?`)
    .get(summary.id, wanted) as VersionRow | undefined;
  if (!row) {
    throw new ApiError(
      'not-found',
      `Script "${summary.name}" has no version ${wanted} (its versions are 1 to ${summary.latestVersion}).`,
    );
  }
  return { summary, version: { ...toVersionInfo(row), source: row.source ?? '' } };
}

/** Every version, newest first, without the sources. */
export function scriptHistory(
  db: Database.Database,
  ref: ScriptRef,
): { summary: ScriptSummary; versions: ScriptVersionInfo[] } {
  const summary = getScriptSummary(db, ref);
  const rows = db
    .prepare(`${VERSION} FROM script_versions WHERE script_id = ? ORDER BY version DESC`)
    .all(summary.id) as VersionRow[];
  return { summary, versions: rows.map(toVersionInfo) };
}

export type SaveScriptInput = { name: string; source: string } | { script: ScriptRef; source: string };

/**
 * A new script (by name) with version 1, or a new version of an existing one. A source equal to the
 * latest version (same SHA-256) adds nothing: saving twice must not grow the history.
 */
export function saveScript(
  db: Database.Database,
  input: SaveScriptInput,
  now: number = Date.now(),
): { summary: ScriptSummary; version: ScriptVersion; created: boolean } {
  const sha256 = sha256Hex(input.source);
  return db.transaction(() => {
    let id: number;
    if ('name' in input) {
      try {
        id = Number(
          db
            .prepare('INSERT INTO scripts (name, created_at, updated_at) VALUES (?, ?, ?)')
            .run(input.name, now, now).lastInsertRowid,
        );
      } catch (error) {
        throw uniqueNameError(
          error,
          input.name,
          'save a new version of it by naming the script, or choose another name',
        );
      }
    } else {
      const summary = getScriptSummary(db, input.script);
      id = summary.id;
      const latest = getScriptVersion(db, { id }, summary.latestVersion);
      if (latest.version.sha256 === sha256) return { ...latest, created: false };
    }
    const next =
      ((db.prepare('SELECT max(version) FROM script_versions WHERE script_id = ?').pluck().get(id) as
        number | null) ?? 0) + 1;
    db.prepare(
      'INSERT INTO script_versions (script_id, version, saved_at, sha256, source) VALUES (?, ?, ?, ?, ?)',
    ).run(id, next, now, sha256, input.source);
    db.prepare('UPDATE scripts SET updated_at = ? WHERE id = ?').run(now, id);
    return { ...getScriptVersion(db, { id }, next), created: true };
  })();
}

export function renameScript(
  db: Database.Database,
  ref: ScriptRef,
  newName: string,
  now: number = Date.now(),
): ScriptSummary {
  const { id } = getScriptSummary(db, ref);
  try {
    db.prepare('UPDATE scripts SET name = ?, updated_at = ? WHERE id = ?').run(newName, now, id);
  } catch (error) {
    throw uniqueNameError(error, newName, 'choose another name');
  }
  return getScriptSummary(db, { id });
}

/** Deletes a script and (by the foreign key's cascade) its history; models keep their copies. */
export function deleteScript(db: Database.Database, ref: ScriptRef): ScriptSummary {
  const summary = getScriptSummary(db, ref);
  db.prepare('DELETE FROM scripts WHERE id = ?').run(summary.id);
  return summary;
}

function toSummary(row: SummaryRow): ScriptSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: row.versions,
    latestVersion: row.latest_version,
  };
}

function toVersionInfo(row: VersionRow): ScriptVersionInfo {
  return { version: row.version, savedAt: row.saved_at, sha256: row.sha256, bytes: row.bytes };
}

function uniqueNameError(error: unknown, name: string, advice: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new ApiError('conflict', `A script named "${name}" already exists; ${advice}.`);
  }
  return error;
}
