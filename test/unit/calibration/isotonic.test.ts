import { describe, expect, it } from 'vitest';
import { isotonicCalibrator } from '../../../shared/calibration/isotonic';
import { calibrationData, datasets } from './fixture-data';
import { areaUnderCurve } from './area-under-curve';
import { expectAllRelativeClose } from './expect-close';
import { seededRandom } from './seeded-random';

describe('isotonic (scikit-learn IsotonicRegression, out_of_bounds="clip")', () => {
  for (const d of datasets) {
    it(`reproduces thresholds and predictions on ${d.name}`, () => {
      const params = isotonicCalibrator.fit(calibrationData(d));
      expect(params.outOfBounds).toBe('clip');
      expectAllRelativeClose(params.x, d.isotonic.x, 1e-12, 'X thresholds');
      expectAllRelativeClose(params.y, d.isotonic.y, 1e-9, 'y thresholds');
      expectAllRelativeClose(
        isotonicCalibrator.apply(params, Float64Array.from(d.grid)),
        d.isotonic.on_grid,
        1e-9,
        'grid',
      );
      expectAllRelativeClose(
        isotonicCalibrator.apply(params, Float64Array.from(d.p)),
        d.isotonic.on_data,
        1e-9,
        'data',
      );
    });
  }
});

describe('isotonic with preserveRanking', () => {
  const n = 3000;
  const random = seededRandom(7);
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = random();
    y[i] = random() < 0.1 + 0.6 * p[i]! * p[i]! ? 1 : 0;
  }
  const plain = isotonicCalibrator.fit({ p, y });
  const ranked = isotonicCalibrator.fit({ p, y }, { preserveRanking: true });
  const plainOut = isotonicCalibrator.apply(plain, p);
  const rankedOut = isotonicCalibrator.apply(ranked, p);

  it('plain isotonic creates ties and changes the AUC', () => {
    expect(new Set(plainOut).size).toBeLessThan(n / 10);
    expect(areaUnderCurve(plainOut, y)).not.toBe(areaUnderCurve(p, y));
  });

  it('keeps every distinct score distinct and in order, so the AUC is exactly unchanged', () => {
    const order = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]!);
    for (let r = 1; r < n; r++) expect(rankedOut[order[r]!]!).toBeGreaterThan(rankedOut[order[r - 1]!]!);
    expect(areaUnderCurve(rankedOut, y)).toBe(areaUnderCurve(p, y));
  });

  it('keeps each interior block at its isotonic mean and within a quarter of the gap to its neighbours', () => {
    const levels = [...new Set(plainOut)].sort((a, b) => a - b);
    for (let b = 1; b < levels.length - 1; b++) {
      const rows = [...plainOut.keys()].filter((i) => plainOut[i] === levels[b]);
      const mean = rows.reduce((sum, i) => sum + rankedOut[i]!, 0) / rows.length;
      expect(Math.abs(mean - levels[b]!)).toBeLessThan(1e-12);
      const allowed = 0.25 * Math.min(levels[b]! - levels[b - 1]!, levels[b + 1]! - levels[b]!) + 1e-15;
      for (const i of rows) expect(Math.abs(rankedOut[i]! - levels[b]!)).toBeLessThanOrEqual(allowed);
    }
  });

  it('extends to the corners outside the training scores', () => {
    const out = isotonicCalibrator.apply(ranked, Float64Array.from([0, 1]));
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(1);
  });
});
