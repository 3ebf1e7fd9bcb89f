import { logBeta } from './log-gamma';
import { regularizedBetaTails } from './incomplete-beta';

/** Beta(a, b) cdf at x. */
export function betaCdf(x: number, a: number, b: number): number {
  return regularizedBetaTails(x, a, b)[0];
}

/** Beta(a, b) survival function 1 - F(x), computed without cancellation in the upper tail. */
export function betaSf(x: number, a: number, b: number): number {
  return regularizedBetaTails(x, a, b)[1];
}

/** Initial guess for the beta quantile (Numerical Recipes 3rd ed., §6.14, invbetai). */
function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    const al = (x * x - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (x * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  return p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
}

/**
 * Lower-tail beta quantile for p <= 0.5: Halley iterations on I_x(a, b) = p (Numerical Recipes
 * invbetai), kept inside a shrinking bisection bracket so that it always converges.
 */
function lowerQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  let x = initialGuess(p, a, b);
  if (!(x > 0 && x < 1)) x = 0.5;
  const logNorm = -logBeta(a, b);
  for (let iteration = 0; iteration < 200; iteration++) {
    const err = regularizedBetaTails(x, a, b)[0] - p;
    if (err === 0) return x;
    if (err < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) + logNorm);
    const u = err / density;
    const step = u / (1 - 0.5 * Math.min(1, u * ((a - 1) / x - (b - 1) / (1 - x))));
    let next = x - step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 4e-16 * hi) return next;
    x = next;
  }
  return x;
}

/** Beta(a, b) quantile F⁻¹(p), solving on the tail with the smaller probability for accuracy. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(a > 0) || !(b > 0)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (p <= 0.5) return lowerQuantile(p, a, b);
  return 1 - lowerQuantile(1 - p, b, a);
}
