import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { writeScoresCsv } from '../../fixtures/param-file/scores-csv';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const COLUMNS = ['--score', 'logit_score', '--outcome', 'defaulted', '--score-kind', 'logit'];

describe('scorecal calibrate', () => {
  it('fits on every row with --validation none, writes a verified file and prints params and metrics', () => {
    const dir = tempDir();
    const csv = writeScoresCsv(dir);
    const out = path.join(dir, 'params.json');
    const result = runScorecal([
      'calibrate',
      csv,
      ...COLUMNS,
      '--method',
      'platt',
      '--validation',
      'none',
      '--out',
      out,
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as {
      params: { slope: number };
      metrics: { n: number };
      out: { contentHash: string };
    } & Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'method',
      'options',
      'params',
      'scoreInput',
      'validation',
      'rows',
      'metrics',
      'ci',
      'uncalibrated',
      'out',
      'model',
    ]);
    expect(json.validation).toEqual({ scheme: 'none' });
    expect(json.rows).toMatchObject({ train: 3000, test: 3000, used: 3000 });
    expect(json.metrics.n).toBe(3000);
    // Platt on the logit recovers the generating map z → 0.7 z - 0.4 (to sampling error).
    expect(json.params.slope).toBeGreaterThan(0.55);
    expect(json.params.slope).toBeLessThan(0.85);
    const document = readParamFile(out);
    expect(document.params).toEqual(json.params);
    expect(document.contentHash.value).toBe(json.out.contentHash);
    expect(document.scoreInput).toEqual({ kind: 'logit' });
    expect(document.provenance.dataset).toMatchObject({
      name: 'scores',
      sourceName: 'scores.csv',
      rows: 3000,
      timeMin: '2024-01-01T00:00:00.000Z',
    });
  });

  it('validates out of time and prints a table without --json', () => {
    const dir = tempDir();
    const csv = writeScoresCsv(dir);
    const out = path.join(dir, 'p.json');
    const result = runScorecal([
      'calibrate',
      csv,
      ...COLUMNS,
      '--method',
      'venn-abers',
      '--validation',
      'time',
      '--split-at',
      '2024-10-01',
      '--out',
      out,
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /training rows, .* test rows \(out of time from 2024-10-01T00:00:00\.000Z\)/,
    );
    expect(result.stdout).toContain('ECE');
    expect(readParamFile(out).provenance.validation).toEqual({
      scheme: 'time',
      splitAt: '2024-10-01T00:00:00.000Z',
    });
  });

  it('answers usage errors with exit 2 and failures with exit 1', () => {
    const dir = tempDir();
    const csv = writeScoresCsv(dir, 200);
    const out = path.join(dir, 'p.json');
    const unknownMethod = runScorecal(['calibrate', csv, ...COLUMNS, '--method', 'magic', '--out', out]);
    expect(unknownMethod.status).toBe(2);
    expect(unknownMethod.stderr).toContain('--method must be one of platt, temperature');
    const noSplit = runScorecal([
      'calibrate',
      csv,
      ...COLUMNS,
      '--method',
      'platt',
      '--validation',
      'time',
      '--out',
      out,
    ]);
    expect(noSplit.status).toBe(2);
    expect(noSplit.stderr).toContain('--validation time needs --split-at DATE');
    const noColumn = runScorecal([
      'calibrate',
      csv,
      '--score',
      'nope',
      '--outcome',
      'defaulted',
      '--method',
      'platt',
      '--out',
      out,
    ]);
    expect(noColumn.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('has --help', () => {
    const help = runScorecal(['calibrate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--method <method>');
    expect(help.stdout).toContain('--split-at <date>');
  });
});
