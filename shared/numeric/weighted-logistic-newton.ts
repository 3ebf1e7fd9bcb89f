import { denseCholeskySolve } from './dense-cholesky-solve';

/**
 * Weighted logistic regression by damped Newton's method (IRLS): minimises
 * Σ wᵢ [softplus(ηᵢ) - tᵢ ηᵢ], ηᵢ = θ₀ + Σⱼ θⱼ xᵢⱼ, with soft targets tᵢ chosen per label (1/0 for
 * maximum likelihood, Platt's smoothed targets otherwise). Each iteration is one pass over the rows
 * accumulating gradient and the (few-by-few) Hessian; a full step is kept when the directional
 * derivative of the (convex) loss along it is still <= 0 at the new point, otherwise it is halved
 * until the loss does not increase; iteration stops when every coordinate moves by at most 1e-12
 * relative, or after a step below 1e-8 relative (the error left is of its square).
 */
export interface WeightedLogisticProblem {
  /** Feature columns, all of the same length as `labels`. */
  readonly features: readonly Float64Array[];
  readonly intercept: boolean;
  readonly labels: Uint8Array;
  /** Target used for rows with label 1 (default 1). */
  readonly positiveTarget?: number;
  /** Target used for rows with label 0 (default 0). */
  readonly negativeTarget?: number;
  /** Row weights; undefined means every weight is 1. */
  readonly weights?: Float64Array | undefined;
  /** Starting point (intercept first when there is one); default: intercept at the logit of the mean target, slopes 0. */
  readonly initial?: readonly number[];
}

export type WeightedLogisticStatus = 'converged' | 'singular-hessian' | 'diverged' | 'max-iterations';

export interface WeightedLogisticFit {
  readonly status: WeightedLogisticStatus;
  /** Intercept first (when fitted), then one slope per feature column. */
  readonly coefficients: number[];
  readonly loss: number;
  readonly iterations: number;
}

const MAX_ITERATIONS = 200;
const MAX_HALVINGS = 60;
const RELATIVE_STEP_TOLERANCE = 1e-12;
/** Relative Newton steps below this are taken in full, without evaluating the loss (log1p per row). */
const QUADRATIC_REGION = 1e-2;
/** After a step this small the remaining error is of its square's order, far below the tolerance. */
const FINAL_STEP = 1e-8;
/** Large problems first fit an evenly spaced subsample of this many rows, so 2–3 full passes remain. */
const WARM_START_ROWS = 100_000;
/** Coefficients this large only arise when the classes are separable and the optimum is at infinity. */
const DIVERGENCE_BOUND = 1e8;

export function fitWeightedLogistic(problem: WeightedLogisticProblem): WeightedLogisticFit {
  const { features, intercept, labels, weights } = problem;
  const tPos = problem.positiveTarget ?? 1;
  const tNeg = problem.negativeTarget ?? 0;
  const m = features.length + (intercept ? 1 : 0);
  const theta = new Float64Array(m);
  if (problem.initial) {
    for (let j = 0; j < m; j++) theta[j] = problem.initial[j] ?? 0;
  } else if (labels.length > 2 * WARM_START_ROWS) {
    theta.set(warmStart(problem));
  } else if (intercept) {
    theta[0] = initialIntercept(labels, weights, tPos, tNeg);
  }
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const offset = intercept ? 1 : 0;
  // max |x| of each feature: bounds how far a step moves any linear predictor.
  const featureBounds = features.map((column) => {
    let largest = 0;
    for (let i = 0; i < column.length; i++) {
      const v = Math.abs(column[i]!);
      if (v > largest) largest = v;
    }
    return largest;
  });
  // NaN marks a loss not computed yet (passes inside the quadratic region skip it).
  let loss = accumulate(problem, theta, tPos, tNeg, gradient, hessian, false);
  const trialGradient = new Float64Array(m);
  const trialHessian = new Float64Array(m * m);
  const trial = new Float64Array(m);

  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const rhs = gradient.map((g) => -g);
    const direction = denseCholeskySolve(hessian, rhs, m);
    if (!direction)
      return { status: 'singular-hessian', coefficients: Array.from(theta), loss, iterations: iteration };
    let maxRelativeDirection = 0;
    for (let j = 0; j < m; j++) {
      maxRelativeDirection = Math.max(
        maxRelativeDirection,
        Math.abs(direction[j]!) / (1 + Math.abs(theta[j]!)),
      );
    }
    // Close to the optimum Newton's step is exact to second order and loss differences are rounding
    // noise, so the full step is taken without a line search.
    const trustFullStep = maxRelativeDirection <= QUADRATIC_REGION;
    if (maxRelativeDirection <= RELATIVE_STEP_TOLERANCE) {
      // The remaining correction is below the tolerance: take it without another pass over the rows.
      for (let j = 0; j < m; j++) theta[j] = theta[j]! + direction[j]!;
      return { status: 'converged', coefficients: Array.from(theta), loss, iterations: iteration };
    }
    if (maxRelativeDirection <= FINAL_STEP) {
      for (let j = 0; j < m; j++) theta[j] = theta[j]! + direction[j]!;
      return { status: 'converged', coefficients: Array.from(theta), loss, iterations: iteration };
    }
    // The full Newton step first, without the loss (a log1p per row). It is kept when a decrease of
    // the loss is certain: (a) with M a bound on the change of every linear predictor ηᵢ over the
    // step, the loss along it, f(s), has |f‴| <= M f″ (the logistic loss has |ℓ‴| <= ℓ″), so
    // f(1) - f(0) <= f′(0) + f″(0) (e^M - 1 - M)/M², known before the pass; or (b) the loss is
    // convex and its directional derivative at the new point is still <= 0. Only otherwise (an
    // overshoot far from the optimum) is the step halved on loss values.
    let step = 1;
    let slope0 = 0;
    let curvature0 = 0;
    for (let a = 0; a < m; a++) {
      slope0 += gradient[a]! * direction[a]!;
      for (let b = 0; b < m; b++) curvature0 += direction[a]! * hessian[a * m + b]! * direction[b]!;
    }
    let bound = intercept ? Math.abs(direction[0]!) : 0;
    for (let j = 0; j < features.length; j++) bound += Math.abs(direction[j + offset]!) * featureBounds[j]!;
    // (e^M - 1 - M)/M² = 1/2 + M/6 + M²/24 + …; for tiny M the series with a generous last term.
    const excess =
      bound > 1e-4 ? (Math.expm1(bound) - bound) / (bound * bound) : 0.5 + bound / 6 + (bound * bound) / 12;
    const certainDecrease = slope0 + curvature0 * excess < 0;
    for (let j = 0; j < m; j++) trial[j] = theta[j]! + direction[j]!;
    let trialLoss = accumulate(problem, trial, tPos, tNeg, trialGradient, trialHessian, false);
    let along = 0;
    for (let j = 0; j < m; j++) along += trialGradient[j]! * direction[j]!;
    let accepted = trustFullStep || certainDecrease || along <= 0;
    if (!accepted) {
      if (Number.isNaN(loss)) loss = accumulate(problem, theta, tPos, tNeg, gradient, hessian, true);
      for (let halving = 0; halving < MAX_HALVINGS; halving++) {
        for (let j = 0; j < m; j++) trial[j] = theta[j]! + step * direction[j]!;
        trialLoss = accumulate(problem, trial, tPos, tNeg, trialGradient, trialHessian, true);
        if (trialLoss <= loss) {
          accepted = true;
          break;
        }
        step /= 2;
      }
    }
    if (!accepted) {
      return { status: 'max-iterations', coefficients: Array.from(theta), loss, iterations: iteration };
    }
    const maxRelativeMove = step * maxRelativeDirection;
    theta.set(trial);
    gradient.set(trialGradient);
    hessian.set(trialHessian);
    loss = trialLoss;
    for (let j = 0; j < m; j++) {
      if (!(Math.abs(theta[j]!) < DIVERGENCE_BOUND)) {
        return { status: 'diverged', coefficients: Array.from(theta), loss, iterations: iteration };
      }
    }
    if (maxRelativeMove <= RELATIVE_STEP_TOLERANCE) {
      return { status: 'converged', coefficients: Array.from(theta), loss, iterations: iteration };
    }
  }
  return { status: 'max-iterations', coefficients: Array.from(theta), loss, iterations: MAX_ITERATIONS };
}

function initialIntercept(
  labels: Uint8Array,
  weights: Float64Array | undefined,
  tPos: number,
  tNeg: number,
): number {
  let sumW = 0;
  let sumWT = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i]! : 1;
    sumW += w;
    sumWT += w * (labels[i] ? tPos : tNeg);
  }
  const mean = Math.min(Math.max(sumWT / sumW, 1e-6), 1 - 1e-6);
  return Math.log(mean / (1 - mean));
}

/** One pass: fills the gradient and the full (symmetric) Hessian at theta; returns the loss, or NaN when not wanted. */
function accumulate(
  problem: WeightedLogisticProblem,
  theta: Float64Array,
  tPos: number,
  tNeg: number,
  gradient: Float64Array,
  hessian: Float64Array,
  withLoss: boolean,
): number {
  const { features, intercept, labels, weights } = problem;
  const k = features.length;
  if (intercept && k === 1) {
    return accumulateInterceptAndOneFeature(
      features[0]!,
      labels,
      weights,
      theta,
      tPos,
      tNeg,
      gradient,
      hessian,
      withLoss,
    );
  }
  if (intercept && k === 2) {
    return accumulateInterceptAndTwoFeatures(
      features[0]!,
      features[1]!,
      labels,
      weights,
      theta,
      tPos,
      tNeg,
      gradient,
      hessian,
      withLoss,
    );
  }
  const m = k + (intercept ? 1 : 0);
  const offset = intercept ? 1 : 0;
  const row = new Float64Array(m);
  if (intercept) row[0] = 1;
  gradient.fill(0);
  hessian.fill(0);
  let loss = 0;
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    let eta = intercept ? theta[0]! : 0;
    for (let j = 0; j < k; j++) {
      const x = features[j]![i]!;
      row[j + offset] = x;
      eta += theta[j + offset]! * x;
    }
    const t = labels[i] ? tPos : tNeg;
    const e = Math.exp(-Math.abs(eta));
    const s = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    if (withLoss) loss += w * ((eta > 0 ? eta : 0) + Math.log1p(e) - t * eta);
    const r = w * (s - t);
    const h = w * s * (1 - s);
    for (let a = 0; a < m; a++) {
      const xa = row[a]!;
      gradient[a]! += r * xa;
      const ha = h * xa;
      for (let b = 0; b <= a; b++) hessian[a * m + b]! += ha * row[b]!;
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hessian[b * m + a] = hessian[a * m + b]!;
  return withLoss ? loss : NaN;
}

/** The same pass specialised to η = θ₀ + θ₁x (Platt scaling on 10^7 rows spends its time here). */
function accumulateInterceptAndOneFeature(
  x: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  theta: Float64Array,
  tPos: number,
  tNeg: number,
  gradient: Float64Array,
  hessian: Float64Array,
  withLoss: boolean,
): number {
  const a = theta[0]!;
  const b = theta[1]!;
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  let h00 = 0;
  let h01 = 0;
  let h11 = 0;
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const xi = x[i]!;
    const eta = a + b * xi;
    const t = labels[i] ? tPos : tNeg;
    const e = Math.exp(-Math.abs(eta));
    const s = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    if (withLoss) loss += w * ((eta > 0 ? eta : 0) + Math.log1p(e) - t * eta);
    const r = w * (s - t);
    const h = w * s * (1 - s);
    g0 += r;
    g1 += r * xi;
    h00 += h;
    h01 += h * xi;
    h11 += h * xi * xi;
  }
  if (!withLoss) loss = NaN;
  gradient[0] = g0;
  gradient[1] = g1;
  hessian[0] = h00;
  hessian[1] = h01;
  hessian[2] = h01;
  hessian[3] = h11;
  return loss;
}

/** The same pass specialised to η = θ₀ + θ₁x₁ + θ₂x₂ (beta calibration). */
function accumulateInterceptAndTwoFeatures(
  x1: Float64Array,
  x2: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  theta: Float64Array,
  tPos: number,
  tNeg: number,
  gradient: Float64Array,
  hessian: Float64Array,
  withLoss: boolean,
): number {
  const a = theta[0]!;
  const b1 = theta[1]!;
  const b2 = theta[2]!;
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let h00 = 0;
  let h01 = 0;
  let h02 = 0;
  let h11 = 0;
  let h12 = 0;
  let h22 = 0;
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const u = x1[i]!;
    const v = x2[i]!;
    const eta = a + b1 * u + b2 * v;
    const t = labels[i] ? tPos : tNeg;
    const e = Math.exp(-Math.abs(eta));
    const s = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    if (withLoss) loss += w * ((eta > 0 ? eta : 0) + Math.log1p(e) - t * eta);
    const r = w * (s - t);
    const h = w * s * (1 - s);
    g0 += r;
    g1 += r * u;
    g2 += r * v;
    h00 += h;
    h01 += h * u;
    h02 += h * v;
    h11 += h * u * u;
    h12 += h * u * v;
    h22 += h * v * v;
  }
  if (!withLoss) loss = NaN;
  gradient[0] = g0;
  gradient[1] = g1;
  gradient[2] = g2;
  hessian.set([h00, h01, h02, h01, h11, h12, h02, h12, h22]);
  return loss;
}

/** Coefficients fitted on an evenly spaced subsample, or the default start if that fit fails. */
function warmStart(problem: WeightedLogisticProblem): number[] {
  const n = problem.labels.length;
  const rows = Array.from({ length: WARM_START_ROWS }, (_, r) => Math.floor((r * n) / WARM_START_ROWS));
  const pick = <T extends Float64Array | Uint8Array>(column: T): T => {
    const out = new (column.constructor as new (length: number) => T)(rows.length);
    rows.forEach((i, r) => (out[r] = column[i]!));
    return out;
  };
  const sample = fitWeightedLogistic({
    ...problem,
    features: problem.features.map(pick),
    labels: pick(problem.labels),
    weights: problem.weights ? pick(problem.weights) : undefined,
  });
  const m = problem.features.length + (problem.intercept ? 1 : 0);
  if (sample.status === 'converged') return sample.coefficients;
  const fallback = new Array<number>(m).fill(0);
  if (problem.intercept) {
    fallback[0] = initialIntercept(
      problem.labels,
      problem.weights,
      problem.positiveTarget ?? 1,
      problem.negativeTarget ?? 0,
    );
  }
  return fallback;
}
