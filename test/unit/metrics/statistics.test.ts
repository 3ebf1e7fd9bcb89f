import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, betaSf } from '../../../shared/statistics/beta-distribution';
import { binomialCdf, binomialUpperTail } from '../../../shared/statistics/binomial';
import { chiSquareCdf, chiSquareSf } from '../../../shared/statistics/chi-square';
import { erf, erfc } from '../../../shared/statistics/erf';
import { regularizedGammaP, regularizedGammaQ } from '../../../shared/statistics/incomplete-gamma';
import { logGamma } from '../../../shared/statistics/log-gamma';
import { normalCdf, normalQuantile, normalSf } from '../../../shared/statistics/normal';
import { jeffreysInterval, wilsonInterval } from '../../../shared/statistics/proportion-interval';
import { quantileOfUnsorted } from '../../../shared/statistics/selection';
import { quantilesOfSorted } from '../../../shared/statistics/quantile';
import { stableOrder } from '../../../shared/statistics/stable-order';
import { expectClose, pythonReference } from './fixtures';

const S = pythonReference.statistics;
/** Special functions are checked against SciPy to 1e-12 relative (1e-10 where a, b reach 1e3-1e5). */
const SPECIAL = 1e-12;

describe('special functions against SciPy', () => {
  it('erf, erfc, normal cdf and survival function (Cody)', () => {
    for (const [x, v] of S.erfc) expectClose(erfc(x), v, 1e-14, `erfc(${x})`, 1e-300);
    for (const [x, v] of S.erf) expectClose(erf(x), v, 1e-14, `erf(${x})`, 1e-300);
    for (const [x, v] of S.normalCdf) expectClose(normalCdf(x), v, SPECIAL, `Φ(${x})`, 1e-300);
    for (const [x, v] of S.normalSf) expectClose(normalSf(x), v, SPECIAL, `1-Φ(${x})`, 1e-300);
  });

  it('normal quantile', () => {
    for (const [q, v] of S.normalQuantile) expectClose(normalQuantile(q), v, 1e-14, `Φ⁻¹(${q})`, 1e-300);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('log-gamma and the regularized incomplete gamma', () => {
    for (const [x, v] of S.logGamma) expectClose(logGamma(x), v, SPECIAL, `lnΓ(${x})`, 1e-300);
    for (const [a, x, v] of S.gammaP)
      expectClose(regularizedGammaP(a, x), v, SPECIAL, `P(${a}, ${x})`, 1e-300);
    for (const [a, x, v] of S.gammaQ)
      expectClose(regularizedGammaQ(a, x), v, SPECIAL, `Q(${a}, ${x})`, 1e-300);
  });

  it('chi-square cdf and survival function', () => {
    for (const [x, df, v] of S.chiSquareSf)
      expectClose(chiSquareSf(x, df), v, SPECIAL, `sf(${x}; ${df})`, 1e-300);
    for (const [x, df, v] of S.chiSquareCdf)
      expectClose(chiSquareCdf(x, df), v, SPECIAL, `cdf(${x}; ${df})`, 1e-300);
  });

  it('beta cdf, survival function and quantile', () => {
    for (const [x, a, b, v] of S.betaCdf) {
      const tol = Math.max(a, b) > 1000 ? 1e-10 : SPECIAL;
      expectClose(betaCdf(x, a, b), v, tol, `I(${x}; ${a}, ${b})`, 1e-300);
    }
    for (const [x, a, b, v] of S.betaSf) {
      const tol = Math.max(a, b) > 1000 ? 1e-10 : SPECIAL;
      expectClose(betaSf(x, a, b), v, tol, `1-I(${x}; ${a}, ${b})`, 1e-300);
    }
    for (const [q, a, b, v] of S.betaQuantile) {
      const tol = Math.max(a, b) > 1000 ? 1e-10 : SPECIAL;
      expectClose(betaQuantile(q, a, b), v, tol, `Beta⁻¹(${q}; ${a}, ${b})`, 1e-300);
    }
  });

  it('binomial lower and upper tails', () => {
    // ln B(a, b) from three ln Γ loses ~n·ε to cancellation: 1e-10 once n reaches 1e3.
    for (const [k, n, q, v] of S.binomialCdf) {
      expectClose(binomialCdf(k, n, q), v, n > 1000 ? 1e-10 : SPECIAL, `F(${k}; ${n}, ${q})`, 1e-300);
    }
    for (const [k, n, q, v] of S.binomialUpperTail) {
      expectClose(
        binomialUpperTail(k, n, q),
        v,
        n > 1000 ? 1e-10 : SPECIAL,
        `P(X>=${k}; ${n}, ${q})`,
        1e-300,
      );
    }
  });

  it('Wilson and Jeffreys intervals against statsmodels', () => {
    for (const [s, t, lo, hi] of S.wilson) {
      const ci = wilsonInterval(s, t);
      expectClose(ci.low, lo, 1e-12, `wilson low ${s}/${t}`, 1e-9);
      expectClose(ci.high, hi, 1e-12, `wilson high ${s}/${t}`, 1e-9);
    }
    for (const [s, t, lo, hi] of S.jeffreys) {
      const ci = jeffreysInterval(s, t);
      // Brown, Cai & DasGupta's boundary rule: 0 successes give 0, n successes give 1.
      expectClose(ci.low, s === 0 ? 0 : lo, 1e-10, `jeffreys low ${s}/${t}`, 1e-9);
      expectClose(ci.high, s === t ? 1 : hi, 1e-10, `jeffreys high ${s}/${t}`, 1e-9);
    }
  });
});

describe('order statistics', () => {
  it('stableOrder sorts non-negative doubles and keeps ties in input order', () => {
    const values = new Float64Array([0.3, 0, 1, 0.3, -0, 5e-324, 0.3, 0.25]);
    expect(Array.from(stableOrder(values))).toEqual([1, 4, 5, 7, 0, 3, 6, 2]);
    expect(() => stableOrder(new Float64Array([0.1, -0.2]))).toThrow(/non-negative/);
  });

  it('stableOrder agrees with a comparator sort on random data with ties', () => {
    let state = 12345;
    const next = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const values = Float64Array.from({ length: 5000 }, () => Math.round(next() * 300) / 300);
    const expected = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);
    expect(Array.from(stableOrder(values))).toEqual(expected);
  });

  it('quickselect quantiles equal the sorted type-7 quantiles, weighted and unweighted', () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 1001) / 37);
    const weights = Float64Array.from({ length: 1001 }, (_, i) => (i % 5 === 0 ? 0 : (i % 3) + 0.5));
    const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
    const sorted = Float64Array.from(order, (i) => values[i]!);
    const sortedWeights = Float64Array.from(order, (i) => weights[i]!);
    for (const prob of [0, 0.1, 0.5, 0.9, 0.999, 1]) {
      expect(quantileOfUnsorted(values, prob)).toBe(quantilesOfSorted(sorted, [prob])[0]);
      expect(quantileOfUnsorted(values, prob, weights)).toBe(
        quantilesOfSorted(sorted, [prob], sortedWeights)[0],
      );
    }
  });
});
