// Maximum-likelihood fit of logit P(y = 1) = a + b x (or a + x with b fixed at 1) by Newton-Raphson
// with step halving (McCullagh & Nelder 1989, Generalized Linear Models, §4.4). Two parameters
// need only a handful of running sums, so each iteration is one streaming pass over the rows.

const MAX_ITERATIONS = 60;
const TOLERANCE = 1e-12;
/** Beyond this the fit is treated as divergent (separation): calibration slopes live far below it. */
const DIVERGENCE_BOUND = 1e4;

/** Result of a logistic recalibration fit. */
export interface RecalibrationFit {
  readonly intercept: number;
  readonly slope: number;
  /** -2 log-likelihood at the estimate. */
  readonly deviance: number;
  readonly iterations: number;
}

interface Evaluation {
  readonly deviance: number;
  readonly g0: number;
  readonly g1: number;
  readonly h00: number;
  readonly h01: number;
  readonly h11: number;
}

/**
 * -2 log-likelihood, score and information at η = a + b x in one pass. With a finite
 * `clampLinearPredictor` η is clipped to ±clamp first, as rms's lrm.fit does (±30).
 */
function evaluate(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  a: number,
  b: number,
  clampLinearPredictor = Infinity,
): Evaluation {
  let deviance = 0;
  let g0 = 0;
  let g1 = 0;
  let h00 = 0;
  let h01 = 0;
  let h11 = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    let eta = a + b * xi;
    if (eta > clampLinearPredictor) eta = clampLinearPredictor;
    else if (eta < -clampLinearPredictor) eta = -clampLinearPredictor;
    // e = exp(-|η|) gives μ and ln(1 + e^η) without overflow for either sign of η.
    const e = Math.exp(-Math.abs(eta));
    const mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const softplus = (eta > 0 ? eta : 0) + Math.log1p(e);
    const wi = w ? w[i]! : 1;
    const yi = y[i]!;
    const r = wi * (yi - mu);
    const v = wi * mu * (1 - mu);
    deviance += wi * (softplus - yi * eta);
    g0 += r;
    g1 += r * xi;
    h00 += v;
    h01 += v * xi;
    h11 += v * xi * xi;
  }
  return { deviance: 2 * deviance, g0, g1, h00, h01, h11 };
}

/** -2 Σ w [y η - ln(1 + e^η)] at η = a + b x, optionally with η clipped to ±clamp (rms's lrm.fit uses 30). */
export function logisticDeviance(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  intercept: number,
  slope: number,
  clampLinearPredictor = Infinity,
): number {
  return evaluate(x, y, w, intercept, slope, clampLinearPredictor).deviance;
}

/**
 * Fits logit P = a + b x when `fixSlope` is false, or a + x (offset, b = 1) when it is true,
 * starting at (0, 1), where a calibrated model already sits. Returns null when the likelihood has
 * no finite maximum (one class only, separation) or x has no spread for a free slope.
 */
export function fitLogisticRecalibration(
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  fixSlope: boolean,
): RecalibrationFit | null {
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i]! : 1;
    if (y[i] === 1) positive += wi;
    else negative += wi;
  }
  if (!(positive > 0 && negative > 0)) return null;

  let a = 0;
  let b = 1;
  let state = evaluate(x, y, w, a, b);
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
    // Step halving keeps every update an improvement of the likelihood.
    let step = 1;
    let next = evaluate(x, y, w, a + da, b + db);
    while (!(next.deviance <= state.deviance) && step > 1e-6) {
      step /= 2;
      next = evaluate(x, y, w, a + step * da, b + step * db);
    }
    if (!(next.deviance <= state.deviance)) {
      // Rounding noise dominates the likelihood change: (a, b) is the optimum to working precision.
      return accept(a, b, state.deviance, iteration);
    }
    a += step * da;
    b += step * db;
    state = next;
    if (!(Math.abs(a) < DIVERGENCE_BOUND && Math.abs(b) < DIVERGENCE_BOUND)) return null;
    if (Math.abs(step * da) + Math.abs(step * db) <= TOLERANCE * (1 + Math.abs(a) + Math.abs(b))) {
      return accept(a, b, state.deviance, iteration);
    }
  }
  return null;
}

function accept(a: number, b: number, deviance: number, iterations: number): RecalibrationFit {
  return { intercept: a, slope: b, deviance, iterations };
}
