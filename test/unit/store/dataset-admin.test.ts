import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { createEngine } from '../../../electron/engine/engine';
import { deleteDataset } from '../../../electron/engine/store/delete-dataset';
import { findDatasetsBySha256 } from '../../../electron/engine/store/find-dataset';
import { filterMask, readFilteredColumns } from '../../../electron/engine/store/filter-rows';
import { listDatasets } from '../../../electron/engine/store/list-datasets';
import { renameDataset } from '../../../electron/engine/store/rename-dataset';
import { openWorkspace } from '../../../electron/engine/workspace/open-workspace';
import { DatasetFilterSchema } from '../../../shared/domain/dataset-filter';
import { useTempDirs } from '../../helpers/temp-dir';
import { expectRefusal, freshWorkspace, runImport, writeFile } from '../import/import-test-kit';

const tempDir = useTempDirs();

const MARKER = 'SECRET-COUNTERPARTY-7f3a9c';
const csv = (rows: number, marker = 'plain') =>
  'day,desk,score,y,size\n' +
  Array.from({ length: rows }, (_, i) =>
    [
      `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      i % 3 === 0 ? marker : `desk${i % 3}`,
      ((i % 100) + 0.5) / 100,
      i % 4 === 0 ? 1 : 0,
      i,
    ].join(','),
  ).join('\n');

describe('rename, delete, find by SHA-256', () => {
  it('renames, refusing a name in use', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const a = await runImport(workspace, { file: writeFile(dir, 'a.csv', csv(10)), name: 'a' });
    await runImport(workspace, { file: writeFile(dir, 'b.csv', csv(11)), name: 'b' });
    expect(renameDataset(workspace.db, { name: 'a' }, 'alpha')).toMatchObject({
      id: a.dataset.id,
      name: 'alpha',
    });
    expect(() => renameDataset(workspace.db, { name: 'alpha' }, 'b')).toThrow(/already exists/);
    expect(() => renameDataset(workspace.db, { name: 'zzz' }, 'c')).toThrow(/no dataset named "zzz"/);
    expect(findDatasetsBySha256(workspace.db, a.dataset.sourceSha256).map((d) => d.name)).toEqual(['alpha']);
    workspace.close();
  });

  it('deletes so that the data cannot be found in the workspace files', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const file = path.join(dir, 'workspace.sqlite');
    await runImport(workspace, { file: writeFile(dir, 'keep.csv', csv(2000)), name: 'keep' });
    await runImport(workspace, { file: writeFile(dir, 'secret.csv', csv(3000, MARKER)), name: 'secret' });
    const present = () =>
      ['', '-wal'].some(
        (suffix) => fs.existsSync(file + suffix) && fs.readFileSync(file + suffix).includes(MARKER),
      );
    expect(present()).toBe(true);
    deleteDataset(workspace.db, { name: 'secret' });
    expect(listDatasets(workspace.db).map((d) => d.name)).toEqual(['keep']);
    expect(present()).toBe(false);
    expect(
      workspace.db
        .prepare('SELECT count(*) FROM column_chunks WHERE dataset_id NOT IN (SELECT id FROM datasets)')
        .pluck()
        .get(),
    ).toBe(0);
    workspace.close();
  });
});

describe('filters', () => {
  it('keeps rows by time range, segment and numeric range, on columns', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const { dataset } = await runImport(workspace, {
      file: writeFile(dir, 'f.csv', csv(280)),
      roles: { segments: ['desk'] },
    });
    const filter = DatasetFilterSchema.parse({
      timeRange: { from: Date.UTC(2024, 0, 10), to: Date.UTC(2024, 0, 20) },
      segments: [{ column: 'desk', values: ['desk1', 'desk2'] }],
      ranges: [{ column: 'size', min: 100, max: null }],
    });
    const columns = readFilteredColumns(workspace.db, dataset.id, ['size', 'desk'], filter);
    const expected = Array.from({ length: 280 }, (_, i) => i).filter((i) => {
      const day = (i % 28) + 1;
      return day >= 10 && day < 20 && i % 3 !== 0 && i >= 100;
    });
    expect(Array.from(columns.get('size') ?? [])).toEqual(expected);
    expect(filterMask(workspace.db, dataset.id, DatasetFilterSchema.parse({}))).toBeNull();
    expect(() =>
      filterMask(workspace.db, dataset.id, DatasetFilterSchema.parse({ ranges: [{ column: 'nope' }] })),
    ).toThrow(/does not have/);
    workspace.close();
  });
});

describe('a workspace that cannot be written', () => {
  it('reports a full disk clearly and keeps what was there', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    await runImport(workspace, { file: writeFile(dir, 'small.csv', csv(50)), name: 'small' });
    // A page limit on this connection stands in for a full disk: SQLite answers SQLITE_FULL either way.
    const pages = workspace.db.pragma('page_count', { simple: true }) as number;
    workspace.db.pragma(`max_page_count = ${pages + 20}`);
    await expectRefusal(
      workspace,
      { file: writeFile(dir, 'big.csv', csv(60_000)) },
      /disk holding the workspace .* is full/,
      'workspace',
    );
    workspace.close();
  });

  it('reports a read-only workspace clearly', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    // chmod does not stop root (these tests may run as root), so the connection itself is made read-only.
    workspace.db.pragma('query_only = ON');
    await expectRefusal(
      workspace,
      { file: writeFile(dir, 'x.csv', csv(10)) },
      /is read-only; nothing was changed/,
      'workspace',
    );
    workspace.close();
  });

  it('says the workspace is locked while another process writes, and lets readers read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'workspace.sqlite');
    const writer = openWorkspace(file);
    await runImport(writer, { file: writeFile(dir, 'a.csv', csv(10)), name: 'a' });
    writer.db.exec('BEGIN IMMEDIATE');
    const engine = createEngine({ workspacePath: file, host: 'test' });
    const listed = await engine.transport.call('datasets.list', {}, {});
    expect((listed as { datasets: unknown[] }).datasets).toHaveLength(1);
    const started = Date.now();
    const error = await engine.transport
      .call('datasets.rename', { dataset: { name: 'a' }, newName: 'b' }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/is locked by another Scorecal process/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    writer.db.exec('ROLLBACK');
    engine.close();
    writer.close();
  }, 20_000);
});
