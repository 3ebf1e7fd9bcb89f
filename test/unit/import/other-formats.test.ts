import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewFile } from '../../../electron/engine/import/preview-file';
import { getDatasetDetails } from '../../../electron/engine/store/dataset-details';
import { readColumn } from '../../../electron/engine/store/read-column';
import { useTempDirs } from '../../helpers/temp-dir';
import { fixturesDir, freshWorkspace, runImport, writeFile } from './import-test-kit';

const tempDir = useTempDirs();
const BASE = Date.UTC(2024, 0, 1);

describe('Parquet (fixtures written by make_parquet_fixtures.py)', () => {
  it.each(['plain', 'gzip', 'snappy'])('imports the %s fixture with types from its schema', async (codec) => {
    const workspace = freshWorkspace(tempDir());
    const file = path.join(fixturesDir, `positions-${codec}.parquet`);
    const preview = await previewFile(file);
    expect(preview).toMatchObject({ format: 'parquet', totalRows: 300 });
    expect(preview.columns.map((c) => [c.source, c.kind, c.suggestedRole])).toEqual([
      ['position_id', 'integer', 'id'],
      ['opened_at', 'timestamp', 'time'],
      ['asset', 'category', 'segment'],
      ['leverage', 'number', 'feature'],
      ['score', 'number', 'score'],
      ['liquidated', 'boolean', 'outcome'],
    ]);
    const { dataset } = await runImport(workspace, { file });
    expect(dataset).toMatchObject({
      rows: 300,
      positives: 60,
      timeMin: BASE,
      timeMax: BASE + 299 * 3_600_000,
    });
    const leverage = readColumn(workspace.db, dataset.id, 'leverage');
    expect(leverage[3]).toBeNaN();
    expect(leverage[4]).toBe(1 + 4 * 0.5);
    expect(readColumn(workspace.db, dataset.id, 'score')[2]).toBe(0.74);
    const details = getDatasetDetails(workspace.db, { id: dataset.id });
    expect(details.columns.find((c) => c.name === 'leverage')?.missing).toBe(30);
    const dictionary = workspace.db
      .prepare("SELECT dictionary FROM dataset_columns WHERE name = 'asset'")
      .pluck()
      .get() as string;
    expect(JSON.parse(dictionary)).toEqual(['BTC', 'ETH', 'SOL', 'Zürich']);
    workspace.close();
  });
});

describe('JSON Lines', () => {
  it('imports objects, with absent keys as missing and bad lines reported', async () => {
    const dir = tempDir();
    const lines = [
      '{"id": 1, "at": "2024-01-01T00:00:00Z", "segment": "a", "score": 0.1, "hit": true}',
      '{"id": 2, "at": "2024-01-02T00:00:00Z", "segment": "b", "score": 0.2, "hit": false, "extra": [1]}',
      'not json',
      '{"id": 3, "at": "2024-01-03T00:00:00Z", "score": 0.3, "hit": 1}',
      '',
    ];
    const file = writeFile(dir, 'events.jsonl.gz', lines.join('\n'), true);
    const preview = await previewFile(file);
    expect(preview).toMatchObject({
      format: 'jsonl',
      compression: 'gzip',
      header: ['id', 'at', 'segment', 'score', 'hit', 'extra'],
    });
    expect(preview.rows).toHaveLength(3);

    const clean = writeFile(dir, 'clean.ndjson', [lines[0], lines[1], lines[3]].join('\n') + '\n');
    const workspace = freshWorkspace(dir);
    const { dataset } = await runImport(workspace, { file: clean });
    expect(dataset).toMatchObject({ rows: 3, positives: 2, timeMin: BASE, timeMax: BASE + 2 * 86_400_000 });
    expect(readColumn(workspace.db, dataset.id, 'segment')[2]).toBe(-1);

    const withBadLine = writeFile(dir, 'bad.jsonl', [lines[0], lines[1], lines[3], lines[2]].join('\n'));
    const result = await runImport(workspace, { file: withBadLine, onError: 'skip' });
    expect(result.dataset.rows).toBe(3);
    expect(result.validation.rules.find((r) => r.rule === 'malformed-row')?.examples[0]).toMatchObject({
      line: 4,
    });
    workspace.close();
  });
});
