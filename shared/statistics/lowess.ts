// LOWESS smoother without robustness iterations, following Cleveland's clowess as R's
// stats::lowess(x, y, f, iter = 0, delta) runs it (Cleveland 1979, JASA 74:829-836; Cleveland 1981,
// Am. Stat. 35:54): local linear fits with tricube weights over the floor(f n) nearest points,
// fitted only at points at least `delta` apart and linearly interpolated in between.

export interface LowessOptions {
  /** Smoother span: the fraction of points in each local window (R's default 2/3). */
  readonly f?: number;
  /** Points closer than this to the last fitted one are interpolated (R's default 1% of the x range). */
  readonly delta?: number;
}

/** Running sums of a local fit, centred at the fit point: Σw, Σwd, Σwd², Σwy, Σwdy with d = x - xs. */
class LocalSums {
  s0 = 0;
  s1 = 0;
  s2 = 0;
  t0 = 0;
  t1 = 0;
}

/** First index in [lo, hi) where `inside(j)` holds, for a predicate false then true. */
function firstTrue(lo: number, hi: number, inside: (j: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds rows from..to-1 with tricube weights (1 - (|d|/h)³)³, times case weights when given. */
function addTricube(
  sums: LocalSums,
  x: Float64Array,
  y: Float64Array,
  caseWeights: Float64Array | undefined,
  xs: number,
  h: number,
  from: number,
  to: number,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let t0 = 0;
  let t1 = 0;
  // Multiplying by 1/h instead of dividing changes q by at most one ulp and is several times faster.
  const inverseH = 1 / h;
  for (let j = from; j < to; j++) {
    const d = x[j]! - xs;
    const q = Math.abs(d) * inverseH;
    const u = 1 - q * q * q;
    let w = u * u * u;
    if (caseWeights) w *= caseWeights[j]!;
    const yj = y[j]!;
    const wd = w * d;
    s0 += w;
    s1 += wd;
    s2 += wd * d;
    t0 += w * yj;
    t1 += wd * yj;
  }
  sums.s0 += s0;
  sums.s1 += s1;
  sums.s2 += s2;
  sums.t0 += t0;
  sums.t1 += t1;
}

/** Adds rows from..to-1 with weight 1 (|d| <= 0.001 h in R's lowest), times case weights when given. */
function addUnit(
  sums: LocalSums,
  x: Float64Array,
  y: Float64Array,
  caseWeights: Float64Array | undefined,
  xs: number,
  from: number,
  to: number,
): void {
  for (let j = from; j < to; j++) {
    const d = x[j]! - xs;
    const w = caseWeights ? caseWeights[j]! : 1;
    const wd = w * d;
    sums.s0 += w;
    sums.s1 += wd;
    sums.s2 += wd * d;
    sums.t0 += w * y[j]!;
    sums.t1 += wd * y[j]!;
  }
}

/**
 * Weighted local linear fit at xs over sorted x from nleft on (R's lowest()). Rows with
 * |x - xs| <= 0.999 h form one contiguous run (x is sorted), found by binary search, so the loops
 * carry no per-row branches; the sums are centred at xs, algebraically identical to R's
 * normalise-then-centre passes. Returns NaN when every weight is zero.
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
  // R scans from nleft and stops at the first point right of xs beyond 0.999 h; points left of xs
  // beyond 0.999 h get weight 0. Both cut-offs are monotone in the sorted index.
  const centre = firstTrue(nleft, n, (j) => x[j]! >= xs);
  const start = firstTrue(nleft, centre, (j) => xs - x[j]! <= h9);
  const end = firstTrue(centre, n, (j) => x[j]! - xs > h9);
  const innerStart = firstTrue(start, centre, (j) => xs - x[j]! <= h1);
  const innerEnd = firstTrue(centre, end, (j) => x[j]! - xs > h1);
  const sums = new LocalSums();
  addTricube(sums, x, y, caseWeights, xs, h, start, innerStart);
  addUnit(sums, x, y, caseWeights, xs, innerStart, innerEnd);
  addTricube(sums, x, y, caseWeights, xs, h, innerEnd, end);
  const { s0, s1, s2, t0, t1 } = sums;
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
