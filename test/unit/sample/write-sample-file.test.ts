import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateSampleRows } from '../../../electron/engine/sample/generate-sample-rows';
import {
  SAMPLE_COLUMNS,
  SAMPLE_FILE_NAME,
  SAMPLE_ROWS,
  SAMPLE_SEED,
} from '../../../electron/engine/sample/sample-columns';
import { SAMPLE_CSV_HEADER } from '../../../electron/engine/sample/sample-csv';
import { writeSampleFile } from '../../../electron/engine/sample/write-sample-file';
import { useTempDirs } from '../../helpers/temp-dir';
import { parseSampleCsv } from './sample-csv-reader';

/** Stated in resources/samples/README.md. */
const BUNDLED_GZ_SHA256 = '8f925766f03cd68b9ed31e53388398bd5dd4887325e7b4717f33cef0eebfa167';
const BUNDLED_CSV_SHA256 = '1b5b63c48c210e0ff3dfab3ff82a863e27f006b8ff726062a8238761a347e4d6';
/** The zlib build the bundled file was compressed with; other builds may compress differently. */
const BUNDLED_ZLIB = '1.3.1-e00f703';

const bundledPath = path.resolve(__dirname, '../../../resources/samples', SAMPLE_FILE_NAME);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const tempDir = useTempDirs();

describe('writeSampleFile', () => {
  it('writes gzip that decompresses to the generator rows, with the size and SHA-256 it reports', async () => {
    const out = path.join(tempDir(), 'sample.csv.gz');
    const written = await writeSampleFile({ rows: 3_000, seed: 5, out });
    const bytes = fs.readFileSync(out);
    expect(written).toEqual({ rows: 3_000, bytes: bytes.length, sha256: sha256(bytes) });
    // A gzip member (1f 8b, deflate), no mtime, OS byte "unknown" whatever the platform.
    expect([...bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);

    const text = gunzipSync(bytes).toString('utf8');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('"');
    const { header, positions } = parseSampleCsv(text);
    // The column contract other modules import against.
    expect(header).toBe(
      'position_id,opened_at,asset,side,leverage,collateral_ratio,horizon_days,realized_vol,long_run_vol,score,liquidated',
    );
    expect(`${header}\n`).toBe(SAMPLE_CSV_HEADER);
    expect(
      SAMPLE_COLUMNS.filter((column) => column.role !== 'feature').map((c) => `${c.name}:${c.role}`),
    ).toEqual([
      'position_id:id',
      'opened_at:time',
      'asset:segment',
      'side:segment',
      'score:score',
      'liquidated:outcome',
    ]);
    const rows = [...generateSampleRows({ rows: 3_000, seed: 5 })];
    expect(positions).toHaveLength(rows.length);
    positions.forEach((position, i) => {
      const row = rows[i]!;
      expect(position).toEqual({
        positionId: row.positionId,
        openedAt: new Date(row.openedAtMs).toISOString().replace('.000Z', 'Z'),
        asset: row.asset,
        side: row.side,
        leverage: row.leverage,
        collateralRatio: row.collateralRatio,
        horizonDays: row.horizonDays,
        realizedVol: row.realizedVol,
        longRunVol: row.longRunVol,
        score: row.score,
        liquidated: row.liquidated,
      });
    });
  });

  it('gives the same bytes for the same seed, other bytes for another seed, plain CSV without .gz', async () => {
    const dir = tempDir();
    const first = await writeSampleFile({ rows: 20_000, seed: 9, out: path.join(dir, 'a.csv.gz') });
    const again = await writeSampleFile({ rows: 20_000, seed: 9, out: path.join(dir, 'b.csv.gz') });
    const otherSeed = await writeSampleFile({ rows: 20_000, seed: 10, out: path.join(dir, 'c.csv.gz') });
    const plain = await writeSampleFile({ rows: 20_000, seed: 9, out: path.join(dir, 'd.csv') });
    expect(again.sha256).toBe(first.sha256);
    expect(otherSeed.sha256).not.toBe(first.sha256);
    expect(plain.sha256).toBe(sha256(gunzipSync(fs.readFileSync(path.join(dir, 'a.csv.gz')))));
    expect(plain.bytes).toBeGreaterThan(3 * first.bytes);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.csv.gz', 'b.csv.gz', 'c.csv.gz', 'd.csv']);
  });

  it('reports progress every 50,000 rows and at the end', async () => {
    const calls: [number, number][] = [];
    await writeSampleFile({
      rows: 120_000,
      seed: 1,
      out: path.join(tempDir(), 'progress.csv'),
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [50_000, 120_000],
      [100_000, 120_000],
      [120_000, 120_000],
    ]);
  });

  it('leaves no file behind when cancelled midway', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const writing = writeSampleFile({
      rows: 5_000_000,
      seed: 1,
      out: path.join(dir, 'cancelled.csv.gz'),
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 50_000) controller.abort();
      },
    });
    await expect(writing).rejects.toThrow(/cancelled/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('does not start when already cancelled', async () => {
    const dir = tempDir();
    await expect(
      writeSampleFile({ rows: 10, seed: 1, out: path.join(dir, 'x.csv'), signal: AbortSignal.abort() }),
    ).rejects.toThrow(/cancelled/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps an existing file intact and removes its temporary file when the write fails', async () => {
    const dir = tempDir();
    // The destination is a non-empty folder: the data is written, then the final rename fails.
    fs.mkdirSync(path.join(dir, 'taken.csv'));
    fs.writeFileSync(path.join(dir, 'taken.csv', 'keep.txt'), 'keep');
    await expect(writeSampleFile({ rows: 1_000, seed: 1, out: path.join(dir, 'taken.csv') })).rejects.toThrow(
      /Could not write the sample to .*taken\.csv/,
    );
    expect(fs.readdirSync(dir)).toEqual(['taken.csv']);
    expect(fs.readFileSync(path.join(dir, 'taken.csv', 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('says which file it could not write when the folder does not exist', async () => {
    const out = path.join(tempDir(), 'missing', 'sample.csv');
    await expect(writeSampleFile({ rows: 10, seed: 1, out })).rejects.toThrow(/missing.sample\.csv.*ENOENT/);
  });

  it('rejects a row count that is not a positive integer before touching the disk', async () => {
    const dir = tempDir();
    await expect(writeSampleFile({ rows: 0, seed: 1, out: path.join(dir, 'x.csv') })).rejects.toThrow(/rows/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('the bundled sample', () => {
  const bundled = fs.readFileSync(bundledPath);

  it('is the file the README describes, and decompresses to a fresh generation with seed 42', async () => {
    expect(sha256(bundled)).toBe(BUNDLED_GZ_SHA256);
    expect(sha256(gunzipSync(bundled))).toBe(BUNDLED_CSV_SHA256);
    const fresh = await writeSampleFile({
      rows: SAMPLE_ROWS,
      seed: SAMPLE_SEED,
      out: path.join(tempDir(), 'fresh.csv'),
    });
    expect(fresh.sha256).toBe(BUNDLED_CSV_SHA256);
  });

  // Compressed bytes depend on the zlib build (Node bundles its own and has changed it before);
  // the decompressed CSV above is the platform-independent identity of the sample.
  it.runIf(process.versions.zlib === BUNDLED_ZLIB)('is regenerated byte for byte, compressed', async () => {
    const out = path.join(tempDir(), SAMPLE_FILE_NAME);
    const fresh = await writeSampleFile({ rows: SAMPLE_ROWS, seed: SAMPLE_SEED, out });
    expect(fresh.sha256).toBe(BUNDLED_GZ_SHA256);
    expect(fs.readFileSync(out).equals(bundled)).toBe(true);
  });
});
