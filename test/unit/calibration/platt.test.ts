import { describe, expect, it } from 'vitest';
import { plattCalibrator } from '../../../shared/calibration/platt';
import { sigmoid } from '../../../shared/numeric/logistic';
import { calibrationData, datasets } from './fixture-data';
import { expectRelativeClose } from './expect-close';

describe('platt', () => {
  for (const d of datasets) {
    const labels = d.platt.labels;
    if (labels) {
      it(`matches the statsmodels/scikit-learn maximum-likelihood fit on ${d.name}`, () => {
        const params = plattCalibrator.fit(calibrationData(d));
        expectRelativeClose(params.intercept, labels.intercept, 1e-6, 'intercept');
        expectRelativeClose(params.slope, labels.slope, 1e-6, 'slope');
      });
    }
    const smoothed = d.platt.platt;
    if (smoothed) {
      it(`matches the reference fit with Platt's smoothed targets on ${d.name}`, () => {
        const params = plattCalibrator.fit(calibrationData(d), { targets: 'platt' });
        expectRelativeClose(params.intercept, smoothed.intercept, 1e-6, 'intercept');
        // The one-class optimum has slope 0; compare it on an absolute scale.
        if (Math.abs(smoothed.slope) < 1e-12) expect(Math.abs(params.slope)).toBeLessThan(1e-9);
        else expectRelativeClose(params.slope, smoothed.slope, 1e-6, 'slope');
      });
    }
  }

  it('applies σ(a + b·logit p) with p clipped to [2^-52, 1 - 2^-52]', () => {
    const params = { method: 'platt', intercept: 0.25, slope: 0.8, targets: 'labels' } as const;
    const out = plattCalibrator.apply(params, Float64Array.from([0.3, 0, 1]));
    expectRelativeClose(out[0]!, sigmoid(0.25 + 0.8 * Math.log(0.3 / 0.7)), 1e-15, 'interior');
    const edge = Math.log(Number.EPSILON) - Math.log1p(-Number.EPSILON);
    expectRelativeClose(out[1]!, sigmoid(0.25 + 0.8 * edge), 1e-12, 'p = 0');
    expectRelativeClose(out[2]!, sigmoid(0.25 - 0.8 * edge), 1e-12, 'p = 1');
  });

  it('recovers the generating map on a large sample', () => {
    const n = 200_000;
    const p = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const z = -4 + (8 * i) / n;
      p[i] = sigmoid(z);
      // Deterministic "outcomes" whose frequencies follow σ(0.5 + 0.7 z): every row, fractional via weights.
      y[i] = i % 2;
    }
    const w = new Float64Array(n);
    for (let i = 0; i < n; i += 2) {
      const q = sigmoid(0.5 + 0.7 * (-4 + (8 * i) / n));
      w[i] = 1 - q;
      w[i + 1] = q;
      p[i + 1] = p[i]!;
    }
    const params = plattCalibrator.fit({ p, y, w });
    expectRelativeClose(params.intercept, 0.5, 1e-9, 'intercept');
    expectRelativeClose(params.slope, 0.7, 1e-9, 'slope');
  });
});
