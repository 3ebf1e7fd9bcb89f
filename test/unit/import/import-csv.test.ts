import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { Progress } from '../../../shared/api/progress';
import { previewFile } from '../../../electron/engine/import/preview-file';
import { writeSampleFile } from '../../../electron/engine/sample/write-sample-file';
import { getDatasetDetails } from '../../../electron/engine/store/dataset-details';
import { listDatasets } from '../../../electron/engine/store/list-datasets';
import { readColumn } from '../../../electron/engine/store/read-column';
import { useTempDirs } from '../../helpers/temp-dir';
import { freshWorkspace, quietContext, runImport, workspaceFingerprint, writeFile } from './import-test-kit';

const tempDir = useTempDirs();

describe('importing the sample CSV', () => {
  it('stores every column exactly as the text says, with metadata and a clean report', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.csv');
    await writeSampleFile({ rows: 20_000, seed: 3, out: file });
    const workspace = freshWorkspace(dir);
    const { dataset, validation } = await runImport(workspace, { file });
    expect(dataset).toMatchObject({ name: 'sample', rows: 20_000, sourceName: 'sample.csv' });
    expect(validation).toMatchObject({ rowsRead: 20_000, rowsImported: 20_000, rowsSkipped: 0, rules: [] });

    const lines = fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const score = readColumn(workspace.db, dataset.id, 'score');
    const openedAt = readColumn(workspace.db, dataset.id, 'opened_at');
    const outcome = readColumn(workspace.db, dataset.id, 'liquidated');
    const leverage = readColumn(workspace.db, dataset.id, 'leverage');
    lines.forEach((cells, r) => {
      expect(score[r]).toBe(Number(cells[9]));
      expect(leverage[r]).toBe(Number(cells[4]));
      expect(openedAt[r]).toBe(Date.parse(cells[1] as string));
      expect(outcome[r]).toBe(Number(cells[10]));
    });
    const positives = lines.filter((cells) => cells[10] === '1').length;
    expect(dataset.positives).toBe(positives);
    expect(dataset.baseRate).toBeCloseTo(positives / 20_000, 12);
    expect(dataset.timeMin).toBe(Math.min(...lines.map((c) => Date.parse(c[1] as string))));

    const details = getDatasetDetails(workspace.db, { id: dataset.id });
    const roles = Object.fromEntries(details.columns.map((c) => [c.name, c.role]));
    expect(roles).toMatchObject({
      score: 'score',
      liquidated: 'outcome',
      opened_at: 'time',
      position_id: 'id',
      asset: 'segment',
    });
    const asset = details.columns.find((c) => c.name === 'asset');
    expect(asset?.distinctValues).toBe(new Set(lines.map((c) => c[2])).size);
    expect(details.summary.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(details.validation?.rowsImported).toBe(20_000);
    workspace.close();
  });
});

describe('dialects', () => {
  const rows = [
    ['id', 'when', 'segment', 'score', 'hit'],
    ['1', '2024-01-05', 'north', '0.25', '1'],
    ['2', '2024-01-06', 'south', '0.5', '0'],
    ['3', '2024-01-07', 'north', '0.125', '0'],
  ];

  it.each([
    ['semicolon with decimal comma', ';', (v: string) => v.replace('.', ',')],
    ['tab', '\t', (v: string) => v],
    ['pipe', '|', (v: string) => v],
  ])('sniffs a %s file', async (_label, delimiter, cell) => {
    const dir = tempDir();
    const text = rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
    const file = writeFile(dir, 'data.txt', text);
    const preview = await previewFile(file);
    expect(preview.delimiter).toBe(delimiter);
    const workspace = freshWorkspace(dir);
    const { dataset } = await runImport(workspace, { file });
    expect(Array.from(readColumn(workspace.db, dataset.id, 'score'))).toEqual([0.25, 0.5, 0.125]);
    expect(dataset.positives).toBe(1);
    workspace.close();
  });

  it('reads quoted fields holding delimiters, quotes and line breaks, and counts lines right', async () => {
    const dir = tempDir();
    const text =
      'name,note,score,y\n' +
      '"Smith, J.","said ""hi""",0.1,1\n' +
      'Lee,"two\nlines",0.2,0\n' +
      '"Ng","x",oops,1\n';
    const file = writeFile(dir, 'quoted.csv', text);
    const workspace = freshWorkspace(dir);
    const result = await runImport(workspace, {
      file,
      columns: [
        { source: 'name', kind: 'category', role: 'segment' },
        { source: 'note', kind: 'text', role: null },
        { source: 'score', kind: 'number', role: 'score' },
        { source: 'y', kind: 'boolean', role: 'outcome' },
      ],
      onError: 'skip',
    });
    expect(result.dataset.rows).toBe(2);
    const rule = result.validation.rules.find((r) => r.rule === 'non-numeric');
    expect(rule?.examples[0]).toMatchObject({ line: 5, column: 'score', columnNumber: 3, value: 'oops' });
    const dictionary = workspace.db
      .prepare("SELECT dictionary FROM dataset_columns WHERE name = 'note'")
      .pluck()
      .get() as string;
    // Values first seen in a skipped row stay in the dictionary, unused by any stored row.
    expect(JSON.parse(dictionary)).toEqual(['said "hi"', 'two\nlines', 'x']);
    workspace.close();
  });

  it('reads UTF-8 with a BOM, Windows-1252, and gzip', async () => {
    const dir = tempDir();
    const text = 'city,score,y\nZürich,0.5,1\nKöln,0.25,0\n';
    const utf8Bom = writeFile(
      dir,
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    const latin = writeFile(dir, 'latin.csv', Buffer.from(text, 'latin1'));
    const gz = writeFile(dir, 'zipped.csv.gz', text, true);
    expect((await previewFile(utf8Bom)).header[0]).toBe('city');
    expect((await previewFile(latin)).encoding).toBe('windows-1252');
    expect((await previewFile(gz)).compression).toBe('gzip');
    const workspace = freshWorkspace(dir);
    for (const file of [utf8Bom, latin, gz]) {
      const { dataset } = await runImport(workspace, { file, ifExists: 'import-again' });
      const dictionary = workspace.db
        .prepare("SELECT dictionary FROM dataset_columns WHERE dataset_id = ? AND name = 'city'")
        .pluck()
        .get(dataset.id) as string;
      expect(JSON.parse(dictionary)).toEqual(['Zürich', 'Köln']);
    }
    workspace.close();
  });
});

describe('validation', () => {
  const header = 'id,t,score,y\n';
  const body = [
    '1,2024-01-01,0.1,1',
    '2,2024-01-02,1.5,0', // probability out of range
    '3,2024-01-03,0.2,2', // outcome not binary
    '4,never,0.3,0', // bad timestamp
    '1,2024-01-05,0.4,1', // duplicate id (of an accepted row)
    '6,2024-01-06,,0', // missing score
    '7,2024-01-07,0.5', // ragged
    '8,2024-01-08,0.6,1',
  ];

  it('skips bad rows and reports each rule with line and column', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'bad.csv', header + body.join('\n') + '\n');
    const workspace = freshWorkspace(dir);
    const { dataset, validation } = await runImport(workspace, {
      file,
      roles: { id: 'id', time: 't', score: 'score', outcome: 'y' },
      onError: 'skip',
    });
    expect(dataset.rows).toBe(2);
    expect(validation).toMatchObject({ rowsRead: 8, rowsImported: 2, rowsSkipped: 6, policy: 'skip' });
    const byRule = Object.fromEntries(validation.rules.map((r) => [r.rule, r]));
    expect(byRule['probability-range']?.examples[0]).toMatchObject({ line: 3, column: 'score' });
    expect(byRule['outcome-not-binary']?.examples[0]).toMatchObject({ line: 4, column: 'y', value: '2' });
    expect(byRule['unparseable-timestamp']?.examples[0]).toMatchObject({
      line: 5,
      column: 't',
      value: 'never',
    });
    expect(byRule['duplicate-id']?.examples[0]).toMatchObject({ line: 6, column: 'id', value: '1' });
    expect(byRule['missing-required']?.examples[0]).toMatchObject({ line: 7, column: 'score' });
    expect(byRule['ragged-row']?.examples[0]).toMatchObject({ line: 8, column: null });
    expect(Array.from(readColumn(workspace.db, dataset.id, 'id'))).toEqual([1, 8]);
    workspace.close();
  });

  it('keeps at most 20 examples per rule but counts all', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 100 }, (_, i) => `${i},${i % 2 === 0 ? 'x' : '0.5'},1`);
    const file = writeFile(dir, 'many.csv', 'id,score,y\n' + rows.join('\n'));
    const workspace = freshWorkspace(dir);
    const { validation } = await runImport(workspace, {
      file,
      roles: { score: 'score', outcome: 'y' },
      onError: 'skip',
    });
    const rule = validation.rules.find((r) => r.rule === 'non-numeric');
    expect(rule?.count).toBe(50);
    expect(rule?.examples).toHaveLength(20);
    workspace.close();
  });

  it('refuses the file at the first bad row under the refuse policy, naming file, line and column', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'bad.csv', header + body.join('\n') + '\n');
    const workspace = freshWorkspace(dir);
    const before = workspaceFingerprint(workspace);
    const error = await runImport(workspace, { file, roles: { score: 'score', outcome: 'y' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(
      /bad\.csv, line 3, column 3 \(score\): the score 1\.5 is outside \[0, 1\]/,
    );
    expect(workspaceFingerprint(workspace)).toEqual(before);
    workspace.close();
  });
});

describe('the import as a long call', () => {
  it('reports progress, stays responsive, can be cancelled and then leaves nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.csv');
    await writeSampleFile({ rows: 150_000, seed: 5, out: file });
    const workspace = freshWorkspace(dir);
    const reports: Progress[] = [];
    const controller = new AbortController();
    const cancelled = await runImport(
      workspace,
      { file },
      quietContext(controller.signal, (p) => {
        reports.push(p);
        controller.abort();
      }),
    ).catch((e: unknown) => e);
    expect((cancelled as ApiError).code).toBe('cancelled');
    expect(reports[0]).toMatchObject({ unit: 'bytes', total: fs.statSync(file).size });
    expect(reports[0]?.done).toBeLessThan(fs.statSync(file).size);
    expect(listDatasets(workspace.db)).toEqual([]);
    expect(workspace.db.prepare('SELECT count(*) FROM column_chunks').pluck().get()).toBe(0);

    // Other work (here a timer; in the app, other API calls) runs between blocks of the import.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const done = await runImport(
      workspace,
      { file },
      quietContext(undefined, (p) => reports.push(p)),
    );
    clearInterval(timer);
    expect(done.dataset.rows).toBe(150_000);
    expect(ticks).toBeGreaterThan(1);
    const last = reports.at(-1) as Progress;
    expect(last.done).toBe(last.total);
    expect(last.phase).toMatch(/150,000 rows/);
    workspace.close();
  });

  it('notices a file imported before: asks, reuses or imports again', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'same.csv', 'score,y\n0.1,1\n0.2,0\n');
    const workspace = freshWorkspace(dir);
    const first = await runImport(workspace, { file });
    const asked = await runImport(workspace, { file }).catch((e: unknown) => e as ApiError);
    expect(asked).toMatchObject({ code: 'conflict' });
    expect((asked as ApiError).message).toMatch(/same content .* "same"/);
    const reused = await runImport(workspace, { file, ifExists: 'reuse' });
    expect(reused).toMatchObject({ reused: true, dataset: { id: first.dataset.id } });
    const again = await runImport(workspace, { file, ifExists: 'import-again' });
    expect(again.dataset.name).toBe('same (2)');
    expect(listDatasets(workspace.db)).toHaveLength(2);
    workspace.close();
  });
});
