import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SegmentedOutput } from '../../../shared/api/calls/calibration-calls';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { applyParams } from '../../../resources/reference/apply-params.mjs';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'resources', 'samples', 'liquidations-100k.csv.gz');
const ASSETS = ['ADA', 'AVAX', 'BNB', 'BTC', 'DOGE', 'DOT', 'ETH', 'LINK', 'LTC', 'PEPE', 'SOL', 'XRP'];

/**
 * New data to score: the sample's first rows with their asset, plus a row of an asset the file has
 * never seen and one without an asset (both take the global map).
 */
function writeNewRows(dir: string): string {
  const lines = zlib.gunzipSync(fs.readFileSync(SAMPLE)).toString('utf8').split('\n').slice(0, 1501);
  const header = lines[0]!.split(',');
  const asset = header.indexOf('asset');
  const template = lines[1]!.split(',');
  const id = header.indexOf('position_id');
  const withAsset = (value: string, rowId: number) =>
    template.map((cell, i) => (i === asset ? value : i === id ? String(rowId) : cell)).join(',');
  const file = path.join(dir, 'new-rows.csv');
  fs.writeFileSync(file, `${[...lines, withAsset('NEWCOIN', 900_001), withAsset('', 900_002)].join('\n')}\n`);
  return file;
}

describe('scorecal calibrate --segment', () => {
  it('lists every asset, gives PEPE its own map that scores better out of sample, and writes one verified file that apply uses', () => {
    const dir = tempDir();
    const out = path.join(dir, 'segmented.json');
    const result = runScorecal([
      'calibrate',
      SAMPLE,
      '--segment',
      'asset',
      '--min-events',
      '30',
      '--out',
      out,
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as SegmentedOutput & {
      out: { path: string; contentHash: string };
    };
    expect(json.segments.map((s) => s.label).sort()).toEqual(ASSETS);
    const pepe = json.segments.find((s) => s.label === 'PEPE')!;
    expect(pepe.map).toBe('own');
    expect(pepe.shrinkage!.slope).toBeGreaterThan(0);
    expect(pepe.testSegmented.logLoss!).toBeLessThan(pepe.testGlobal.logLoss!);
    expect(Math.abs(Math.log(pepe.testSegmented.oeRatio!))).toBeLessThan(
      Math.abs(Math.log(pepe.testGlobal.oeRatio!)),
    );
    expect(json.test.segmented.logLoss!).toBeLessThan(json.test.global.logLoss!);
    expect(json.rows).toEqual({ train: 70_000, test: 30_000 });

    const document = readParamFile(out);
    expect(document.contentHash.value).toBe(json.out.contentHash);
    expect(document.method).toBe('segmented-platt');
    expect(document.params).toEqual(json.params);
    expect(document.provenance.validation).toEqual({ scheme: 'holdout', testFraction: 0.3, seed: 1 });
    const verified = runScorecal(['verify', out]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('valid segmented-platt parameter file');

    // Scoring a CSV that carries the asset column: every row through its asset's map.
    const csv = writeNewRows(dir);
    const scored = path.join(dir, 'scored.csv');
    const applied = runScorecal(['apply', out, csv, '--out', scored, '--json']);
    expect(applied.status, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ method: 'segmented-platt', rows: { scored: 1502 } });
    const [head, ...rows] = fs.readFileSync(scored, 'utf8').trimEnd().split('\n');
    const columns = head!.split(',');
    const cells = rows.map((line) => line.split(','));
    const scores = cells.map((c) => Number(c[columns.indexOf('score')]));
    const assets = cells.map((c) => c[columns.indexOf('asset')] || null);
    expect(assets.slice(-2)).toEqual(['NEWCOIN', null]);
    const reference = applyParams(JSON.parse(fs.readFileSync(out, 'utf8')), scores, assets).p;
    expect(cells.map((c) => Number(c[columns.indexOf('calibrated')]))).toEqual(reference);
    // The unknown and the missing asset both take the global map.
    const global = applyParams(JSON.parse(fs.readFileSync(out, 'utf8')), scores.slice(-2), [null, null]).p;
    expect(reference.slice(-2)).toEqual(global);
  });

  it('prints the segment table and the overall comparison', () => {
    const result = runScorecal([
      'calibrate',
      SAMPLE,
      '--segment',
      'asset',
      '--min-events',
      '200',
      '--seed',
      '3',
    ]);
    expect(result.status, result.stderr).toBe(0);
    for (const header of ['λ intercept', 'λ slope', 'log loss global', 'log loss segmented', 'O/E segmented'])
      expect(result.stdout).toContain(header);
    const lines = result.stdout.split('\n');
    const row = (asset: string) => lines.find((line) => line.startsWith(`${asset} `))!;
    for (const asset of ASSETS) expect(row(asset), asset).toBeDefined();
    // 200 events and non-events: the big assets earn a map, LTC (about 130 events) keeps the global one.
    expect(row('BTC')).toMatch(/\sown\s/);
    expect(row('LTC')).toMatch(/\sglobal\s/);
    expect(result.stdout).toMatch(/^test metric\s+raw\s+global map\s+segmented/m);
  });

  it('refuses other calibrators and flags that do not apply, with exit 2', () => {
    const isotonic = runScorecal(['calibrate', SAMPLE, '--segment', 'asset', '--method', 'isotonic']);
    expect(isotonic.status).toBe(2);
    expect(isotonic.stderr).toContain(
      "--segment fits Platt maps only (segment shrinkage is defined for Platt's",
    );
    const walk = runScorecal(['calibrate', SAMPLE, '--segment', 'asset', '--validation', 'walk-forward']);
    expect(walk.status).toBe(2);
    expect(walk.stderr).toContain('--segment is validated on a stratified holdout');
    const bootstrap = runScorecal(['calibrate', SAMPLE, '--segment', 'asset', '--bootstrap', '50']);
    expect(bootstrap.status).toBe(2);
    expect(bootstrap.stderr).toContain('--bootstrap cannot be used with --segment');
    const minEvents = runScorecal(['calibrate', SAMPLE, '--method', 'platt', '--min-events', '5', '--json']);
    expect(minEvents.status).toBe(2);
    expect(minEvents.stderr).toContain('--min-events needs --segment COL');
    const noMethod = runScorecal(['calibrate', SAMPLE, '--json']);
    expect(noMethod.status).toBe(2);
    expect(noMethod.stderr).toContain('--method is required');
  });

  it('fails with exit 1 when the data to score lacks the segment column', () => {
    const dir = tempDir();
    const out = path.join(dir, 'segmented.json');
    expect(runScorecal(['calibrate', SAMPLE, '--segment', 'asset', '--out', out]).status).toBe(0);
    const csv = path.join(dir, 'no-asset.csv');
    fs.writeFileSync(csv, 'score,liquidated\n0.1,0\n0.2,1\n');
    const applied = runScorecal(['apply', out, csv, '--out', path.join(dir, 'scored.csv')]);
    expect(applied.status).toBe(1);
    // The file is read with the segment column as a category, so the import already misses it.
    expect(applied.stderr).toContain('there is no column "asset" for the segment');
    expect(fs.existsSync(path.join(dir, 'scored.csv'))).toBe(false);
  });
});
