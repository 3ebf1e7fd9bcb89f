import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { workspaceError } from './workspace-error';

/** 'SCL1' in ASCII: marks a SQLite file as a Scorecal workspace. */
export const WORKSPACE_APPLICATION_ID = 0x53434c31;
const BUSY_TIMEOUT_MS = 5000;
const NEW_WORKSPACE_PAGE_SIZE = 65_536;

export interface OpenWorkspaceOptions {
  /** Path of a better-sqlite3 addon built for this runtime's ABI (the Electron build). */
  nativeBinding?: string;
  /** Highest schema this build understands; tests lower it to simulate an older app. */
  latestSchemaVersion?: number;
}

export interface Workspace {
  readonly path: string;
  readonly db: Database.Database;
  readonly schemaVersion: number;
  close(): void;
}

export function openWorkspace(filePath: string, options: OpenWorkspaceOptions = {}): Workspace {
  const latest = options.latestSchemaVersion ?? LATEST_SCHEMA_VERSION;
  const absolute = path.resolve(filePath);
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
  } catch (error) {
    throw workspaceError(`Cannot create the folder for the workspace ${absolute}.`, String(error));
  }

  let db: Database.Database;
  try {
    db = new Database(absolute, {
      timeout: BUSY_TIMEOUT_MS,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw workspaceError(`Cannot open the workspace ${absolute}.`, String(error));
  }

  try {
    checkIdentity(db, absolute);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Deleted datasets are sensitive: overwrite freed pages instead of leaving them readable.
    db.pragma('secure_delete = ON');
    const schemaVersion = migrate(db, absolute, latest);
    return {
      path: absolute,
      db,
      schemaVersion,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIdentity(db: Database.Database, file: string): void {
  let applicationId: number;
  let tableCount: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tableCount = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (error) {
    throw workspaceError(
      `${file} is not a Scorecal workspace (not a readable SQLite database).`,
      String(error),
    );
  }
  if (applicationId === 0 && tableCount === 0) {
    // A new workspace gets 64 KiB pages (set before its first write; fixed for good in WAL mode).
    // Nearly all its bytes are column chunks of hundreds of KiB: large pages make an import write
    // and checkpoint several times faster and a column read cheaper, while the few small tables
    // waste at most a few hundred KiB.
    db.pragma(`page_size = ${NEW_WORKSPACE_PAGE_SIZE}`);
    db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
    return;
  }
  if (applicationId !== WORKSPACE_APPLICATION_ID) {
    throw workspaceError(`${file} is a SQLite database but not a Scorecal workspace; choose another file.`);
  }
}

function migrate(db: Database.Database, file: string, latest: number): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw workspaceError(
      `The workspace ${file} was written by a newer version of Scorecal (schema ${current}; this version ` +
        `reads up to schema ${latest}). Update Scorecal, or choose another workspace with --workspace.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > latest) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
