// LOWESS smoother without robustness iterations, following Cleveland's clowess as R's
// stats::lowess(x, y, f, iter = 0, delta) runs it (Cleveland 1979, JASA 74:829-836; Cleveland 1981,
// Am. Stat. 35:54): local linear fits with tricube weights over the ceil-free f*n nearest points,
// fitted only at points at least `delta` apart and linearly interpolated in between.

export interface LowessOptions {
  /** Smoother span: the fraction of points in each local window (R's default 2/3). */
  readonly f?: number;
  /** Points closer than this to the last fitted one are interpolated (R's default 1% of the x range). */
  readonly delta?: number;
}

/**
 * Weighted local linear fit at xs over sorted x[nleft..] (R's lowest()). Accumulates the sums in one
 * pass centred at xs, which is algebraically identical to R's normalise-then-centre passes.
 * Returns NaN when every weight is zero.
 */
function localFit(
  x: Float64Array,
  y: Float64Array,
  caseWeights: Float64Array | undefined,
  xs: number,
  nleft: number,
  nright: number,
  range: number,
): number {
  const n = x.length;
  const h = Math.max(xs - x[nleft]!, x[nright]! - xs);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let t0 = 0;
  let t1 = 0;
  for (let j = nleft; j < n; j++) {
    const xj = x[j]!;
    const d = xj - xs;
    const r = Math.abs(d);
    if (r <= h9) {
      let w: number;
      if (r <= h1) {
        w = 1;
      } else {
        const q = r / h;
        const u = 1 - q * q * q;
        w = u * u * u;
      }
      if (caseWeights) w *= caseWeights[j]!;
      const yj = y[j]!;
      s0 += w;
      s1 += w * d;
      s2 += w * d * d;
      t0 += w * yj;
      t1 += w * d * yj;
    } else if (xj > xs) {
      // Past the window on the right (ties with the last window point were picked up above).
      break;
    }
  }
  if (!(s0 > 0)) return Number.NaN;
  const yMean = t0 / s0;
  if (!(h > 0)) return yMean;
  const m = s1 / s0; // weighted mean of x - xs
  const c = s2 / s0 - m * m; // weighted variance of x
  if (!(Math.sqrt(c) > 0.001 * range)) return yMean;
  const covariance = t1 / s0 - m * yMean;
  return yMean - (m * covariance) / c;
}

/**
 * LOWESS fitted values at each point of ascending `x` (R: lowess(x, y, f, iter = 0, delta)$y).
 * Optional case weights multiply the tricube weights (an extension: R's lowess has none).
 */
export function lowessSorted(
  x: Float64Array,
  y: Float64Array,
  options: LowessOptions = {},
  caseWeights?: Float64Array,
): Float64Array {
  const n = x.length;
  const fitted = new Float64Array(n);
  if (n === 0) return fitted;
  if (n < 2) {
    fitted[0] = y[0]!;
    return fitted;
  }
  const f = options.f ?? 2 / 3;
  const range = x[n - 1]! - x[0]!;
  const delta = options.delta ?? 0.01 * range;
  const ns = Math.max(2, Math.min(n, Math.floor(f * n + 1e-7)));

  let nleft = 0;
  let nright = ns - 1;
  let last = -1;
  let i = 0;
  for (;;) {
    if (nright < n - 1) {
      // Slide the window right while that shrinks the radius around x[i].
      const d1 = x[i]! - x[nleft]!;
      const d2 = x[nright + 1]! - x[i]!;
      if (d1 > d2) {
        nleft++;
        nright++;
        continue;
      }
    }
    const value = localFit(x, y, caseWeights, x[i]!, nleft, nright, range);
    fitted[i] = Number.isNaN(value) ? y[i]! : value;
    if (last < i - 1) {
      const denom = x[i]! - x[last]!;
      for (let j = last + 1; j < i; j++) {
        const alpha = (x[j]! - x[last]!) / denom;
        fitted[j] = alpha * fitted[i]! + (1 - alpha) * fitted[last]!;
      }
    }
    last = i;
    const cut = x[last]! + delta;
    for (i = last + 1; i < n; i++) {
      if (x[i]! > cut) break;
      if (x[i] === x[last]) {
        fitted[i] = fitted[last]!;
        last = i;
      }
    }
    i = Math.max(last + 1, i - 1);
    if (last >= n - 1) break;
  }
  return fitted;
}
