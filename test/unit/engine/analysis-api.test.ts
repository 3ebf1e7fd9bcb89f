import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEngine, type SampleEngine } from '../../helpers/sample-engine';

let sample: SampleEngine;
beforeAll(async () => {
  sample = await sampleEngine();
});
afterAll(() => sample?.close());

describe('analysis.evaluate on the bundled sample', () => {
  it('reads the score and outcome by their roles and measures the documented miscalibration', async () => {
    const result = await sample.client.call('analysis.evaluate', { dataset: { id: sample.datasetId } });
    expect(result.usage).toMatchObject({
      scoreColumn: 'score',
      outcomeColumn: 'liquidated',
      rowsUsed: 100_000,
      rowsMissing: 0,
    });
    expect(result.diagnostic.n).toBe(100_000);
    expect(result.diagnostic.positives).toBe(7488); // resources/samples/README.md
    expect(result.diagnostic.oeRatio).toBeCloseTo(1.52, 2);
    expect(result.diagnostic.reliability).toHaveLength(10);
    expect(result.ci).toBeNull();
    // Charts get summaries, never rows.
    expect(result.roc.falsePositiveRate.length).toBeLessThanOrEqual(201);
    expect(result.scoreHistogram.events.reduce((a, b) => a + b, 0)).toBe(7488);
  });

  it('applies a filter on columns before measuring', async () => {
    const btc = await sample.client.call('analysis.evaluate', {
      dataset: { id: sample.datasetId },
      filter: { segments: [{ column: 'asset', values: ['BTC'] }] },
    });
    expect(btc.usage.rowsAfterFilter).toBe(btc.diagnostic.n);
    expect(btc.diagnostic.n).toBeGreaterThan(20_000);
    expect(btc.diagnostic.n).toBeLessThan(40_000);
    const stressed = await sample.client.call('analysis.evaluate', {
      dataset: { id: sample.datasetId },
      filter: { timeRange: { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 3, 1) } },
    });
    // March 2025 is a stressed month: the regime-blind score under-predicts there.
    expect(stressed.diagnostic.oeRatio).toBeGreaterThan(2);
  });

  it('gives seeded, reproducible bootstrap intervals that bracket the point estimate', async () => {
    const request = { dataset: { id: sample.datasetId }, bootstrap: { resamples: 20, seed: 7 } };
    const first = await sample.client.call('analysis.evaluate', request);
    const second = await sample.client.call('analysis.evaluate', request);
    expect(first.ci).toEqual(second.ci);
    const [low, high] = first.ci?.brier ?? [NaN, NaN];
    expect(low).toBeLessThan(first.diagnostic.brier ?? NaN);
    expect(high).toBeGreaterThan(first.diagnostic.brier ?? NaN);
  });

  it('refuses a score read the wrong way with a message naming the column and the row', async () => {
    await expect(
      sample.client.call('analysis.evaluate', { dataset: { id: sample.datasetId }, scoreColumn: 'leverage' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/Score column "leverage" read as probability: row \d+/),
    });
  });
});

describe('analysis.reliability: the fast redraw', () => {
  it('gives exactly the bins, ECE and MCE of the full diagnostic, for uniform and quantile bins', async () => {
    for (const binning of ['uniform', 'quantile'] as const) {
      const settings = {
        dataset: { id: sample.datasetId },
        bins: 15,
        binning,
        interval: 'jeffreys' as const,
      };
      const full = await sample.client.call('analysis.evaluate', settings);
      const fast = await sample.client.call('analysis.reliability', settings);
      // The same sums, possibly in another row order: equal to rounding (1e-12 relative).
      const close = (a: number | null, b: number | null) =>
        a === null || b === null ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
      expect(fast.reliability).toHaveLength(full.diagnostic.reliability.length);
      fast.reliability.forEach((bin, k) => {
        const reference = full.diagnostic.reliability[k]!;
        expect([bin.lo, bin.hi, bin.n]).toEqual([reference.lo, reference.hi, reference.n]);
        for (const key of ['meanPredicted', 'observedRate', 'ciLow', 'ciHigh'] as const) {
          expect(close(bin[key], reference[key]), `${binning} bin ${k} ${key}`).toBe(true);
        }
      });
      expect(close(fast.ece, full.diagnostic.ece)).toBe(true);
      expect(close(fast.mce, full.diagnostic.mce)).toBe(true);
    }
  });

  it('reads a new filter instead of reusing the cached rows', async () => {
    const all = await sample.client.call('analysis.reliability', { dataset: { id: sample.datasetId } });
    const btc = await sample.client.call('analysis.reliability', {
      dataset: { id: sample.datasetId },
      filter: { segments: [{ column: 'asset', values: ['BTC'] }] },
    });
    const rows = (r: typeof all) => r.reliability.reduce((sum, bin) => sum + bin.n, 0);
    expect(rows(all)).toBe(100_000);
    expect(rows(btc)).toBe(btc.usage.rowsUsed);
    expect(rows(btc)).toBeLessThan(40_000);
  });
});

describe('analysis.groups on the bundled sample', () => {
  it('shows the stressed months as red and the calm months as green', async () => {
    const { groups } = await sample.client.call('analysis.groups', {
      dataset: { id: sample.datasetId },
      by: { kind: 'period', period: 'month' },
    });
    expect(groups).toHaveLength(24);
    const light = (label: string) => groups.find((g) => g.label === label)?.light;
    for (const stressed of ['2024-08', '2025-03', '2025-10']) expect(light(stressed)).toBe('red');
    for (const calm of ['2024-01', '2024-06', '2025-07']) expect(light(calm)).toBe('green');
    expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(100_000);
  });

  it('finds the one asset whose volatility the score misjudges', async () => {
    const { groups } = await sample.client.call('analysis.groups', {
      dataset: { id: sample.datasetId },
      by: { kind: 'segment', column: 'asset' },
    });
    const worst = [...groups].sort((a, b) => (b.oeRatio ?? 0) - (a.oeRatio ?? 0))[0];
    expect(worst?.label).toBe('PEPE');
  });

  it('splits a numeric context column into quantile regimes of equal size', async () => {
    const { groups } = await sample.client.call('analysis.groups', {
      dataset: { id: sample.datasetId },
      by: { kind: 'quantiles', column: 'realized_vol', groups: 5 },
    });
    expect(groups).toHaveLength(5);
    for (const g of groups) expect(Math.abs(g.n - 20_000)).toBeLessThan(100);
    // Higher realized volatility, more under-prediction.
    const ratios = groups.map((g) => g.oeRatio ?? 0);
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
  });
});

describe('calibration.run on the bundled sample', () => {
  it('beats the raw score out of sample without changing its ranking (platt)', async () => {
    const result = await sample.client.call('calibration.run', {
      dataset: { id: sample.datasetId },
      methods: [{ method: 'platt' }, { method: 'isotonic' }],
      validation: { scheme: 'holdout', testFraction: 0.3, seed: 3 },
    });
    expect(result.rows.train + result.rows.test).toBe(100_000);
    expect(result.rows.test).toBe(30_000);
    const [raw, platt, isotonic] = result.results;
    expect(raw?.method).toBe('uncalibrated');
    expect(platt?.test.logLoss).toBeLessThan(raw?.test.logLoss ?? 0);
    expect(isotonic?.test.ece).toBeLessThan(raw?.test.ece ?? 0);
    expect(platt?.test.auc).toBeCloseTo(raw?.test.auc ?? 0, 12);
    expect(platt?.params).toMatchObject({ method: 'platt' });
  });

  it('reports out-of-fold metrics for k-fold and fits the exported map on every row', async () => {
    const result = await sample.client.call('calibration.run', {
      dataset: { id: sample.datasetId },
      methods: [{ method: 'base-rate', options: {} }],
      validation: { scheme: 'kfold', folds: 4, seed: 1 },
    });
    expect(result.rows.test).toBe(100_000);
    const baseRate = result.results[1];
    expect(baseRate?.test.n).toBe(100_000);
    expect(baseRate?.params?.method).toBe('base-rate');
  });

  it('is reproducible for a seed', async () => {
    const request = {
      dataset: { id: sample.datasetId },
      methods: [{ method: 'temperature' as const }],
      validation: { scheme: 'holdout' as const, testFraction: 0.25, seed: 11 },
    };
    const a = await sample.client.call('calibration.run', request);
    const b = await sample.client.call('calibration.run', request);
    expect(a.results.map((r) => r.test)).toEqual(b.results.map((r) => r.test));
    expect(a.results[1]?.params).toEqual(b.results[1]?.params);
  });

  it('refuses an out-of-time split outside the data', async () => {
    await expect(
      sample.client.call('calibration.run', {
        dataset: { id: sample.datasetId },
        methods: [{ method: 'platt' }],
        validation: { scheme: 'time', splitAt: Date.UTC(2030, 0, 1) },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/0 test rows/) });
  });

  it('passes a calibrator its options and reports bad ones as invalid input', async () => {
    await expect(
      sample.client.call('calibration.run', {
        dataset: { id: sample.datasetId },
        methods: [{ method: 'histogram', options: { bins: -3 } }],
        validation: { scheme: 'none' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/histogram/) });
  });

  it('stops at once when cancelled and answers other calls while it fits', async () => {
    const controller = new AbortController();
    let infoAnsweredFirst = false;
    const fit = sample.client
      .call(
        'calibration.run',
        {
          dataset: { id: sample.datasetId },
          methods: [{ method: 'spline' }],
          validation: { scheme: 'kfold', folds: 5, seed: 2 },
        },
        { signal: controller.signal },
      )
      .catch((error: unknown) => error);
    await sample.client.call('app.info', {}).then(() => (infoAnsweredFirst = true));
    expect(infoAnsweredFirst).toBe(true);
    controller.abort();
    expect(await fit).toMatchObject({ code: 'cancelled' });
    // The pool is usable after a cancelled fit.
    const after = await sample.client.call('analysis.evaluate', {
      dataset: { id: sample.datasetId },
      bins: 5,
    });
    expect(after.diagnostic.reliability).toHaveLength(5);
  });
});
