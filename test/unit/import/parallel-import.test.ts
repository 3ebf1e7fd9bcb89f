import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { ImportRequestInput } from '../../../shared/domain/import-options';
import { ImportRequestSchema } from '../../../shared/domain/import-options';
import { lastRecordEnd } from '../../../electron/engine/import/csv-chunks';
import { importFile, type ImportFileOptions } from '../../../electron/engine/import/import-file';
import { writeSampleFile } from '../../../electron/engine/sample/write-sample-file';
import { getDatasetDetails } from '../../../electron/engine/store/dataset-details';
import { listDatasets } from '../../../electron/engine/store/list-datasets';
import { readColumn } from '../../../electron/engine/store/read-column';
import { WorkerPool } from '../../../electron/engine/workers/worker-pool';
import type { Workspace } from '../../../electron/engine/workspace/open-workspace';
import { useTempDirs } from '../../helpers/temp-dir';
import { freshWorkspace, quietContext, runImport, workspaceFingerprint, writeFile } from './import-test-kit';

const tempDir = useTempDirs();
const pool = new WorkerPool(2);
afterAll(() => pool.close());

/** The parallel reader, forced on however small the file, cutting it into pieces of `pieceBytes`. */
function parallel(pieceBytes: number, parseInPlace = false): ImportFileOptions {
  return { pool, parallelFromBytes: 0, pieceBytes, parseInPlace, backgroundCheckpoint: false };
}

function runWith(workspace: Workspace, request: ImportRequestInput, options: ImportFileOptions) {
  return importFile(workspace.db, ImportRequestSchema.parse(request), quietContext(), options);
}

/** Everything an import stored or answered, for comparing two imports of the same file. */
async function outcome(workspace: Workspace, request: ImportRequestInput, options: ImportFileOptions) {
  try {
    const { dataset, validation } = await runWith(
      workspace,
      { ...request, ifExists: 'import-again', name: `n${Math.random()}` },
      options,
    );
    const details = getDatasetDetails(workspace.db, { id: dataset.id });
    const columns = details.columns.map((column) => ({
      ...column,
      bytes: Buffer.from(readColumn(workspace.db, dataset.id, column.name).buffer).toString('base64'),
    }));
    const { id: _id, name: _name, importedAt: _at, ...summary } = dataset;
    return { summary, validation, columns };
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { code: (error as ApiError).code, message: (error as ApiError).message };
  }
}

/** Imports `text` in one piece on this thread and then in small pieces on the pool; both must agree. */
async function expectSameAsSingleThreaded(
  text: string | Buffer,
  request: Omit<ImportRequestInput, 'file'> = {},
  pieces = [7, 16, 61, 256],
) {
  const dir = tempDir();
  const file = writeFile(dir, 'data.csv', text);
  const workspace = freshWorkspace(dir);
  const expected = await outcome(workspace, { file, ...request }, {});
  for (const pieceBytes of pieces) {
    for (const parseInPlace of [false, true]) {
      const got = await outcome(workspace, { file, ...request }, parallel(pieceBytes, parseInPlace));
      expect(got, `pieces of ${pieceBytes} bytes, parseInPlace ${parseInPlace}`).toEqual(expected);
    }
  }
  workspace.close();
  return expected;
}

describe('cutting a CSV into pieces', () => {
  /** The record ends a byte-by-byte reader finds (same rules as the row reader). */
  function recordEnds(bytes: Uint8Array, delimiter: number): number[] {
    const ends: number[] = [];
    let inQuotes = false;
    let fieldStart = true;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (inQuotes) {
        if (b === 34) {
          if (bytes[i + 1] === 34) i++;
          else inQuotes = false;
        }
        continue;
      }
      if (b === 34 && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else if (b === 10 || b === 13) {
        if (b === 13 && bytes[i + 1] === 10) i++;
        ends.push(i + 1);
        fieldStart = true;
      } else fieldStart = b === delimiter;
    }
    return ends;
  }

  it('ends a piece only where a record ends, whatever quotes, line breaks and UTF-8 it holds', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const parts = ['a', 'é', '€', ',', '"', '""', '\n', '\r\n', '\r', 'x"y', '"q,\n"', '12.5'];
    for (let round = 0; round < 400; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += parts[Math.floor(random() * parts.length)];
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      const ends = recordEnds(bytes, 44);
      for (let end = 0; end <= bytes.length; end++) {
        // A CR on the last byte may be half of a CRLF: it is not an end yet.
        const possible = ends.filter((e) => e <= end && !(e === end && bytes[e - 1] === 13));
        const expected = possible.length > 0 ? (possible.at(-1) as number) : -1;
        expect(lastRecordEnd(bytes, 0, end, 44), `${JSON.stringify(text)} up to ${end}`).toBe(expected);
      }
    }
  });

  it('never cuts inside a multi-byte UTF-8 character (a line break is never part of one)', () => {
    const bytes = new Uint8Array(Buffer.from('a,b\nZürich,€\n日本,x', 'utf8'));
    const end = lastRecordEnd(bytes, 0, bytes.length, 44);
    expect(Buffer.from(bytes.subarray(0, end)).toString('utf8')).toBe('a,b\nZürich,€\n');
  });
});

describe('importing in pieces on worker threads', () => {
  it('stores the sample exactly as the single-threaded reader does', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.csv');
    await writeSampleFile({ rows: 3_000, seed: 4, out: file });
    await expectSameAsSingleThreaded(fs.readFileSync(file), {}, [4096, 65_536]);
  });

  it('handles quoted fields with delimiters, quotes and line breaks across pieces, with right line numbers', async () => {
    const text =
      'name,note,score,y\n' +
      '"Smith, J.","said ""hi""",0.1,1\n' +
      'Lee,"two\nlines\r\nand three",0.2,0\n' +
      '"Ng","x",oops,1\n' +
      'Zoë,"€ and ""more""\n",0.3,1\r\n' +
      '\n' +
      'Ng,plain,0.4,0\r' +
      'Lee,"",0.5,1\n';
    const request = {
      columns: [
        { source: 'name', kind: 'category' as const, role: 'segment' as const },
        { source: 'note', kind: 'text' as const, role: null },
        { source: 'score', kind: 'number' as const, role: 'score' as const },
        { source: 'y', kind: 'boolean' as const, role: 'outcome' as const },
      ],
      onError: 'skip' as const,
    };
    const result = (await expectSameAsSingleThreaded(text, request)) as {
      summary: { rows: number };
      validation: { rules: { rule: string; examples: unknown[] }[] };
    };
    expect(result.summary.rows).toBe(5);
    expect(result.validation.rules.find((r) => r.rule === 'non-numeric')?.examples).toMatchObject([
      { line: 6, column: 'score' },
    ]);
  });

  it('finds duplicate ids across pieces and reports every rule at its line', async () => {
    const rows = ['id,t,score,y,segment'];
    for (let i = 0; i < 400; i++) {
      const id = i % 97 === 50 ? 3 : i; // a few repeats of id 3, far apart
      const score = i % 61 === 7 ? '1.5' : i % 53 === 9 ? '' : String((i % 10) / 10);
      const y = i % 71 === 5 ? '2' : String(i % 2);
      const t = i % 89 === 11 ? 'never' : `2024-02-${String((i % 28) + 1).padStart(2, '0')}`;
      rows.push(`${id},${t},${score},${y},${['a', 'b', 'ü', 'd'][i % 4]}`);
    }
    rows.splice(120, 0, '999,2024-01-01,0.5'); // ragged
    const text = rows.join('\n') + '\n';
    const request = {
      roles: { id: 'id', time: 't', score: 'score', outcome: 'y', segments: ['segment'] },
      onError: 'skip' as const,
    };
    const skipped = await expectSameAsSingleThreaded(text, request, [64, 300, 2048]);
    const rules = (skipped as { validation: { rules: { rule: string }[] } }).validation.rules.map(
      (r) => r.rule,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'duplicate-id',
        'probability-range',
        'missing-required',
        'outcome-not-binary',
        'unparseable-timestamp',
        'ragged-row',
      ]),
    );
    // Under refuse, the first bad row of the file is the one named, whichever piece found it.
    const refused = await expectSameAsSingleThreaded(text, { ...request, onError: 'refuse' }, [64, 300]);
    expect(refused).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/line \d+/) });
  });

  it('finds a duplicate category id in a later piece', async () => {
    const rows = ['key,score,y', ...Array.from({ length: 200 }, (_, i) => `k${i},0.5,${i % 2}`), 'k3,0.5,1'];
    const text = rows.join('\n') + '\n';
    for (const onError of ['skip', 'refuse'] as const) {
      const result = await expectSameAsSingleThreaded(
        text,
        {
          columns: [
            { source: 'key', kind: 'category', role: 'id' },
            { source: 'score', kind: 'number', role: 'score' },
            { source: 'y', kind: 'boolean', role: 'outcome' },
          ],
          onError,
        },
        [50, 500],
      );
      if (onError === 'refuse') expect(result).toMatchObject({ message: /line 202, column 1 \(key\)/ });
    }
  });

  it('reports invalid UTF-8, an unterminated quote, and a file without a final line break', async () => {
    const bad = Buffer.concat([
      Buffer.from('id,score,y\n1,0.5,1\n2,0.25,0\n3,0.1,'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n4,0.2,1'),
    ]);
    await expectSameAsSingleThreaded(bad, { onError: 'skip' }, [5, 9, 40]);
    await expectSameAsSingleThreaded(bad, {}, [5, 9, 40]);
    const open = 'id,score,y,note\n1,0.5,1,a\n2,0.25,0,"never closed\n3,0.1,1,b\n';
    const refused = await expectSameAsSingleThreaded(open, {}, [5, 9, 40]);
    expect(refused).toMatchObject({ message: /line 3, column 4 \(note\).*unterminated quote/ });
  });

  it('reads Windows-1252, a UTF-8 BOM and gzip in pieces', async () => {
    const text =
      'city,score,y\n' +
      Array.from(
        { length: 60 },
        (_, i) => `${['Zürich', 'Köln', 'Orléans'][i % 3]},0.${i % 10},${i % 2}`,
      ).join('\n') +
      '\n';
    await expectSameAsSingleThreaded(Buffer.from(text, 'latin1'), {}, [11, 100]);
    await expectSameAsSingleThreaded(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      {},
      [11, 100],
    );
    const dir = tempDir();
    const file = writeFile(dir, 'zipped.csv.gz', text, true);
    const workspace = freshWorkspace(dir);
    const single = await outcome(workspace, { file }, {});
    expect(await outcome(workspace, { file }, parallel(37))).toEqual(single);
    workspace.close();
  });

  it('can be cancelled while workers parse, leaving nothing, and lets other work run', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.csv');
    await writeSampleFile({ rows: 120_000, seed: 6, out: file });
    const workspace = freshWorkspace(dir);
    await runImport(workspace, { file: writeFile(dir, 'small.csv', 'score,y\n0.2,1\n'), name: 'kept' });
    const before = workspaceFingerprint(workspace);

    const controller = new AbortController();
    let reports = 0;
    const cancelled = await importFile(
      workspace.db,
      ImportRequestSchema.parse({ file }),
      quietContext(controller.signal, () => {
        if (++reports === 1) controller.abort();
      }),
      parallel(256 * 1024),
    ).catch((e: unknown) => e);
    expect((cancelled as ApiError).code).toBe('cancelled');
    expect(workspaceFingerprint(workspace)).toEqual(before);

    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const { dataset } = await importFile(
      workspace.db,
      ImportRequestSchema.parse({ file }),
      quietContext(),
      parallel(256 * 1024, true),
    );
    clearInterval(timer);
    expect(dataset.rows).toBe(120_000);
    expect(ticks).toBeGreaterThan(1);
    expect(listDatasets(workspace.db).map((d) => d.name)).toEqual(expect.arrayContaining(['kept', 'big']));
    workspace.close();
  }, 60_000);
});

describe('the checkpoint after a large import', () => {
  it('runs on a thread of its own: the data are committed and readable by others at once, and the log is emptied later', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.csv');
    await writeSampleFile({ rows: 50_000, seed: 8, out: file });
    const workspace = freshWorkspace(dir);
    const { dataset } = await importFile(workspace.db, ImportRequestSchema.parse({ file }), quietContext(), {
      pool,
      parallelFromBytes: 0,
      backgroundCheckpoint: true,
    });
    const other = new Database(workspace.path, { readonly: true });
    expect(other.prepare('SELECT row_count FROM datasets WHERE id = ?').pluck().get(dataset.id)).toBe(50_000);
    other.close();
    const wal = `${workspace.path}-wal`;
    const deadline = Date.now() + 20_000;
    while (fs.existsSync(wal) && fs.statSync(wal).size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.statSync(wal).size).toBe(0);
    expect(readColumn(workspace.db, dataset.id, 'score')).toHaveLength(50_000);
    expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
    workspace.close();
  }, 60_000);
});
