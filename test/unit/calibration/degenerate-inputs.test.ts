import { describe, expect, it } from 'vitest';
import {
  CalibrationInputError,
  type CalibrationProblem,
} from '../../../shared/calibration/calibration-input-error';
import { calibrators } from '../../../shared/calibration/registry';
import type { CalibrationData } from '../../../shared/calibration/calibration-data';
import { calibrationData, dataset } from './fixture-data';

const methods = Object.keys(calibrators) as (keyof typeof calibrators)[];

function fit(method: keyof typeof calibrators, data: CalibrationData, options?: object) {
  // The registry is keyed by method; options are validated by each calibrator's schema.
  return (calibrators[method].fit as (d: CalibrationData, o?: object) => unknown)(data, options);
}

function problemOf(action: () => unknown): CalibrationProblem | 'none' {
  try {
    action();
    return 'none';
  } catch (error) {
    if (error instanceof CalibrationInputError) return error.problem;
    throw error;
  }
}

const f64 = (values: number[]) => Float64Array.from(values);
const u8 = (values: number[]) => Uint8Array.from(values);

describe('degenerate inputs give a specific error, never NaN', () => {
  for (const method of methods) {
    it(`${method}: empty input, length mismatch, NaN, bad labels, bad and all-zero weights`, () => {
      expect(problemOf(() => fit(method, { p: f64([]), y: u8([]) }))).toBe('empty-input');
      expect(problemOf(() => fit(method, { p: f64([0.2, 0.3]), y: u8([1]) }))).toBe('length-mismatch');
      expect(problemOf(() => fit(method, { p: f64([0.2, NaN]), y: u8([1, 0]) }))).toBe('invalid-probability');
      expect(problemOf(() => fit(method, { p: f64([0.2, 1.2]), y: u8([1, 0]) }))).toBe('invalid-probability');
      expect(problemOf(() => fit(method, { p: f64([0.2, 0.3]), y: u8([1, 2]) }))).toBe('invalid-label');
      expect(problemOf(() => fit(method, { p: f64([0.2, 0.3]), y: u8([1, 0]), w: f64([1, -1]) }))).toBe(
        'invalid-weight',
      );
      expect(problemOf(() => fit(method, { p: f64([0.2, 0.3]), y: u8([1, 0]), w: f64([0, 0]) }))).toBe(
        'zero-total-weight',
      );
      expect(problemOf(() => fit(method, { p: f64([0.2]), y: u8([1]) }, { bogus: 1 }))).toBe(
        'invalid-options',
      );
    });
  }

  const oneClass = calibrationData(dataset('one-class'));
  const expectedOneClass: Record<string, CalibrationProblem | 'none'> = {
    platt: 'one-class',
    temperature: 'one-class',
    beta: 'one-class',
    spline: 'one-class',
    'base-rate': 'one-class',
    isotonic: 'none',
    histogram: 'none',
    'venn-abers': 'none',
  };
  for (const method of methods) {
    it(`${method}: one class only → ${expectedOneClass[method]}`, () => {
      expect(problemOf(() => fit(method, oneClass))).toBe(expectedOneClass[method]);
    });
  }

  it('one class only is fine for Platt targets (slope 0, P = t₋) and base-rate with an explicit target', () => {
    const platt = calibrators.platt.fit(oneClass, { targets: 'platt' });
    expect(Math.abs(platt.slope)).toBeLessThan(1e-9);
    expect(calibrators.platt.apply(platt, f64([0.5]))[0]).toBeCloseTo(1 / 32, 12);
    expect(calibrators['base-rate'].fit(oneClass, { targetRate: 0.05 }).targetRate).toBe(0.05);
  });

  const single = calibrationData(dataset('single-score'));
  const expectedSingle: Record<string, CalibrationProblem | 'none'> = {
    platt: 'single-distinct-score',
    temperature: 'none',
    beta: 'single-distinct-score',
    spline: 'single-distinct-score',
    'base-rate': 'none',
    isotonic: 'none',
    histogram: 'none',
    'venn-abers': 'none',
  };
  for (const method of methods) {
    it(`${method}: a single distinct score → ${expectedSingle[method]}`, () => {
      expect(problemOf(() => fit(method, single))).toBe(expectedSingle[method]);
    });
  }

  it('single distinct score: temperature solves σ(z/T) = event rate; isotonic and histogram are constant', () => {
    // 20 rows at p = 0.3, half events: σ(logit(0.3)/T) = 0.5 has no solution with finite T > 0.
    expect(problemOf(() => calibrators.temperature.fit({ p: f64([0.3, 0.3, 0.3]), y: u8([1, 0, 0]) }))).toBe(
      'none',
    );
    const t = calibrators.temperature.fit({ p: f64([0.3, 0.3, 0.3, 0.3]), y: u8([1, 0, 0, 0]) });
    expect(calibrators.temperature.apply(t, f64([0.3]))[0]).toBeCloseTo(0.25, 12);
    const iso = calibrators.isotonic.fit(single);
    expect(Array.from(calibrators.isotonic.apply(iso, f64([0, 0.3, 1])))).toEqual([0.5, 0.5, 0.5]);
    const hist = calibrators.histogram.fit(single, { binning: 'quantile' });
    expect(hist.edges).toEqual([0.3, 0.3]);
    expect(Array.from(calibrators.histogram.apply(hist, f64([0.1, 0.9])))).toEqual([0.5, 0.5]);
  });

  it('perfect separation is reported for maximum-likelihood fits', () => {
    const p = f64([0.1, 0.2, 0.3, 0.6, 0.7]);
    const y = u8([0, 0, 1, 1, 1]);
    for (const method of ['platt', 'beta', 'spline'] as const) {
      expect(problemOf(() => fit(method, { p, y }))).toBe(
        method === 'spline' ? 'none' : 'perfect-separation',
      );
    }
    // Temperature scaling has no intercept: it is separated when the outcomes split at p = 0.5.
    expect(problemOf(() => fit('temperature', { p, y }))).toBe('none');
    expect(problemOf(() => fit('temperature', { p: f64([0.1, 0.4, 0.6, 0.7]), y: u8([0, 0, 1, 1]) }))).toBe(
      'perfect-separation',
    );
  });

  it('tiny n: n = 1 works where a constant makes sense and is refused where a slope is needed', () => {
    const one = { p: f64([0.4]), y: u8([1]) };
    expect(problemOf(() => fit('platt', one))).toBe('single-distinct-score');
    expect(Array.from(calibrators.isotonic.apply(calibrators.isotonic.fit(one), f64([0.1])))).toEqual([1]);
  });

  it('apply refuses NaN and out-of-range probabilities instead of returning NaN', () => {
    const params = calibrators.platt.fit(calibrationData(dataset('tiny')));
    expect(problemOf(() => calibrators.platt.apply(params, f64([0.5, NaN])))).toBe('invalid-probability');
    expect(problemOf(() => calibrators.platt.apply(params, f64([-0.1])))).toBe('invalid-probability');
    expect(problemOf(() => calibrators.platt.apply({ ...params, slope: Number.NaN }, f64([0.5])))).toBe(
      'invalid-params',
    );
  });

  it('zero-weight rows are ignored: the fit equals the fit without them', () => {
    const d = calibrationData(dataset('weighted-with-zeros'));
    const keep = [...d.w!.keys()].filter((i) => d.w![i]! > 0);
    const reduced = {
      p: Float64Array.from(keep, (i) => d.p[i]!),
      y: Uint8Array.from(keep, (i) => d.y[i]!),
      w: Float64Array.from(keep, (i) => d.w![i]!),
    };
    for (const method of methods) expect(fit(method, d)).toEqual(fit(method, reduced));
  });
});
