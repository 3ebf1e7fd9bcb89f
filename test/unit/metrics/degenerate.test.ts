import { describe, expect, it } from 'vitest';
import { auc } from '../../../shared/metrics/auc';
import { computeDiagnostic } from '../../../shared/metrics/diagnostic';
import { DiagnosticSchema } from '../../../shared/metrics/diagnostic-schema';
import { hosmerLemeshowTest } from '../../../shared/metrics/hosmer-lemeshow';
import { MetricInputError } from '../../../shared/metrics/metric-input';
import { pdBacktest, trafficLight } from '../../../shared/metrics/pd-backtest';
import { spiegelhalterTest } from '../../../shared/metrics/spiegelhalter';
import { dataset, expectClose } from './fixtures';

const p = (...v: number[]): Float64Array => Float64Array.from(v);
const y = (...v: number[]): Uint8Array => Uint8Array.from(v);

describe('invalid input is refused with a specific message', () => {
  it.each([
    ['length mismatch', () => computeDiagnostic(p(0.1, 0.2), y(1)), /same length/],
    ['p above 1', () => computeDiagnostic(p(0.1, 1.2), y(1, 0)), /p\[1\] = 1.2 is not a probability/],
    ['NaN p', () => computeDiagnostic(p(Number.NaN), y(1)), /p\[0\] = NaN/],
    ['outcome 2', () => computeDiagnostic(p(0.1, 0.2), y(1, 2)), /y\[1\] = 2 is not an outcome/],
    ['negative weight', () => computeDiagnostic(p(0.1, 0.2), y(1, 0), p(1, -1)), /w\[1\] = -1/],
    ['infinite weight', () => computeDiagnostic(p(0.1, 0.2), y(1, 0), p(Infinity, 1)), /w\[0\] = Infinity/],
    ['zero bins', () => computeDiagnostic(p(0.1, 0.2), y(1, 0), undefined, { bins: 0 }), /bins must be/],
    [
      'one HL group',
      () => computeDiagnostic(p(0.1), y(1), undefined, { hosmerLemeshowGroups: 1 }),
      /hosmerLemeshowGroups/,
    ],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(MetricInputError);
    expect(call).toThrow(message);
  });
});

describe('degenerate samples give documented values, never NaN', () => {
  it('an empty sample: n = 0, every metric null, empty uniform bins reported', () => {
    const diag = computeDiagnostic(p(), y());
    expect(DiagnosticSchema.parse(diag)).toEqual(diag);
    expect(diag.n).toBe(0);
    expect(diag.baseRate).toBeNull();
    expect(diag.brier).toBeNull();
    expect(diag.auc).toBeNull();
    expect(diag.rms.Emax).toBeNull();
    expect(diag.hosmerLemeshow).toEqual({ statistic: null, df: 8, p: null });
    expect(diag.reliability).toHaveLength(10);
    expect(diag.reliability.every((b) => b.n === 0 && b.observedRate === null)).toBe(true);
  });

  it('zero total weight behaves as an empty sample', () => {
    const diag = computeDiagnostic(p(0.2, 0.7), y(0, 1), p(0, 0));
    expect(diag.n).toBe(0);
    expect(diag.meanPredicted).toBeNull();
    expect(diag.logLoss).toBeNull();
  });

  it('zero-weight rows are exactly the same as dropped rows', () => {
    const d = dataset('weighted');
    const keep = Array.from(d.w!.keys()).filter((i) => d.w![i]! > 0);
    const kept = computeDiagnostic(
      Float64Array.from(keep, (i) => d.p[i]!),
      Uint8Array.from(keep, (i) => d.y[i]!),
      Float64Array.from(keep, (i) => d.w![i]!),
    );
    expect(computeDiagnostic(d.p, d.y, d.w)).toEqual(kept);
  });

  it('one class only: discrimination and recalibration null, calibration-in-the-large defined', () => {
    const d = dataset('one-class');
    const diag = computeDiagnostic(d.p, d.y);
    expect(DiagnosticSchema.parse(diag)).toEqual(diag);
    expect([diag.auc, diag.gini, diag.ks, diag.intercept, diag.slope, diag.interceptOffset]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect([diag.rms.C, diag.rms.Dxy, diag.rms.R2, diag.rms.D, diag.rms.U, diag.rms.Q]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(diag.baseRate).toBe(0);
    expect(diag.oeRatio).toBe(0);
    expect(diag.rms.Emax).not.toBeNull();
    expect(diag.hosmerLemeshow.statistic).not.toBeNull();
    expect(auc(d.p, d.y)).toBeNull();
  });

  it('a single distinct score: AUC 1/2, rms single-score values, HL null', () => {
    const d = dataset('single-score');
    const diag = computeDiagnostic(d.p, d.y, undefined, { binning: 'quantile' });
    expect(DiagnosticSchema.parse(diag)).toEqual(diag);
    expect(diag.auc).toBe(0.5);
    expect(diag.gini).toBe(0);
    expect(diag.ks).toBe(0);
    expect(diag.slope).toBe(0);
    const rate = diag.baseRate!;
    expectClose(diag.intercept, Math.log(rate / (1 - rate)), 1e-15, 'intercept');
    expectClose(diag.interceptOffset, Math.log(rate / (1 - rate)) - Math.log(0.3 / 0.7), 1e-12, 'offset');
    expect(diag.hosmerLemeshow.statistic).toBeNull();
    expectClose(diag.rms.Emax, Math.abs(0.3 - rate), 1e-15, 'Emax');
    // Quantile edges all equal 0.3: nine empty bins are reported, the closed last bin holds every row.
    expect(diag.reliability.map((b) => b.n)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 40]);
  });

  it('every prediction 0 or 1 (all correct): logistic statistics null, Brier 0, Spiegelhalter null', () => {
    const diag = computeDiagnostic(p(0, 1, 0, 1), y(0, 1, 0, 1));
    expect(DiagnosticSchema.parse(diag)).toEqual(diag);
    expect(diag.brier).toBe(0);
    expect(diag.auc).toBe(1);
    expect(diag.intercept).toBeNull();
    expect(diag.spiegelhalter).toEqual({ z: null, p: null });
    expect(spiegelhalterTest(p(0.5, 0.5), y(0, 1))).toEqual({ z: null, p: null });
  });

  it('perfect separation leaves the recalibration slope null instead of diverging', () => {
    const diag = computeDiagnostic(p(0.1, 0.2, 0.3, 0.6, 0.7, 0.8), y(0, 0, 0, 1, 1, 1));
    expect(diag.auc).toBe(1);
    expect(diag.slope).toBeNull();
    expect(diag.intercept).toBeNull();
    expect(diag.interceptOffset).not.toBeNull();
  });

  it('Hosmer-Lemeshow: empty groups add nothing, a zero expected count with events gives null', () => {
    // Tiny sample: edges (…, 0.65, 0.8] leave an empty group where R's hoslem.test returns NaN.
    const t = dataset('tiny');
    const hl = hosmerLemeshowTest(t.p, t.y);
    // Hand computation over the non-empty groups {0.1}, {0.35}, {0.4}, {0.65}, {0.8}.
    const rows: [number, number][] = [
      [0.1, 0],
      [0.35, 1],
      [0.4, 0],
      [0.65, 0],
      [0.8, 1],
    ];
    const expected = rows.reduce((s, [pi, yi]) => s + (yi - pi) ** 2 / pi + (yi - pi) ** 2 / (1 - pi), 0);
    expectClose(hl.statistic, expected, 1e-12, 'tiny HL');
    // Edges 0, 1/3, 0.6: the first group holds p = 0, 0, 0 with one event, so E₁ = 0 < O₁ = 1.
    expect(hosmerLemeshowTest(p(0, 0, 0, 0.5, 0.6), y(1, 0, 0, 1, 1), undefined, 3).statistic).toBeNull();
  });
});

describe('PD back-test traffic lights', () => {
  it('thresholds at 95 % and 99.9 % confidence', () => {
    expect(trafficLight(0.06)).toBe('green');
    expect(trafficLight(0.05)).toBe('yellow');
    expect(trafficLight(0.0011)).toBe('yellow');
    expect(trafficLight(0.001)).toBe('red');
  });

  it('a grade with far too many defaults is red on both tests, a calibrated one green', () => {
    const [bad, fine] = pdBacktest([
      { label: 'A', n: 1000, defaults: 40, sumPd: 1000 * 0.02 },
      { label: 'B', n: 1000, defaults: 20, sumPd: 1000 * 0.02 },
    ]);
    expect(bad!.binomialLight).toBe('red');
    expect(bad!.jeffreysLight).toBe('red');
    expect(fine!.binomialLight).toBe('green');
    expect(fine!.jeffreysLight).toBe('green');
    // P(X >= 20 | 1000, 0.02) from SciPy: binom.sf(19, 1000, 0.02).
    expectClose(fine!.binomialP, 0.5306414635316608, 1e-10, 'binomial p');
  });
});
