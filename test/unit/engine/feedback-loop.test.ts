import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';

let sample: SampleEngine;
beforeAll(async () => {
  sample = await sampleEngine();
});
afterAll(() => sample?.close());

/** The generator's crash clusters (resources/samples/README.md). */
const STRESSED = ['2024-08', '2024-09', '2025-02', '2025-03', '2025-04', '2025-10', '2025-11'];

describe('drift on the bundled sample', () => {
  it('flags the stressed months and only them', async () => {
    const drift = await sample.client.call('analysis.drift', {
      dataset: { id: sample.datasetId },
      period: 'month',
    });
    expect(drift.periods).toHaveLength(24);
    for (const period of drift.periods) {
      if (STRESSED.includes(period.label)) {
        expect(period.light, period.label).toBe('red');
        expect(period.oeRatio!, period.label).toBeGreaterThan(2);
        expect(period.alerts.join(' '), period.label).toMatch(/Jeffreys/);
      } else {
        expect(period.light, period.label).not.toBe('red');
      }
    }
    // The first three months are the PSI reference: they hardly differ from themselves.
    for (const period of drift.periods.slice(0, 3)) expect(period.psi).toBeLessThan(0.02);
  });

  it('takes its alert thresholds as settings', async () => {
    const strict = await sample.client.call('analysis.drift', {
      dataset: { id: sample.datasetId },
      thresholds: { psiWarning: 0.0001, psiAlert: 0.0002, hosmerLemeshowP: 0.5, oeTolerance: 0.01 },
    });
    expect(strict.periods.slice(3).every((p) => p.psiLight === 'red')).toBe(true);
    expect(strict.periods.every((p) => p.alerts.length > 0)).toBe(true);
  });
});

describe('walk-forward recalibration on the bundled sample', () => {
  it('measurably beats never recalibrating in the stressed periods', async () => {
    const result = await sample.client.call('calibration.walkForward', {
      dataset: { id: sample.datasetId },
      method: { method: 'platt' },
      period: 'month',
      window: { kind: 'expanding' },
      initialPeriods: 3,
    });
    expect(result.steps).toHaveLength(21);
    expect(result.steps[0]?.label).toBe('2024-04');
    const stressed = result.steps.filter((s) => STRESSED.includes(s.label));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const staticLoss = mean(stressed.map((s) => s.static.logLoss!));
    const refitLoss = mean(stressed.map((s) => s.refit.logLoss!));
    expect(refitLoss).toBeLessThan(staticLoss - 0.02);
    expect(result.pooled.refit.logLoss!).toBeLessThan(result.pooled.static.logLoss!);
    // Every test row is scored once per strategy.
    const testRows = result.steps.reduce((sum, s) => sum + s.testRows, 0);
    expect(result.pooled.refit.n).toBe(testRows);
    expect(result.latestParams.method).toBe('platt');
  });

  it('uses only the last N periods with a rolling window', async () => {
    const result = await sample.client.call('calibration.walkForward', {
      dataset: { id: sample.datasetId },
      method: { method: 'isotonic' },
      window: { kind: 'rolling', periods: 2 },
      initialPeriods: 2,
    });
    for (let k = 1; k < result.steps.length; k++) {
      const step = result.steps[k]!;
      const previous = result.steps.slice(Math.max(0, k - 2), k);
      if (k >= 2) expect(step.trainRows).toBe(previous.reduce((sum, s) => sum + s.testRows, 0));
    }
  });

  it('is reproducible, and refuses too few periods', async () => {
    await expect(
      sample.client.call('calibration.walkForward', {
        dataset: { id: sample.datasetId },
        method: { method: 'platt' },
        period: 'quarter',
        initialPeriods: 8,
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/spans 8 quarters/) });
  });
});

describe('segment calibration on the bundled sample', () => {
  it('gives the misjudged asset its own map and improves it out of sample', async () => {
    const result = await sample.client.call('calibration.segmented', {
      dataset: { id: sample.datasetId },
      segmentColumn: 'asset',
      minEvents: 30,
    });
    expect(result.segments).toHaveLength(12);
    const pepe = result.segments.find((s) => s.label === 'PEPE')!;
    expect(pepe.map).toBe('own');
    expect(pepe.testSegmented.logLoss!).toBeLessThan(pepe.testGlobal.logLoss! - 0.01);
    expect(Math.abs(pepe.testSegmented.oeRatio! - 1)).toBeLessThan(Math.abs(pepe.testGlobal.oeRatio! - 1));
    expect(result.test.segmented.logLoss!).toBeLessThan(result.test.global.logLoss!);
    expect(result.params.segments.PEPE).toBeDefined();
    expect(result.params.column).toBe('asset');
  });
});
