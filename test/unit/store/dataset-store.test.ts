import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, DatasetWriter } from '../../../electron/engine/store/dataset-writer';
import { listDatasets, uniqueDatasetName } from '../../../electron/engine/store/list-datasets';
import { readColumn } from '../../../electron/engine/store/read-column';
import { openWorkspace } from '../../../electron/engine/workspace/open-workspace';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

const header = (name: string) => ({
  name,
  sourceName: 'x.csv',
  sourcePath: null,
  sourceSha256: 'b'.repeat(64),
  sourceBytes: 10,
  importOptions: {},
});

const columns = [
  { name: 'score', storage: 'float64' as const, kind: 'number' as const, role: 'score' as const },
  { name: 'asset', storage: 'int32' as const, kind: 'category' as const, role: 'segment' as const },
  { name: 'y', storage: 'uint8' as const, kind: 'boolean' as const, role: 'outcome' as const },
];

describe('the columnar dataset store', () => {
  it('writes rows across several chunks and reads each whole column back exactly', () => {
    const workspace = openWorkspace(path.join(tempDir(), 'w.sqlite'));
    const rows = CHUNK_ROWS * 2 + 123;
    const writer = new DatasetWriter(workspace.db, header('big'), columns);
    for (let i = 0; i < rows; i++) writer.appendRow([i / rows, i % 7, i % 3 === 0 ? 1 : 0]);
    const positives = Math.ceil(rows / 3);
    writer.commit(
      { rowCount: rows, positives, timeMin: null, timeMax: null, validationSummary: {} },
      new Map([[1, ['A', 'B', 'C', 'D', 'E', 'F', 'G']]]),
    );

    const score = readColumn(workspace.db, writer.datasetId, 'score');
    const asset = readColumn(workspace.db, writer.datasetId, 'asset');
    const outcome = readColumn(workspace.db, writer.datasetId, 'y');
    expect(score).toBeInstanceOf(Float64Array);
    expect(asset).toBeInstanceOf(Int32Array);
    expect(outcome).toBeInstanceOf(Uint8Array);
    expect(score.length).toBe(rows);
    expect(score[rows - 1]).toBe((rows - 1) / rows);
    expect(asset[CHUNK_ROWS + 5]).toBe((CHUNK_ROWS + 5) % 7);
    expect(Array.from(outcome).reduce((a, b) => a + b, 0)).toBe(positives);
    const chunks = workspace.db
      .prepare('SELECT count(*) FROM column_chunks WHERE position = 0')
      .pluck()
      .get();
    expect(chunks).toBe(3);
    const [summary] = listDatasets(workspace.db);
    expect(summary).toMatchObject({ name: 'big', rows, positives });
    expect(summary?.baseRate).toBeCloseTo(positives / rows, 12);
    workspace.close();
  });

  it('leaves nothing behind when an import is aborted', () => {
    const workspace = openWorkspace(path.join(tempDir(), 'w.sqlite'));
    const writer = new DatasetWriter(workspace.db, header('half'), columns);
    for (let i = 0; i < CHUNK_ROWS + 10; i++) writer.appendRow([0.5, 0, 1]);
    writer.abort();
    expect(listDatasets(workspace.db)).toEqual([]);
    expect(workspace.db.prepare('SELECT count(*) FROM column_chunks').pluck().get()).toBe(0);
    expect(workspace.db.prepare('SELECT count(*) FROM dataset_columns').pluck().get()).toBe(0);
    workspace.close();
  });

  it('keeps an uncommitted import invisible to another connection', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const writerSide = openWorkspace(file);
    const readerSide = openWorkspace(file);
    const writer = new DatasetWriter(writerSide.db, header('pending'), columns);
    for (let i = 0; i < CHUNK_ROWS + 1; i++) writer.appendRow([0.1, 1, 0]);
    expect(listDatasets(readerSide.db)).toEqual([]);
    writer.commit({
      rowCount: CHUNK_ROWS + 1,
      positives: 0,
      timeMin: null,
      timeMax: null,
      validationSummary: {},
    });
    expect(listDatasets(readerSide.db).map((d) => d.name)).toEqual(['pending']);
    writerSide.close();
    readerSide.close();
  });

  it('refuses a second dataset with the same name and suggests a free one', () => {
    const workspace = openWorkspace(path.join(tempDir(), 'w.sqlite'));
    new DatasetWriter(workspace.db, header('same'), columns).commit({
      rowCount: 0,
      positives: 0,
      timeMin: null,
      timeMax: null,
      validationSummary: {},
    });
    expect(() => new DatasetWriter(workspace.db, header('same'), columns)).toThrow(/already exists/);
    expect(workspace.db.inTransaction).toBe(false);
    expect(uniqueDatasetName(workspace.db, 'same')).toBe('same (2)');
    expect(uniqueDatasetName(workspace.db, 'other')).toBe('other');
    workspace.close();
  });
});
