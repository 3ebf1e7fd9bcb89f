import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyParams } from '../../../resources/reference/apply-params.mjs';
import { writeScoresCsv } from '../../fixtures/param-file/scores-csv';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const COLUMNS = ['--score', 'logit_score', '--outcome', 'defaulted', '--score-kind', 'logit'];

/** Splits a CSV line on commas outside quotes (enough for what Scorecal writes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

function calibrate(dir: string, csv: string, method: string): string {
  const params = path.join(dir, `${method}.json`);
  const fit = runScorecal(['calibrate', csv, ...COLUMNS, '--method', method, '--out', params]);
  expect(fit.status, fit.stderr).toBe(0);
  return params;
}

describe('scorecal apply', () => {
  it('writes every row back faithfully with the calibrated interval appended, and monitors drift', () => {
    const dir = tempDir();
    const train = writeScoresCsv(dir, 3000, 'train.csv');
    const params = calibrate(dir, train, 'venn-abers');
    const fresh = writeScoresCsv(dir, 1200, 'fresh.csv');
    const out = path.join(dir, 'scored.csv');
    const result = runScorecal(['apply', params, fresh, '--out', out, '--column', 'pd', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      rows: Record<string, number>;
      monitoring: { checks: unknown[]; light: string };
    };
    expect(json.rows).toMatchObject({ scored: 1200, monitored: 1200, missingScore: 0 });
    expect(json.monitoring.checks).toHaveLength(3);
    expect(['green', 'yellow', 'red']).toContain(json.monitoring.light);

    const source = fs.readFileSync(fresh, 'utf8').trimEnd().split('\n').map(fields);
    const scored = fs.readFileSync(out, 'utf8').trimEnd().split('\n').map(fields);
    expect(scored[0]).toEqual([...source[0]!, 'pd', 'pd_p0', 'pd_p1']);
    expect(scored).toHaveLength(source.length);
    const document = JSON.parse(fs.readFileSync(params, 'utf8')) as Parameters<typeof applyParams>[0];
    const reference = applyParams(
      document,
      source.slice(1).map((row) => Number(row[3])),
    );
    for (let r = 1; r < source.length; r++) {
      const [id, time, desk, score, outcome] = source[r]!;
      const row = scored[r]!;
      expect(row.slice(0, 5)).toEqual([
        id,
        new Date(time!).toISOString(),
        desk,
        String(Number(score)),
        outcome,
      ]);
      expect(Number(row[5])).toBe(reference.p![r - 1]);
      expect(Number(row[6])).toBe(reference.p0![r - 1]);
      expect(Number(row[7])).toBe(reference.p1![r - 1]);
    }
    expect(scored.some((row) => row[2] === 'Credit, EU')).toBe(true);
  });

  it('refuses a tampered parameter file before reading any data', () => {
    const dir = tempDir();
    const csv = writeScoresCsv(dir, 400);
    const params = calibrate(dir, csv, 'platt');
    const document = JSON.parse(fs.readFileSync(params, 'utf8')) as { params: { slope: number } };
    document.params.slope += 0.5;
    fs.writeFileSync(params, JSON.stringify(document, null, 2));
    const out = path.join(dir, 'scored.csv');
    const result = runScorecal(['apply', params, csv, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content hash mismatch: the file was changed after it was written');
    expect(fs.existsSync(out)).toBe(false);
  });
});
