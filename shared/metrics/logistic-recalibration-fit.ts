// Maximum-likelihood fit of logit P(y = 1) = a + b x (or a + x with b fixed at 1) by Newton-Raphson
// (McCullagh & Nelder 1989, Generalized Linear Models, §4.4). Two parameters need only five running
// sums, so each iteration is one streaming pass without a design matrix. The rows come pooled by
// distinct x with the weight of each outcome (W₀, W₁): a binomial likelihood term per distinct x,
// equal to the sum of the rows' Bernoulli terms, so tied scores cost one exponential together.

const MAX_ITERATIONS = 60;
/**
 * A Newton step below this (relative) is taken as the last: it leaves an error of the order of its
 * square, ~1e-10, far below the 1e-6 to which rms and statsmodels agree. With the warm start the
 * first full-data step is typically a few 1e-6, so one pass over the data ends the fit.
 */
const STEP_TOLERANCE = 1e-5;
const WARM_START_ROWS = 400_000;
const WARM_START_FACTOR = 16;
/** Beyond this the fit is treated as divergent (separation): calibration slopes live far below it. */
const DIVERGENCE_BOUND = 1e4;

/** Result of a logistic recalibration fit. */
export interface RecalibrationFit {
  readonly intercept: number;
  readonly slope: number;
  readonly iterations: number;
}

interface Derivatives {
  readonly g0: number;
  readonly g1: number;
  readonly h00: number;
  readonly h01: number;
  readonly h11: number;
}

/** Score vector and information matrix of the log-likelihood at η = a + b x. */
function derivatives(
  x: Float64Array,
  weight0: Float64Array,
  weight1: Float64Array,
  a: number,
  b: number,
): Derivatives {
  let g0 = 0;
  let g1 = 0;
  let h00 = 0;
  let h01 = 0;
  let h11 = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const eta = a + b * xi;
    // e = exp(-|η|) gives μ without overflow for either sign of η.
    const e = Math.exp(-Math.abs(eta));
    const mu = (eta >= 0 ? 1 : e) / (1 + e);
    const w1 = weight1[i]!;
    const w = weight0[i]! + w1;
    const r = w1 - w * mu;
    const v = w * mu * (1 - mu);
    g0 += r;
    g1 += r * xi;
    h00 += v;
    h01 += v * xi;
    h11 += v * xi * xi;
  }
  return { g0, g1, h00, h01, h11 };
}

/**
 * The table coarsened for a warm start: every `factor` consecutive entries (x ascending) merged into
 * one at their weighted mean x with their summed outcome weights. Neighbouring x are close, so the
 * coarse likelihood's optimum is within a small fraction of the full one's; a stride over distinct
 * values would not do, since it keeps or drops heavily tied values whole.
 */
function coarsened(
  x: Float64Array,
  weight0: Float64Array,
  weight1: Float64Array,
  factor: number,
): [Float64Array, Float64Array, Float64Array] {
  const m = Math.ceil(x.length / factor);
  const cx = new Float64Array(m);
  const c0 = new Float64Array(m);
  const c1 = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    let sum0 = 0;
    let sum1 = 0;
    let sumX = 0;
    const end = Math.min(x.length, (k + 1) * factor);
    for (let i = k * factor; i < end; i++) {
      const w0 = weight0[i]!;
      const w1 = weight1[i]!;
      sum0 += w0;
      sum1 += w1;
      sumX += (w0 + w1) * x[i]!;
    }
    const total = sum0 + sum1;
    cx[k] = total > 0 ? sumX / total : x[k * factor]!;
    c0[k] = sum0;
    c1[k] = sum1;
  }
  return [cx, c0, c1];
}

/** Total weights of the two outcomes. */
function classWeights(weight0: Float64Array, weight1: Float64Array): [number, number] {
  let negative = 0;
  let positive = 0;
  for (let i = 0; i < weight0.length; i++) {
    negative += weight0[i]!;
    positive += weight1[i]!;
  }
  return [negative, positive];
}

/**
 * Intercept a of logit P = a + logit p (slope fixed at 1) by Newton's method on the odds
 * o = p / (1 - p): μ = e^a o / (1 + e^a o) needs no exponential per row. Null without both classes.
 */
export function fitOffsetIntercept(
  odds: Float64Array,
  weight0: Float64Array,
  weight1: Float64Array,
): number | null {
  const [negative, positive] = classWeights(weight0, weight1);
  if (!(positive > 0 && negative > 0)) return null;
  let a = 0;
  if (odds.length >= WARM_START_ROWS) {
    // As for the joint fit: start from the subsample's optimum, two or three passes from the end.
    const warm = fitOffsetIntercept(...coarsened(odds, weight0, weight1, WARM_START_FACTOR));
    if (warm !== null) a = warm;
  }
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const t = Math.exp(a);
    let g = 0;
    let h = 0;
    for (let i = 0; i < odds.length; i++) {
      const s = t * odds[i]!;
      const mu = s / (1 + s);
      const w1 = weight1[i]!;
      const w = weight0[i]! + w1;
      g += w1 - w * mu;
      h += w * mu * (1 - mu);
    }
    if (!(h > 0)) return null;
    // The one-parameter log-likelihood is concave with a bounded step: Newton needs no halving here
    // except far from the optimum, where the step is capped.
    let step = g / h;
    if (step > 5) step = 5;
    else if (step < -5) step = -5;
    a += step;
    if (Math.abs(step) <= STEP_TOLERANCE * (1 + Math.abs(a))) return a;
    if (!(Math.abs(a) < DIVERGENCE_BOUND)) return null;
  }
  return null;
}

/**
 * -2 Σ w [y η - ln(1 + e^η)] at η = a + b x. With a finite `clampLinearPredictor` η is clipped to
 * ±clamp first, as rms's lrm.fit does (±30).
 */
export function logisticDeviance(
  x: Float64Array,
  weight0: Float64Array,
  weight1: Float64Array,
  intercept: number,
  slope: number,
  clampLinearPredictor = Infinity,
): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    let eta = intercept + slope * x[i]!;
    if (eta > clampLinearPredictor) eta = clampLinearPredictor;
    else if (eta < -clampLinearPredictor) eta = -clampLinearPredictor;
    const softplus = (eta > 0 ? eta : 0) + Math.log1p(Math.exp(-Math.abs(eta)));
    const w1 = weight1[i]!;
    // W₀ softplus(η) + W₁ (softplus(η) - η).
    sum += (weight0[i]! + w1) * softplus - w1 * eta;
  }
  return 2 * sum;
}

/**
 * Fits logit P = a + b x when `fixSlope` is false, or a + x (offset, b = 1) when it is true,
 * starting at (0, 1), where a calibrated model already sits. Returns null when the likelihood has
 * no finite maximum (one class only, separation) or x has no spread for a free slope.
 *
 * The likelihood is concave, so a full Newton step is kept whenever the slope of the likelihood
 * along the step is still >= 0 at the new point (it cannot have gone down); otherwise the step is
 * halved. This avoids computing the deviance (a logarithm per row) in every iteration.
 */
export function fitLogisticRecalibration(
  x: Float64Array,
  weight0: Float64Array,
  weight1: Float64Array,
  fixSlope: boolean,
): RecalibrationFit | null {
  const [negative, positive] = classWeights(weight0, weight1);
  if (!(positive > 0 && negative > 0)) return null;

  let a = 0;
  let b = 1;
  if (!fixSlope && x.length >= WARM_START_ROWS) {
    // Converge on the coarsened table first: the full-data Newton steps then start close to the
    // optimum and need only two or three passes instead of five or six.
    const warm = fitLogisticRecalibration(...coarsened(x, weight0, weight1, WARM_START_FACTOR), false);
    if (warm) {
      a = warm.intercept;
      b = warm.slope;
    }
  }
  let state = derivatives(x, weight0, weight1, a, b);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    let da: number;
    let db: number;
    if (fixSlope) {
      if (!(state.h00 > 0)) return null;
      da = state.g0 / state.h00;
      db = 0;
    } else {
      const det = state.h00 * state.h11 - state.h01 * state.h01;
      if (!(det > 1e-13 * state.h00 * state.h11)) return null;
      da = (state.h11 * state.g0 - state.h01 * state.g1) / det;
      db = (state.h00 * state.g1 - state.h01 * state.g0) / det;
    }
    const size = Math.abs(da) + Math.abs(db);
    if (size <= STEP_TOLERANCE * (1 + Math.abs(a) + Math.abs(b))) {
      // Quadratic convergence: after a Newton step of size s the error is O(s²) ~ 1e-10.
      return { intercept: a + da, slope: b + db, iterations: iteration };
    }
    let step = 1;
    let next = derivatives(x, weight0, weight1, a + da, b + db);
    // Directional derivative of the log-likelihood along (da, db) at the candidate point.
    const slopeAlong = next.g0 * da + next.g1 * db;
    // Near the optimum a tiny negative slope is rounding noise, and Newton is exact to second order.
    if (slopeAlong < 0 && size > 1e-6 * (1 + Math.abs(a) + Math.abs(b))) {
      // Overshoot: fall back to step halving on the deviance itself.
      const current = logisticDeviance(x, weight0, weight1, a, b);
      let candidate = logisticDeviance(x, weight0, weight1, a + da, b + db);
      while (!(candidate < current) && step > 1 / 1024) {
        step /= 2;
        candidate = logisticDeviance(x, weight0, weight1, a + step * da, b + step * db);
      }
      if (step !== 1) next = derivatives(x, weight0, weight1, a + step * da, b + step * db);
    }
    a += step * da;
    b += step * db;
    state = next;
    if (!(Math.abs(a) < DIVERGENCE_BOUND && Math.abs(b) < DIVERGENCE_BOUND)) return null;
  }
  return null;
}
