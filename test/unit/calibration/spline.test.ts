import { describe, expect, it } from 'vitest';
import { plattCalibrator } from '../../../shared/calibration/platt';
import { splineCalibrator } from '../../../shared/calibration/spline';
import { sigmoid } from '../../../shared/numeric/logistic';
import { expectRelativeClose } from './expect-close';
import { seededRandom } from './seeded-random';

function sample(n: number, truth: (z: number) => number, seed: number) {
  const random = seededRandom(seed);
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = -4 + 8 * random();
    p[i] = sigmoid(z);
    y[i] = random() < sigmoid(truth(z)) ? 1 : 0;
  }
  return { p, y };
}

function logLoss(q: Float64Array, y: Uint8Array): number {
  let loss = 0;
  for (let i = 0; i < q.length; i++) loss -= y[i] ? Math.log(q[i]!) : Math.log1p(-q[i]!);
  return loss / q.length;
}

describe('spline', () => {
  it('becomes Platt scaling when the penalty is very large', () => {
    const data = sample(4000, (z) => 0.3 + 0.6 * z, 1);
    const spline = splineCalibrator.fit(data, { kappas: [1e8], monotone: false });
    const platt = plattCalibrator.fit(data);
    const grid = Float64Array.from({ length: 50 }, (_, i) => sigmoid(-3.9 + (7.8 * i) / 49));
    const a = splineCalibrator.apply(spline, grid);
    const b = plattCalibrator.apply(platt, grid);
    for (let i = 0; i < grid.length; i++) expectRelativeClose(a[i]!, b[i]!, 1e-4, `grid ${i}`);
  });

  it('picks heavy smoothing for a straight-line truth and light smoothing for a curved one', () => {
    const straight = splineCalibrator.fit(sample(20_000, (z) => 0.5 * z, 2));
    const curved = splineCalibrator.fit(sample(20_000, (z) => 2 * Math.tanh(1.5 * z) - 0.5, 3));
    expect(straight.kappa).toBeGreaterThanOrEqual(0.1);
    expect(curved.kappa).toBeLessThanOrEqual(1e-3);
    expect(curved.kappa).toBeLessThan(straight.kappa);
  });

  it('fits a curved truth better than Platt out of sample, and is monotone', () => {
    const truth = (z: number) => 2 * Math.tanh(1.5 * z) - 0.5;
    const train = sample(20_000, truth, 4);
    const test = sample(20_000, truth, 5);
    const spline = splineCalibrator.fit(train);
    const platt = plattCalibrator.fit(train);
    expect(logLoss(splineCalibrator.apply(spline, test.p), test.y)).toBeLessThan(
      logLoss(plattCalibrator.apply(platt, test.p), test.y) - 0.005,
    );
    for (let j = 1; j < spline.coefficients.length; j++) {
      expect(spline.coefficients[j]!).toBeGreaterThanOrEqual(spline.coefficients[j - 1]!);
    }
    const grid = Float64Array.from({ length: 2001 }, (_, i) => i / 2000);
    const out = splineCalibrator.apply(spline, grid);
    // Non-decreasing in exact arithmetic; evaluating Σ c·b in floating point may wobble by an ulp.
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]! - 1e-15);
    expect(out[2000]! - out[0]!).toBeGreaterThan(0.5);
  });

  it('keeps a non-monotone truth monotone only when asked', () => {
    const data = sample(20_000, (z) => 1.5 - 0.4 * z * z, 6);
    const free = splineCalibrator.fit(data, { monotone: false });
    const monotone = splineCalibrator.fit(data);
    const diffs = free.coefficients.slice(1).map((c, j) => c - free.coefficients[j]!);
    expect(Math.min(...diffs)).toBeLessThan(-0.1);
    const monotoneDiffs = monotone.coefficients.slice(1).map((c, j) => c - monotone.coefficients[j]!);
    expect(Math.min(...monotoneDiffs)).toBeGreaterThanOrEqual(0);
  });
});
