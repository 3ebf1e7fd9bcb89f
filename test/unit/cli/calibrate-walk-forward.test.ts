import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WalkForwardOutput } from '../../../shared/api/calls/calibration-calls';
import { readParamFile } from '../../../electron/engine/param-file/param-file-io';
import { runScorecal } from '../../helpers/run-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'resources', 'samples', 'liquidations-100k.csv.gz');
const WALK = ['calibrate', SAMPLE, '--method', 'platt', '--validation', 'walk-forward', '--period', 'month'];
/**
 * The sample's stress episodes are 2024-08/09, 2025-02/03/04 and 2025-10/11, where the score
 * underestimates liquidations; these are the second month of each.
 */
const SECOND_STRESSED_MONTHS = ['2024-09', '2025-03', '2025-11'];

describe('scorecal calibrate --validation walk-forward', () => {
  it('prints a row per month after the first three and the pooled metrics, where refitting beats never recalibrating', () => {
    const dir = tempDir();
    const out = path.join(dir, 'walk.json');
    const result = runScorecal([...WALK, '--initial-periods', '3', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const months = result.stdout.split('\n').filter((line) => /^\d{4}-\d{2}\s/.test(line));
    expect(months).toHaveLength(21);
    expect(months[0]).toMatch(/^2024-04\s/);
    expect(months[20]).toMatch(/^2025-12\s/);
    for (const header of ['raw log loss', 'static ECE', 'refit O/E', 'refit light'])
      expect(result.stdout).toContain(header);
    const pooledLogLoss = /^log loss\s+(\S+)\s+(\S+)\s+(\S+)/m.exec(result.stdout);
    expect(pooledLogLoss, result.stdout).not.toBeNull();
    const [raw, never, refit] = pooledLogLoss!.slice(1).map(Number) as [number, number, number];
    expect(refit).toBeLessThan(never);
    expect(refit).toBeLessThan(raw);
    expect(result.stdout).toMatch(/Wrote .*walk\.json \(the map fitted on the [\d,]+ rows before 2025-12/);

    // The file: the last window's map, the walk-forward recorded, the pooled refit metrics.
    const document = readParamFile(out);
    expect(document.method).toBe('platt');
    expect(document.provenance.validation).toEqual({
      scheme: 'walk-forward',
      period: 'month',
      window: { kind: 'expanding' },
      initialPeriods: 3,
    });
    expect(document.validationMetrics.calibrated.diagnostic.logLoss!.toFixed(4)).toBe(refit.toFixed(4));
    expect(document.validationMetrics.uncalibrated!.diagnostic.logLoss!.toFixed(4)).toBe(raw.toFixed(4));
    const verified = runScorecal(['verify', out]);
    expect(verified.status, verified.stdout).toBe(0);
  });

  it('prints the whole result with --json: rolling window, intervals with --bootstrap', () => {
    const result = runScorecal([
      ...WALK,
      '--window',
      'rolling:2',
      '--initial-periods',
      '2',
      '--bootstrap',
      '20',
      '--seed',
      '7',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as WalkForwardOutput & { out: unknown };
    expect(json.window).toEqual({ kind: 'rolling', periods: 2 });
    expect(json.initialPeriods).toBe(2);
    expect(json.steps).toHaveLength(22);
    expect(json.out).toBeNull();
    // A rolling window of two months trains on two months of rows at most.
    expect(Math.max(...json.steps.map((s) => s.trainRows))).toBeLessThan(15_000);
    const ci = json.pooledCi!.refit.logLoss!;
    expect(ci[0]).toBeLessThanOrEqual(json.pooled.refit.logLoss!);
    expect(ci[1]).toBeGreaterThanOrEqual(json.pooled.refit.logLoss!);
    // Refitting catches up with a stress the month after it starts: in the second stressed month
    // of each episode the refitted map is closer to the observed rate than the raw score.
    for (const label of SECOND_STRESSED_MONTHS) {
      const step = json.steps.find((s) => s.label === label)!;
      expect(Math.abs(Math.log(step.refit.oeRatio!))).toBeLessThan(
        Math.abs(Math.log(step.uncalibrated.oeRatio!)),
      );
    }
  });

  it('answers a bad window, period or flag mix with exit 2', () => {
    const bogus = runScorecal([...WALK, '--window', 'bogus']);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain('--window must be expanding or rolling:N');
    expect(runScorecal([...WALK, '--window', 'rolling:0']).status).toBe(2);
    const period = runScorecal([
      'calibrate',
      SAMPLE,
      '--method',
      'platt',
      '--validation',
      'walk-forward',
      '--period',
      'day',
    ]);
    expect(period.status).toBe(2);
    expect(period.stderr).toContain('--period must be week, month or quarter');
    const notWalk = runScorecal(['calibrate', SAMPLE, '--method', 'platt', '--period', 'month', '--json']);
    expect(notWalk.status).toBe(2);
    expect(notWalk.stderr).toContain('--period needs --validation walk-forward');
    const mixed = runScorecal([...WALK, '--test-fraction', '0.2']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('--test-fraction cannot be used with --validation walk-forward');
    const tooMany = runScorecal([...WALK, '--initial-periods', '30']);
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toMatch(
      /spans 24 months; a walk-forward with 30 initial months needs at least 31/,
    );
  });
});
