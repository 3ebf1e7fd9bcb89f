import { describe, expect, it } from 'vitest';
import { auc } from '../../../shared/metrics/auc';
import { uniformEdges } from '../../../shared/metrics/bins';
import {
  bootstrapBrierEce,
  bootstrapCi,
  bootstrapReplicates,
  brierEceReplicates,
  percentileInterval,
  planBrierEceBootstrap,
  resampleIndices,
} from '../../../shared/metrics/bootstrap';
import { brierScore } from '../../../shared/metrics/brier';
import { computeDiagnostic } from '../../../shared/metrics/diagnostic';
import {
  POISSON_ONE_AMBIGUOUS,
  POISSON_ONE_THRESHOLDS,
  poissonOneFromWord,
  poissonOneTable,
} from '../../../shared/statistics/poisson-one';
import { createRandomStream } from '../../../shared/statistics/random';
import { dataset } from './fixtures';

/** A calibrated synthetic sample: p ~ U(0, 1), y ~ Bernoulli(p); its expected Brier score is 1/6. */
function calibratedSample(n: number, seed: number): { p: Float64Array; y: Uint8Array } {
  const random = createRandomStream(seed, 0);
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = random.nextDouble();
    y[i] = random.nextDouble() < p[i]! ? 1 : 0;
  }
  return { p, y };
}

describe('seeded random streams', () => {
  it('are reproducible, differ between seeds and between streams', () => {
    const draw = (seed: number, stream: number): number[] => {
      const r = createRandomStream(seed, stream);
      return Array.from({ length: 5 }, () => r.nextUint32());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    const r = createRandomStream(1, 0);
    for (let i = 0; i < 1000; i++) {
      const u = r.nextDouble();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('Poisson(1) sampler', () => {
  it('inverts the cdf at 32-bit resolution and the fast table agrees with it', () => {
    expect(poissonOneFromWord(0)).toBe(0);
    const t0 = POISSON_ONE_THRESHOLDS[0]!;
    expect(poissonOneFromWord(Math.ceil(t0) - 1)).toBe(0);
    expect(poissonOneFromWord(Math.ceil(t0))).toBe(1);
    expect(poissonOneFromWord(2 ** 32 - 1)).toBeGreaterThanOrEqual(10);
    const table = poissonOneTable();
    let ambiguous = 0;
    const mismatches: number[] = [];
    for (let cell = 0; cell < 65536; cell++) {
      if (table[cell] === POISSON_ONE_AMBIGUOUS) {
        ambiguous++;
        continue;
      }
      const first = poissonOneFromWord(cell * 65536);
      const last = poissonOneFromWord(cell * 65536 + 65535);
      if (first !== table[cell] || last !== table[cell]) mismatches.push(cell);
    }
    expect(mismatches).toEqual([]);
    expect(ambiguous).toBeGreaterThan(0);
    expect(ambiguous).toBeLessThan(16);
  });

  it('fast-path replicates are Poisson-weighted Brier scores: mean weight 1, right spread', () => {
    const { p, y } = calibratedSample(20_000, 11);
    const plan = planBrierEceBootstrap(p, y, undefined, uniformEdges(10));
    const { brier } = brierEceReplicates(plan, 99, 0, 400);
    const point = brierScore(p, y)!;
    const mean = brier.reduce((s, v) => s + v, 0) / brier.length;
    const sd = Math.sqrt(brier.reduce((s, v) => s + (v - mean) ** 2, 0) / (brier.length - 1));
    // Bootstrap standard error of a mean: sd((p - y)²) / √n.
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < p.length; i++) {
      const e = (p[i]! - y[i]!) ** 2;
      m += e;
      m2 += e * e;
    }
    m /= p.length;
    const se = Math.sqrt((m2 / p.length - m * m) / p.length);
    expect(Math.abs(mean - point)).toBeLessThan(0.25 * se);
    expect(sd / se).toBeGreaterThan(0.85);
    expect(sd / se).toBeLessThan(1.15);
  });
});

describe('bootstrap determinism', () => {
  const d = dataset('basic');

  it('the same seed gives identical replicates however resamples are split', () => {
    const plan = planBrierEceBootstrap(d.p, d.y, undefined, uniformEdges(10));
    const whole = brierEceReplicates(plan, 2024, 0, 50);
    const first = brierEceReplicates(plan, 2024, 0, 20);
    const rest = brierEceReplicates(plan, 2024, 20, 50);
    expect(Array.from(whole.brier)).toEqual([...first.brier, ...rest.brier]);
    expect(Array.from(whole.ece)).toEqual([...first.ece, ...rest.ece]);
    expect(brierEceReplicates(plan, 2025, 0, 50).brier).not.toEqual(whole.brier);
  });

  it('generic multinomial resamples are reproducible and split-invariant', () => {
    expect(resampleIndices(100, 5, 3)).toEqual(resampleIndices(100, 5, 3));
    const stat = (s: { p: Float64Array; y: Uint8Array }) => ({
      auc: auc(s.p, s.y),
      brier: brierScore(s.p, s.y),
    });
    const all = bootstrapReplicates(stat, d, 9, 0, 12);
    const tail = bootstrapReplicates(stat, d, 9, 7, 12);
    expect(Array.from(all.auc!.subarray(7))).toEqual(Array.from(tail.auc!));
  });

  it('percentile intervals are type-7 quantiles of the defined replicates', () => {
    const replicates = Float64Array.from([5, 1, Number.NaN, 3, 2, 4]);
    const ci = percentileInterval(replicates, 0.5)!;
    expect(ci).toEqual({ low: 2, high: 4, used: 5, undefinedResamples: 1 });
    expect(percentileInterval(Float64Array.from([Number.NaN]))).toBeNull();
  });
});

describe('bootstrap intervals', () => {
  it('fast Poisson path and generic multinomial path give intervals of the same width', () => {
    const d = dataset('large');
    const edges = uniformEdges(10);
    const fast = bootstrapBrierEce(d.p, d.y, undefined, edges, { resamples: 400, seed: 1 });
    const generic = bootstrapCi(
      (s) => {
        const diag = computeDiagnostic(s.p, s.y);
        return { brier: diag.brier, ece: diag.ece };
      },
      d,
      { resamples: 100, seed: 1 },
    );
    const point = computeDiagnostic(d.p, d.y);
    for (const key of ['brier', 'ece'] as const) {
      const a = fast[key]!;
      const b = generic[key]!;
      expect(a.low).toBeLessThan(point[key]!);
      expect(a.high).toBeGreaterThan(point[key]!);
      const ratio = (a.high - a.low) / (b.high - b.low);
      expect(ratio).toBeGreaterThan(0.75);
      expect(ratio).toBeLessThan(1.33);
    }
  });

  it('95 % Brier intervals cover the true expected Brier score about 95 % of the time', () => {
    let covered = 0;
    const trials = 60;
    for (let t = 0; t < trials; t++) {
      const { p, y } = calibratedSample(1500, 1000 + t);
      const { brier } = bootstrapBrierEce(p, y, undefined, uniformEdges(10), { resamples: 300, seed: t });
      if (brier!.low <= 1 / 6 && 1 / 6 <= brier!.high) covered++;
    }
    // Binomial(60, 0.95) lies in [51, 60] with probability > 0.99.
    expect(covered).toBeGreaterThanOrEqual(51);
  });
});
