import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readColumn } from '../../../electron/engine/store/read-column';
import { useTempDirs } from '../../helpers/temp-dir';
import { expectRefusal, fixturesDir, freshWorkspace, runImport, writeFile } from './import-test-kit';

const tempDir = useTempDirs();

/** Each bad file gives a clear error naming the file (and line and column where there is one) and leaves nothing. */
describe('bad input', () => {
  const good = 'id,score,y\n1,0.5,1\n2,0.25,0\n';

  it('an empty file', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    await expectRefusal(workspace, { file: writeFile(dir, 'empty.csv', '') }, /empty\.csv is empty/);
  });

  it('a header without rows', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    await expectRefusal(
      workspace,
      { file: writeFile(dir, 'header.csv', 'id,score,y\n') },
      /header\.csv has a header but no data rows/,
    );
  });

  it('ragged rows', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const file = writeFile(dir, 'ragged.csv', `${good}3,0.1\n`);
    await expectRefusal(
      workspace,
      { file },
      /ragged\.csv, line 4: expected 3 fields \(as in the header\) but found 2/,
    );
  });

  it('an unterminated quote', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const file = writeFile(dir, 'quote.csv', `${good}3,"0.1,1\n4,0.2,0\n`);
    await expectRefusal(
      workspace,
      { file },
      /quote\.csv, line 4, column 2 \(score\): a quoted field is never closed/,
    );
  });

  it('a 10,000-column file imports, with short chunks', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const names = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 30 }, (_, r) => names.map((_, c) => String(r * 10_000 + c)).join(','));
    const file = writeFile(dir, 'wide.csv', [names.join(','), ...rows].join('\n'));
    const { dataset } = await runImport(workspace, { file });
    expect(dataset.rows).toBe(30);
    expect(readColumn(workspace.db, dataset.id, 'c9999')[29]).toBe(29 * 10_000 + 9999);
  });

  it('a 1 MB line imports when it is a valid (long) field', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const long = 'x'.repeat(1024 * 1024);
    const file = writeFile(dir, 'long.csv', `note,score,y\n"${long}",0.5,1\nshort,0.1,0\n`);
    const { dataset } = await runImport(workspace, {
      file,
      columns: [
        { source: 'note', kind: 'text', role: null },
        { source: 'score', kind: 'number', role: 'score' },
        { source: 'y', kind: 'boolean', role: 'outcome' },
      ],
    });
    expect(dataset.rows).toBe(2);
  });

  it('a 1 MB line of garbage is refused at its line and column', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const file = writeFile(dir, 'garbage-line.csv', `${good}${'z'.repeat(1024 * 1024)},0.5,1\n`);
    const columns = [
      { source: 'id', kind: 'integer' as const, role: 'id' as const },
      { source: 'score', kind: 'number' as const, role: 'score' as const },
      { source: 'y', kind: 'boolean' as const, role: 'outcome' as const },
    ];
    await expectRefusal(
      workspace,
      { file, columns },
      /garbage-line\.csv, line 4, column 1 \(id\): "z+…" is not a number/,
    );
  });

  it('binary garbage', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expectRefusal(
      workspace,
      { file: writeFile(dir, 'noise.bin', bytes) },
      /noise\.bin does not look like a text file/,
    );
  });

  it('a truncated gzip file', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},${(i % 100) / 100},${i % 2}`).join('\n');
    const zipped = zlib.gzipSync(Buffer.from(`id,score,y\n${rows}\n`));
    const file = writeFile(dir, 'cut.csv.gz', zipped.subarray(0, Math.floor(zipped.length * 0.6)));
    await expectRefusal(workspace, { file }, /cut\.csv\.gz: the gzip data is truncated/);
  });

  it('a truncated or corrupt Parquet file', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const parquet = fs.readFileSync(path.join(fixturesDir, 'positions-plain.parquet'));
    const cut = writeFile(dir, 'cut.parquet', parquet.subarray(0, parquet.length - 100));
    await expectRefusal(
      workspace,
      { file: cut, read: { format: 'parquet' } },
      /cut\.parquet is not a readable Parquet file/,
    );
    const corrupt = Buffer.from(parquet);
    corrupt.fill(0xff, 4, 24); // the first page header
    const file = writeFile(dir, 'corrupt.parquet', corrupt);
    await expectRefusal(workspace, { file }, /corrupt\.parquet/);
  });

  it('invalid UTF-8 bytes in a file read as UTF-8', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    const bytes = Buffer.concat([
      Buffer.from('city,score,y\nBern,0.5,1\nZ'),
      Buffer.from([0xfc, 0xff]),
      Buffer.from('rich,0.2,0\n'),
    ]);
    const file = writeFile(dir, 'mixed.csv', bytes);
    await expectRefusal(
      workspace,
      { file, read: { encoding: 'utf-8' } },
      /mixed\.csv, line 3, column 1 \(city\): the bytes are not valid UTF-8; if the file is Latin-1/,
    );
  });

  it('a path that does not exist, or is a folder', async () => {
    const dir = tempDir();
    const workspace = freshWorkspace(dir);
    await expectRefusal(
      workspace,
      { file: path.join(dir, 'nope.csv') },
      /nope\.csv does not exist/,
      'not-found',
    );
    await expectRefusal(workspace, { file: dir }, /is a folder, not a file/);
  });
});
