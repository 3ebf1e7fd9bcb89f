import { logBeta } from './log-gamma';

// Regularized incomplete beta I_x(a, b) by the modified Lentz continued fraction
// (Numerical Recipes 3rd ed., §6.4, betacf), evaluated on whichever side converges quickly.
const EPS = Number.EPSILON;
const TINY = 1e-300;
const MAX_ITERATIONS = 1_000_000;

function continuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return h;
}

/** x^a (1-x)^b / B(a, b), the common prefactor of both continued-fraction sides. */
function prefactor(x: number, a: number, b: number): number {
  return Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
}

/**
 * Both tails of the regularized incomplete beta: [I_x(a, b), 1 - I_x(a, b)], the small one
 * computed directly so that neither loses precision to cancellation when it is the side evaluated.
 */
export function regularizedBetaTails(x: number, a: number, b: number): [number, number] {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x)) return [Number.NaN, Number.NaN];
  if (x <= 0) return [0, 1];
  if (x >= 1) return [1, 0];
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (prefactor(x, a, b) * continuedFraction(a, b, x)) / a;
    return [lower, 1 - lower];
  }
  const upper = (prefactor(x, a, b) * continuedFraction(b, a, 1 - x)) / b;
  return [1 - upper, upper];
}

/** Regularized incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  return regularizedBetaTails(x, a, b)[0];
}
