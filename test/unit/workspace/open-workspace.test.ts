import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/engine/workspace/migrations';
import { openWorkspace, WORKSPACE_APPLICATION_ID } from '../../../electron/engine/workspace/open-workspace';
import {
  resolveWorkspacePath,
  userDataFolder,
} from '../../../electron/engine/workspace/default-workspace-path';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('opening a workspace', () => {
  it('creates a new file with WAL, the Scorecal application id and every migration applied', () => {
    const file = path.join(tempDir(), 'nested', 'w.sqlite');
    const workspace = openWorkspace(file);
    expect(workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(workspace.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(workspace.db.pragma('application_id', { simple: true })).toBe(WORKSPACE_APPLICATION_ID);
    expect(workspace.db.pragma('secure_delete', { simple: true })).toBe(1);
    const tables = workspace.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'column_chunks',
      'dataset_columns',
      'datasets',
      'models',
      'script_versions',
      'scripts',
    ]);
    workspace.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('reopens an existing workspace without re-running migrations', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const first = openWorkspace(file);
    first.db
      .prepare(
        "INSERT INTO datasets (name, source_name, source_sha256, source_bytes, imported_at, row_count, positives) VALUES ('kept', 's', ?, 0, 0, 0, 0)",
      )
      .run('0'.repeat(64));
    first.close();
    const second = openWorkspace(file);
    expect(second.db.prepare('SELECT name FROM datasets').pluck().all()).toEqual(['kept']);
    second.close();
  });

  it('migrates a workspace written by an older version', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const old = openWorkspace(file, { latestSchemaVersion: 0 });
    expect(old.schemaVersion).toBe(0);
    old.close();
    const current = openWorkspace(file);
    expect(current.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    current.close();
  });

  it('refuses a workspace written by a newer version, with a message saying so, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    openWorkspace(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openWorkspace(file)).toThrow(
      /newer version of Scorecal \(schema \d+; this version reads up to schema \d+\)/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite file that is not a Scorecal workspace', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openWorkspace(file)).toThrow(/not a Scorecal workspace/);
  });

  it('refuses a file that is not a database at all', () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'these are not the pages you are looking for'.repeat(200));
    expect(() => openWorkspace(file)).toThrow(/not a Scorecal workspace/);
  });
});

describe('where the workspace lives', () => {
  it('prefers --workspace, then SCORECAL_WORKSPACE, then the per-user folder', () => {
    expect(resolveWorkspacePath('/a/flag.sqlite', { SCORECAL_WORKSPACE: '/b/env.sqlite' })).toBe(
      '/a/flag.sqlite',
    );
    expect(resolveWorkspacePath(undefined, { SCORECAL_WORKSPACE: '/b/env.sqlite' })).toBe('/b/env.sqlite');
    expect(resolveWorkspacePath(undefined, { HOME: '/home/ana' }, 'linux')).toMatch(
      /scorecal\/workspace\.scorecal\.sqlite$/,
    );
  });

  it('uses each OS convention for per-user data', () => {
    expect(userDataFolder('linux', { XDG_DATA_HOME: '/x/data' }, '/home/ana')).toBe('/x/data/scorecal');
    expect(userDataFolder('linux', {}, '/home/ana')).toBe('/home/ana/.local/share/scorecal');
    expect(userDataFolder('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Scorecal',
    );
    expect(userDataFolder('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Scorecal',
    );
  });
});
