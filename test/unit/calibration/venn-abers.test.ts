import { describe, expect, it } from 'vitest';
import { applyVennAbersInterval, vennAbersCalibrator } from '../../../shared/calibration/venn-abers';
import { isotonicCalibrator } from '../../../shared/calibration/isotonic';
import { calibrationData, datasets } from './fixture-data';
import { expectAllRelativeClose } from './expect-close';
import { seededRandom } from './seeded-random';

describe('venn-abers', () => {
  for (const d of datasets) {
    const reference = d.vennAbers;
    if (!reference) continue;
    it(`matches one scikit-learn isotonic fit per test score and label on ${d.name}`, () => {
      const params = vennAbersCalibrator.fit(calibrationData(d));
      const interval = applyVennAbersInterval(params, Float64Array.from(d.grid));
      expectAllRelativeClose(interval.p0, reference.p0, 1e-9, 'p0');
      expectAllRelativeClose(interval.p1, reference.p1, 1e-9, 'p1');
    });
  }

  it('agrees with brute force on larger random data, has p0 ≤ p ≤ p1 and the merged formula', () => {
    const random = seededRandom(11);
    const n = 600;
    const p = Float64Array.from({ length: n }, () => Math.round(random() * 200) / 200);
    const y = Uint8Array.from(p, (v) => (random() < v * 0.8 + 0.1 ? 1 : 0));
    const params = vennAbersCalibrator.fit({ p, y });
    const tests = Float64Array.from({ length: 150 }, (_, i) => i / 149);
    const interval = applyVennAbersInterval(params, tests);
    for (let t = 0; t < tests.length; t++) {
      const s = tests[t]!;
      const withOutcome = (outcome: number) => {
        const fit = isotonicCalibrator.fit({
          p: Float64Array.from([...p, s]),
          y: Uint8Array.from([...y, outcome]),
        });
        return isotonicCalibrator.apply(fit, Float64Array.of(s))[0]!;
      };
      expect(Math.abs(interval.p0[t]! - withOutcome(0))).toBeLessThan(1e-12);
      expect(Math.abs(interval.p1[t]! - withOutcome(1))).toBeLessThan(1e-12);
      expect(interval.p0[t]!).toBeLessThanOrEqual(interval.p1[t]!);
      const merged = interval.p1[t]! / (1 - interval.p0[t]! + interval.p1[t]!);
      expect(interval.p[t]).toBe(merged);
      expect(interval.p[t]!).toBeGreaterThanOrEqual(interval.p0[t]!);
      expect(interval.p[t]!).toBeLessThanOrEqual(interval.p1[t]!);
    }
    expect(Array.from(vennAbersCalibrator.apply(params, tests))).toEqual(Array.from(interval.p));
  });

  it('gives p0 = 0 below and p1 = 1 above every calibration score', () => {
    const params = vennAbersCalibrator.fit({
      p: Float64Array.from([0.2, 0.4, 0.6]),
      y: Uint8Array.from([0, 1, 0]),
    });
    const interval = applyVennAbersInterval(params, Float64Array.from([0.1, 0.7]));
    expect(interval.p0[0]).toBe(0);
    expect(interval.p1[1]).toBe(1);
  });
});
