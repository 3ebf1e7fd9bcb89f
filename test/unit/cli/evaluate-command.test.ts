import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'resources', 'samples', 'liquidations-100k.csv.gz');

const DOCUMENTED_KEYS = [
  'n',
  'positives',
  'baseRate',
  'meanPredicted',
  'oeRatio',
  'brier',
  'brierDecomposition',
  'logLoss',
  'auc',
  'gini',
  'ks',
  'ece',
  'mce',
  'ace',
  'intercept',
  'slope',
  'interceptOffset',
  'spiegelhalter',
  'hosmerLemeshow',
  'rms',
  'reliability',
];

/** A small CSV with ties, a weight column and a logit score, written by the test. */
function writeCsv(dir: string): string {
  const file = path.join(dir, 'scores.csv');
  const lines = ['id,logit_score,defaulted,exposure'];
  for (let i = 0; i < 400; i++) {
    const logit = -3 + (i % 40) / 8;
    const p = 1 / (1 + Math.exp(-logit));
    const defaulted = (i * 7919) % 1000 < p * 1000 ? 1 : 0;
    lines.push(`${i + 1},${logit},${defaulted},${1 + (i % 3)}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('scorecal evaluate', () => {
  it('prints exactly the documented keys for a CSV given directly, with no workspace', () => {
    const result = runScorecal(['evaluate', SAMPLE, '--score', 'score', '--outcome', 'liquidated', '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(DOCUMENTED_KEYS);
    expect(json.n).toBe(100_000);
    expect(json.positives).toBe(7488);
    expect(Object.keys(json.brierDecomposition as object)).toEqual([
      'reliability',
      'resolution',
      'uncertainty',
    ]);
    expect(Object.keys(json.rms as object)).toEqual(['Dxy', 'C', 'R2', 'D', 'U', 'Q', 'Emax', 'E90', 'Eavg']);
    expect(Object.keys((json.reliability as object[])[0] as object)).toEqual([
      'lo',
      'hi',
      'n',
      'meanPredicted',
      'observedRate',
      'ciLow',
      'ciHigh',
    ]);
  });

  it('adds a ci object with [low, high] per scalar metric when bootstrapped, reproducibly', () => {
    const dir = tempDir();
    const csv = writeCsv(dir);
    const args = [
      'evaluate',
      csv,
      '--score',
      'logit_score',
      '--outcome',
      'defaulted',
      '--score-kind',
      'logit',
      '--bootstrap',
      '50',
      '--seed',
      '3',
      '--json',
    ];
    const first = runScorecal(args);
    expect(first.status, first.stderr).toBe(0);
    const json = JSON.parse(first.stdout) as { ci: Record<string, [number, number] | null>; brier: number };
    const [low, high] = json.ci.brier ?? [NaN, NaN];
    expect(low).toBeLessThanOrEqual(json.brier);
    expect(high).toBeGreaterThanOrEqual(json.brier);
    expect(Object.keys(json.ci)).toContain('rms.Emax');
    expect(JSON.parse(runScorecal(args).stdout)).toEqual(json);
  });

  it('uses sample weights', () => {
    const dir = tempDir();
    const csv = writeCsv(dir);
    const base = [
      'evaluate',
      csv,
      '--score',
      'logit_score',
      '--outcome',
      'defaulted',
      '--score-kind',
      'logit',
      '--json',
    ];
    const unweighted = JSON.parse(runScorecal(base).stdout) as { brier: number };
    const weighted = JSON.parse(runScorecal([...base, '--weight', 'exposure']).stdout) as { brier: number };
    expect(weighted.brier).not.toBeCloseTo(unweighted.brier, 10);
  });

  it('prints a readable table without --json', () => {
    const result = runScorecal([
      'evaluate',
      SAMPLE,
      '--score',
      'score',
      '--outcome',
      'liquidated',
      '--binning',
      'quantile',
      '--bins',
      '5',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/observed \/ expected\s+1\.52/);
    expect(result.stdout).toMatch(/Reliability/);
    expect(result.stdout.match(/^\[0\.\d+, /gm)).toHaveLength(5);
  });

  it('evaluates a dataset of the workspace by name', () => {
    const dir = tempDir();
    const workspace = path.join(dir, 'w.sqlite');
    const imported = runScorecal(['import', SAMPLE, '--name', 'book', '--workspace', workspace, '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    const result = runScorecal(['evaluate', 'book', '--workspace', workspace, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { n: number }).n).toBe(100_000);
  });

  it('breaks calibration down by period, segment and quantile regime', () => {
    const result = runScorecal([
      'evaluate',
      SAMPLE,
      '--score',
      'score',
      '--outcome',
      'liquidated',
      '--time',
      'opened_at',
      '--by-time',
      'quarter',
      '--by-segment',
      'asset',
      '--by-quantiles',
      'realized_vol:3',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<
      string,
      Array<{ label: string; n: number; light: string; oeRatio: number }>
    >;
    expect(json.byTime?.map((g) => g.label)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    expect(json.byTime?.find((g) => g.label === '2025-Q1')?.light).toBe('red');
    expect(json['bySegment:asset']).toHaveLength(12);
    const regimes = json['byQuantiles:realized_vol'] ?? [];
    expect(regimes).toHaveLength(3);
    expect(regimes[0]!.oeRatio).toBeLessThan(regimes[2]!.oeRatio);
    const badQuantiles = runScorecal(['evaluate', SAMPLE, '--by-quantiles', 'realized_vol']);
    expect(badQuantiles.status).toBe(2);
    expect(badQuantiles.stderr).toMatch(/COLUMN:K/);
  });

  it('exits 2 on bad options and 1 on a missing dataset, with one clear line', () => {
    const badBins = runScorecal(['evaluate', SAMPLE, '--bins', 'ten']);
    expect(badBins.status).toBe(2);
    expect(badBins.stderr).toMatch(/--bins must be an integer/);
    const badKind = runScorecal(['evaluate', SAMPLE, '--score-kind', 'points']);
    expect(badKind.status).toBe(2);
    expect(badKind.stderr).toMatch(/--points-offset/);
    const missing = runScorecal([
      'evaluate',
      'no-such-dataset',
      '--workspace',
      path.join(tempDir(), 'w.sqlite'),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-dataset/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
