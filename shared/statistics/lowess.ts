// LOWESS smoother without robustness iterations, following Cleveland's clowess as R's
// stats::lowess(x, y, f, iter = 0, delta) runs it (Cleveland 1979, JASA 74:829-836; Cleveland 1981,
// Am. Stat. 35:54): local linear fits with tricube weights over the floor(f n) nearest points,
// fitted only at points at least `delta` apart and linearly interpolated in between.
//
// The work is done on tied x values pooled into groups (distinct x, Σw and Σwy per group): rows with
// equal x get equal tricube weights, so a local fit summed over groups is the same sum regrouped,
// and R's fitted values are equal within a run of ties (copied or interpolated with α = 1). The
// window [nleft, nright] still moves by rows as in clowess — found by binary search, since its
// comparison is monotone in the shift — and the one group cut by nleft contributes only its rows from nleft on,
// read from the row-level y (and weights) in their sorted order. The grouped path is tested against a
// statement-for-statement transcription of clowess on rows (test/unit/metrics/grouped-paths.test.ts).

export interface LowessOptions {
  /** Smoother span: the fraction of points in each local window (R's default 2/3). */
  readonly f?: number;
  /** Points closer than this to the last fitted one are interpolated (R's default 1% of the x range). */
  readonly delta?: number;
}

/** Sorted rows pooled by distinct x. */
export interface LowessGroups {
  /** Distinct x, ascending. */
  readonly x: Float64Array;
  /** Rows of group g are start[g] .. start[g + 1] - 1 (length G + 1). */
  readonly start: Uint32Array;
  /** Σ case weight of each group (its row count when unweighted). */
  readonly weight: Float64Array;
  /** Σ case weight · y of each group. */
  readonly weightedY: Float64Array;
  /** Row-level y and case weights in sorted order, read where the window edge cuts a group. */
  readonly rowY: Float64Array | Uint8Array;
  readonly rowWeight: Float64Array | undefined;
}

/** First index in [lo, hi) with x[index] >= xs (x ascending). */
function firstAtLeast(x: Float64Array, lo: number, hi: number, xs: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! >= xs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index in [lo, hi) with x[index] > cut (x ascending). */
function firstAbove(x: Float64Array, lo: number, hi: number, cut: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! > cut) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The group holding row r: the last g with start[g] <= r. */
function groupOf(start: Uint32Array, r: number): number {
  let lo = 0;
  let hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (start[mid]! <= r) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** First index in [lo, hi) with xs - x[index] <= radius, for x[lo..hi) <= xs ascending. */
function firstWithinLeft(x: Float64Array, lo: number, hi: number, xs: number, radius: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs - x[mid]! <= radius) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index in [lo, hi) with x[index] - xs > radius, for x[lo..hi) >= xs ascending. */
function firstBeyondRight(x: Float64Array, lo: number, hi: number, xs: number, radius: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! - xs > radius) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of a local fit, centred at the fit point: Σw, Σwd, Σwd², Σwy, Σwdy with d = x - xs. */
interface LocalSums {
  s0: number;
  s1: number;
  s2: number;
  t0: number;
  t1: number;
}

/**
 * Adds groups from..to-1 with tricube weights (1 - (|d|/h)³)³ (tricube = true) or weight 1 (R's
 * |d| <= 0.001 h): one branch-free loop over contiguous groups.
 */
function addGroups(
  sums: LocalSums,
  x: Float64Array,
  weight: Float64Array,
  weightedY: Float64Array,
  xs: number,
  inverseH: number,
  from: number,
  to: number,
  tricube: boolean,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let t0 = 0;
  let t1 = 0;
  if (tricube) {
    for (let j = from; j < to; j++) {
      const d = x[j]! - xs;
      // Multiplying by 1/h instead of dividing changes q by at most one ulp and is several times faster.
      const q = Math.abs(d) * inverseH;
      const u = 1 - q * q * q;
      const tw = u * u * u;
      const w = tw * weight[j]!;
      const wy = tw * weightedY[j]!;
      const wd = w * d;
      s0 += w;
      s1 += wd;
      s2 += wd * d;
      t0 += wy;
      t1 += wy * d;
    }
  } else {
    for (let j = from; j < to; j++) {
      const d = x[j]! - xs;
      const w = weight[j]!;
      const wy = weightedY[j]!;
      const wd = w * d;
      s0 += w;
      s1 += wd;
      s2 += wd * d;
      t0 += wy;
      t1 += wy * d;
    }
  }
  sums.s0 += s0;
  sums.s1 += s1;
  sums.s2 += s2;
  sums.t0 += t0;
  sums.t1 += t1;
}

/** Σw and Σwy over rows from..to-1 (the part of a group right of the window's left edge). */
function rowSums(groups: LowessGroups, from: number, to: number): [number, number] {
  const { rowY, rowWeight } = groups;
  let w = 0;
  let wy = 0;
  for (let r = from; r < to; r++) {
    const wr = rowWeight ? rowWeight[r]! : 1;
    w += wr;
    wy += wr * rowY[r]!;
  }
  return [w, wy];
}

// Moments by block, for large inputs. On one side of xs the tricube weight is a polynomial in
// e = (x - xs)/h: (1 - |e|³)³ = 1 - 3s e³ + 3 e⁶ - s e⁹ with s the side's sign. So a run's sums
// Σ W tw e^k (k <= 2) and Σ WY tw e^k (k <= 1) are fixed combinations of the power sums Σ W e^m
// (m <= 11) and Σ WY e^m (m <= 10). For a block of consecutive groups these follow from moments
// about the block's own centre c by the binomial (Taylor) shift e = v·r + δ, v = (x - c)/halfSpread,
// r = halfSpread/h, δ = (c - xs)/h: a fixed ~150 operations per block instead of one pass over its
// groups. Blocks are used only when r <= 1/8, which bounds every term of the shift by 1.25^m times
// the block weight (no cancellation beyond a few ulps of the window's total); other blocks, and the
// partial blocks at the ends of a run, are summed group by group as before. The result equals the
// direct sums up to rounding (~1e-13 relative; tested against a transcription of clowess).

/** Groups per block of precomputed moments. */
const BLOCK = 2048;
/** Below this many distinct x the direct sums are cheap enough (and R's fixtures run there). */
const BLOCK_MOMENTS_MIN_GROUPS = 16_384;
const W_MOMENTS = 12;
const WY_MOMENTS = 11;
const MAX_BLOCK_RATIO = 1 / 8;

/** Binomial coefficients C(m, j), m, j < 12, row-major. */
const BINOMIAL = (() => {
  const table = new Float64Array(W_MOMENTS * W_MOMENTS);
  for (let m = 0; m < W_MOMENTS; m++) {
    table[m * W_MOMENTS] = 1;
    for (let j = 1; j <= m; j++)
      table[m * W_MOMENTS + j] =
        table[(m - 1) * W_MOMENTS + j - 1]! + (j < m ? table[(m - 1) * W_MOMENTS + j]! : 0);
  }
  return table;
})();

interface BlockMoments {
  readonly centre: Float64Array;
  readonly halfSpread: Float64Array;
  /** Σ W v^j, j < 12, and Σ WY v^j, j < 11, per block (v = (x - centre)/halfSpread, |v| <= 1). */
  readonly w: Float64Array;
  readonly wy: Float64Array;
}

function blockMoments(groups: LowessGroups): BlockMoments {
  const { x, weight, weightedY } = groups;
  const count = x.length;
  const blocks = Math.ceil(count / BLOCK);
  const centre = new Float64Array(blocks);
  const halfSpread = new Float64Array(blocks);
  const w = new Float64Array(blocks * W_MOMENTS);
  const wy = new Float64Array(blocks * WY_MOMENTS);
  for (let b = 0; b < blocks; b++) {
    const first = b * BLOCK;
    const end = Math.min(first + BLOCK, count);
    const lo = x[first]!;
    const hi = x[end - 1]!;
    const c = lo + (hi - lo) / 2;
    const half = Math.max(hi - c, c - lo);
    centre[b] = c;
    halfSpread[b] = half;
    const scale = half > 0 ? 1 / half : 0;
    let m0 = 0,
      m1 = 0,
      m2 = 0,
      m3 = 0,
      m4 = 0,
      m5 = 0,
      m6 = 0,
      m7 = 0,
      m8 = 0,
      m9 = 0,
      m10 = 0,
      m11 = 0;
    let n0 = 0,
      n1 = 0,
      n2 = 0,
      n3 = 0,
      n4 = 0,
      n5 = 0,
      n6 = 0,
      n7 = 0,
      n8 = 0,
      n9 = 0,
      n10 = 0;
    for (let j = first; j < end; j++) {
      const v = (x[j]! - c) * scale;
      let a = weight[j]!;
      let y = weightedY[j]!;
      m0 += a;
      n0 += y;
      a *= v;
      y *= v;
      m1 += a;
      n1 += y;
      a *= v;
      y *= v;
      m2 += a;
      n2 += y;
      a *= v;
      y *= v;
      m3 += a;
      n3 += y;
      a *= v;
      y *= v;
      m4 += a;
      n4 += y;
      a *= v;
      y *= v;
      m5 += a;
      n5 += y;
      a *= v;
      y *= v;
      m6 += a;
      n6 += y;
      a *= v;
      y *= v;
      m7 += a;
      n7 += y;
      a *= v;
      y *= v;
      m8 += a;
      n8 += y;
      a *= v;
      y *= v;
      m9 += a;
      n9 += y;
      a *= v;
      y *= v;
      m10 += a;
      n10 += y;
      a *= v;
      m11 += a;
    }
    w.set([m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11], b * W_MOMENTS);
    wy.set([n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10], b * WY_MOMENTS);
  }
  return { centre, halfSpread, w, wy };
}

/** Σ_j C(m, j) δ^{m-j} r^j M_j for m < count: the power sums of e = v·r + δ from moments of v. */
function shiftedPowerSums(
  moments: Float64Array,
  offset: number,
  count: number,
  r: number,
  delta: number,
  out: Float64Array,
  deltaPowers: Float64Array,
): void {
  const binomial = BINOMIAL;
  const stride = W_MOMENTS;
  let rj = 1;
  // Scaled moments r^j M_j, kept in out until they are overwritten from the top down.
  const scaled = out;
  for (let j = 0; j < count; j++) {
    scaled[j] = moments[offset + j]! * rj;
    rj *= r;
  }
  for (let m = count - 1; m >= 0; m--) {
    let sum = 0;
    for (let j = 0; j <= m; j++) sum += binomial[m * stride + j]! * deltaPowers[m - j]! * scaled[j]!;
    scaled[m] = sum;
  }
}

/**
 * Adds a run of groups from..to-1 on one side of xs (side = -1 left, +1 right) with tricube weights:
 * whole blocks of narrow spread from their moments, everything else group by group.
 */
function addTricubeRun(
  sums: LocalSums,
  groups: LowessGroups,
  blocks: BlockMoments | undefined,
  scratch: Float64Array,
  xs: number,
  h: number,
  from: number,
  to: number,
  side: number,
): void {
  const { x, weight, weightedY } = groups;
  const inverseH = 1 / h;
  if (!blocks || to - from < 2 * BLOCK) {
    addGroups(sums, x, weight, weightedY, xs, inverseH, from, to, true);
    return;
  }
  const firstBlock = Math.ceil(from / BLOCK);
  const endBlock = Math.floor(to / BLOCK);
  addGroups(sums, x, weight, weightedY, xs, inverseH, from, firstBlock * BLOCK, true);
  addGroups(sums, x, weight, weightedY, xs, inverseH, endBlock * BLOCK, to, true);
  const { centre, halfSpread } = blocks;
  const sw = scratch.subarray(0, W_MOMENTS);
  const swy = scratch.subarray(W_MOMENTS, W_MOMENTS + WY_MOMENTS);
  const deltaPowers = scratch.subarray(2 * W_MOMENTS, 3 * W_MOMENTS);
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let b0 = 0;
  let b1 = 0;
  for (let b = firstBlock; b < endBlock; b++) {
    const r = halfSpread[b]! * inverseH;
    if (!(r <= MAX_BLOCK_RATIO)) {
      addGroups(sums, x, weight, weightedY, xs, inverseH, b * BLOCK, (b + 1) * BLOCK, true);
      continue;
    }
    const delta = (centre[b]! - xs) * inverseH;
    let power = 1;
    for (let k = 0; k < W_MOMENTS; k++) {
      deltaPowers[k] = power;
      power *= delta;
    }
    shiftedPowerSums(blocks.w, b * W_MOMENTS, W_MOMENTS, r, delta, sw, deltaPowers);
    shiftedPowerSums(blocks.wy, b * WY_MOMENTS, WY_MOMENTS, r, delta, swy, deltaPowers);
    // Σ W tw e^k = S_k - 3s S_{k+3} + 3 S_{k+6} - s S_{k+9}.
    a0 += sw[0]! - 3 * side * sw[3]! + 3 * sw[6]! - side * sw[9]!;
    a1 += sw[1]! - 3 * side * sw[4]! + 3 * sw[7]! - side * sw[10]!;
    a2 += sw[2]! - 3 * side * sw[5]! + 3 * sw[8]! - side * sw[11]!;
    b0 += swy[0]! - 3 * side * swy[3]! + 3 * swy[6]! - side * swy[9]!;
    b1 += swy[1]! - 3 * side * swy[4]! + 3 * swy[7]! - side * swy[10]!;
  }
  // Back from powers of e = d/h to powers of d.
  sums.s0 += a0;
  sums.s1 += a1 * h;
  sums.s2 += a2 * h * h;
  sums.t0 += b0;
  sums.t1 += b1 * h;
}

/**
 * Weighted local linear fit at xs (R's lowest()) over rows nleft.. (sorted), nleft in group gLeft,
 * nright in group gRight. Rows with |x - xs| <= 0.999 h form one contiguous run of groups (x is
 * sorted), found by binary search; the sums are centred at xs, algebraically identical to R's
 * normalise-then-centre passes. Returns NaN when every weight is zero.
 */
function localFit(
  groups: LowessGroups,
  blocks: BlockMoments | undefined,
  scratch: Float64Array,
  xs: number,
  nleft: number,
  gLeft: number,
  gRight: number,
  range: number,
): number {
  const { x, start, weight, weightedY } = groups;
  const count = x.length;
  const h = Math.max(xs - x[gLeft]!, x[gRight]! - xs);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  // R scans rows from nleft and stops at the first row right of xs beyond 0.999 h; rows left of xs
  // beyond 0.999 h get weight 0. Both cut-offs are monotone in the sorted index.
  const centre = firstAtLeast(x, gLeft, count, xs);
  const from = firstWithinLeft(x, gLeft, centre, xs, h9);
  const to = firstBeyondRight(x, centre, count, xs, h9);
  const innerFrom = firstWithinLeft(x, from, centre, xs, h1);
  const innerTo = firstBeyondRight(x, centre, to, xs, h1);

  const sums: LocalSums = { s0: 0, s1: 0, s2: 0, t0: 0, t1: 0 };
  const inverseH = 1 / h;
  let next = from;
  if (from === gLeft && nleft > start[gLeft]!) {
    // The window's left edge cuts this group: only its rows from nleft on take part, as in lowest().
    // clowess's sliding rule leaves such a group at distance h (weight 0) whenever h > 0, so this is
    // a safeguard that keeps the sums literally R's rather than a path real data takes.
    const groupEnd = start[gLeft + 1]!;
    const before = nleft - start[gLeft]!;
    let w: number;
    let wy: number;
    if (groupEnd - nleft <= before) [w, wy] = rowSums(groups, nleft, groupEnd);
    else {
      const [bw, bwy] = rowSums(groups, start[gLeft]!, nleft);
      w = weight[gLeft]! - bw;
      wy = weightedY[gLeft]! - bwy;
    }
    const d = x[gLeft]! - xs;
    let tw = 1;
    if (!(Math.abs(d) <= h1)) {
      const q = Math.abs(d) * inverseH;
      const u = 1 - q * q * q;
      tw = u * u * u;
    }
    sums.s0 += tw * w;
    sums.s1 += tw * w * d;
    sums.s2 += tw * w * d * d;
    sums.t0 += tw * wy;
    sums.t1 += tw * wy * d;
    next = from + 1;
  }
  addTricubeRun(sums, groups, blocks, scratch, xs, h, next, Math.max(next, innerFrom), -1);
  addGroups(sums, x, weight, weightedY, xs, inverseH, Math.max(next, innerFrom), innerTo, false);
  addTricubeRun(sums, groups, blocks, scratch, xs, h, Math.max(next, innerTo), to, 1);
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
 * LOWESS fitted value of each group of `groups` (R: lowess(x, y, f, iter = 0, delta)$y, which is
 * equal on tied x). Case weights, when the groups carry them, multiply the tricube weights (an
 * extension: R's lowess has none); the span f·n counts rows.
 */
export function lowessGrouped(groups: LowessGroups, options: LowessOptions = {}): Float64Array {
  const { x, start } = groups;
  const count = x.length;
  const n = count > 0 ? start[count]! : 0;
  const fitted = new Float64Array(count);
  if (n === 0) return fitted;
  if (n < 2) {
    fitted[0] = Number(groups.rowY[0]!);
    return fitted;
  }
  const f = options.f ?? 2 / 3;
  const range = x[count - 1]! - x[0]!;
  const delta = options.delta ?? 0.01 * range;
  const ns = Math.max(2, Math.min(n, Math.floor(f * n + 1e-7)));
  const blocks = count >= BLOCK_MOMENTS_MIN_GROUPS ? blockMoments(groups) : undefined;
  const scratch = new Float64Array(3 * W_MOMENTS);

  // Rows: nleft, nright (the window), i (the fit point), last (the last fitted row); and the groups
  // holding nleft, nright and i.
  let nleft = 0;
  let nright = ns - 1;
  let i = 0;
  let gi = 0;
  let lastGroup = -1;
  for (;;) {
    const xi = x[gi]!;
    // Slide the window right while that shrinks the radius around x[i]. clowess steps one row at a
    // time; the test xi - x[nleft + k] > x[nright + 1 + k] - xi can only turn false as k grows, so
    // the first k where it fails is found by binary search (rows map to groups by their offsets).
    let lo = 0;
    let hi = n - 1 - nright;
    while (lo < hi) {
      const k = (lo + hi) >>> 1;
      if (xi - x[groupOf(start, nleft + k)]! > x[groupOf(start, nright + 1 + k)]! - xi) lo = k + 1;
      else hi = k;
    }
    nleft += lo;
    nright += lo;
    const gLeft = groupOf(start, nleft);
    const gRight = groupOf(start, nright);
    const value = localFit(groups, blocks, scratch, xi, nleft, gLeft, gRight, range);
    fitted[gi] = Number.isNaN(value) ? Number(groups.rowY[i]!) : value;
    if (lastGroup >= 0 && lastGroup < gi - 1) {
      const xLast = x[lastGroup]!;
      const denom = xi - xLast;
      for (let j = lastGroup + 1; j < gi; j++) {
        const alpha = (x[j]! - xLast) / denom;
        fitted[j] = alpha * fitted[gi]! + (1 - alpha) * fitted[lastGroup]!;
      }
    }
    // Rows tied with the fit point copy its value: the last fitted row is the end of its group.
    lastGroup = gi;
    if (gi >= count - 1) break;
    // The next fit is at the last row within delta of x[last] (R: i = max(last + 1, i - 1)), or
    // the first row after the group when none is.
    const cut = xi + delta;
    const beyond = firstAbove(x, gi + 1, count, cut);
    if (beyond - 1 > gi) {
      gi = beyond - 1;
      i = start[gi + 1]! - 1;
    } else {
      gi += 1;
      i = start[gi]!;
    }
  }
  return fitted;
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
  let count = 1;
  for (let i = 1; i < n; i++) if (x[i] !== x[i - 1]) count++;
  const distinct = new Float64Array(count);
  const start = new Uint32Array(count + 1);
  const weight = new Float64Array(count);
  const weightedY = new Float64Array(count);
  let g = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || x[i] !== x[i - 1]) {
      g++;
      distinct[g] = x[i]!;
      start[g] = i;
    }
    const wi = caseWeights ? caseWeights[i]! : 1;
    weight[g]! += wi;
    weightedY[g]! += wi * y[i]!;
  }
  start[count] = n;
  const byGroup = lowessGrouped(
    { x: distinct, start, weight, weightedY, rowY: y, rowWeight: caseWeights },
    options,
  );
  for (let k = 0; k < count; k++) fitted.fill(byGroup[k]!, start[k]!, start[k + 1]!);
  return fitted;
}
