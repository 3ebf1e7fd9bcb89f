import { denseCholeskySolve } from './dense-cholesky-solve';
import { evaluateBasis, evaluateSpline, type UniformCubicBSpline } from './uniform-cubic-bspline';

/**
 * Penalised logistic regression on a cubic B-spline basis (P-spline, Eilers & Marx 1996):
 * minimises Σ wᵢ [softplus(f(xᵢ)) - yᵢ f(xᵢ)] + λ/2 · Σ (Δ²c)² by damped Newton. With `monotone`,
 * decreasing neighbouring coefficients are penalised by a large asymmetric difference penalty
 * (Bollaerts, Eilers & van Mechelen 2006), reweighted until the set of penalised pairs is stable;
 * the remaining rounding-level decreases are removed by a running maximum, so the returned
 * coefficients are non-decreasing and f is non-decreasing.
 */
export interface PenalizedSplineProblem {
  readonly spline: UniformCubicBSpline;
  readonly x: Float64Array;
  readonly labels: Uint8Array;
  readonly weights?: Float64Array | undefined;
  /** Only these rows (indices into x) enter the fit; all rows when undefined. */
  readonly rows?: Uint32Array | undefined;
  readonly lambda: number;
  readonly monotone: boolean;
  readonly initial?: Float64Array | undefined;
}

export interface PenalizedSplineFit {
  readonly converged: boolean;
  readonly coefficients: Float64Array;
}

const MAX_ITERATIONS = 100;
const MAX_REWEIGHTINGS = 30;

export function fitPenalizedSplineLogistic(problem: PenalizedSplineProblem): PenalizedSplineFit {
  const m = problem.spline.segments + 3;
  const coefficients = problem.initial ? problem.initial.slice() : new Float64Array(m);
  const totalWeight = sumWeights(problem);
  // Large against the data term (whose Hessian is at most Σw/4) so decreases are driven to ~0.
  const monotonePenalty = problem.monotone ? 1e4 * totalWeight : 0;
  const decreasing = new Uint8Array(m - 1);
  let converged = true;
  for (let reweighting = 0; reweighting < MAX_REWEIGHTINGS; reweighting++) {
    converged = newton(problem, coefficients, monotonePenalty, decreasing) && converged;
    if (!problem.monotone) break;
    let changed = false;
    for (let j = 0; j < m - 1; j++) {
      const isDecreasing = coefficients[j + 1]! < coefficients[j]! ? 1 : 0;
      if (isDecreasing && !decreasing[j]) {
        decreasing[j] = 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  if (problem.monotone)
    for (let j = 1; j < m; j++) coefficients[j] = Math.max(coefficients[j]!, coefficients[j - 1]!);
  return { converged, coefficients };
}

/** Weighted mean log loss of the spline on the given rows (for cross-validation). */
export function splineLogLoss(
  spline: UniformCubicBSpline,
  coefficients: Float64Array,
  x: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  rows: Uint32Array,
): number {
  const basis = new Float64Array(4);
  let loss = 0;
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const w = weights ? weights[i]! : 1;
    const eta = evaluateSpline(spline, coefficients, x[i]!, basis);
    loss += w * ((eta > 0 ? eta : 0) + Math.log1p(Math.exp(-Math.abs(eta))) - (labels[i] ? eta : 0));
    total += w;
  }
  return loss / total;
}

function sumWeights(problem: PenalizedSplineProblem): number {
  const { weights, rows, x } = problem;
  if (!weights) return rows ? rows.length : x.length;
  let total = 0;
  const count = rows ? rows.length : x.length;
  for (let r = 0; r < count; r++) total += weights[rows ? rows[r]! : r]!;
  return total;
}

function newton(
  problem: PenalizedSplineProblem,
  coefficients: Float64Array,
  monotonePenalty: number,
  decreasing: Uint8Array,
): boolean {
  const m = coefficients.length;
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  let loss = objective(problem, coefficients, monotonePenalty, decreasing, gradient, hessian);
  const trial = new Float64Array(m);
  const trialGradient = new Float64Array(m);
  const trialHessian = new Float64Array(m * m);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const direction = denseCholeskySolve(
      hessian,
      gradient.map((g) => -g),
      m,
    );
    if (!direction) return false;
    let step = 1;
    let accepted = false;
    let trialLoss = loss;
    for (let halving = 0; halving < 60; halving++) {
      for (let j = 0; j < m; j++) trial[j] = coefficients[j]! + step * direction[j]!;
      trialLoss = objective(problem, trial, monotonePenalty, decreasing, trialGradient, trialHessian);
      if (trialLoss <= loss + 1e-13 * Math.abs(loss)) {
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) return true;
    let maxMove = 0;
    for (let j = 0; j < m; j++)
      maxMove = Math.max(maxMove, Math.abs(trial[j]! - coefficients[j]!) / (1 + Math.abs(coefficients[j]!)));
    coefficients.set(trial);
    gradient.set(trialGradient);
    hessian.set(trialHessian);
    loss = trialLoss;
    if (maxMove <= 1e-11) return true;
  }
  return false;
}

/** Penalised loss at c, with its gradient and Hessian (one pass over the rows). */
function objective(
  problem: PenalizedSplineProblem,
  c: Float64Array,
  monotonePenalty: number,
  decreasing: Uint8Array,
  gradient: Float64Array,
  hessian: Float64Array,
): number {
  const { spline, x, labels, weights, rows, lambda } = problem;
  const m = c.length;
  gradient.fill(0);
  hessian.fill(0);
  const basis = new Float64Array(4);
  let loss = 0;
  const count = rows ? rows.length : x.length;
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r]! : r;
    const w = weights ? weights[i]! : 1;
    const s0 = evaluateBasis(spline, x[i]!, basis);
    const b0 = basis[0]!;
    const b1 = basis[1]!;
    const b2 = basis[2]!;
    const b3 = basis[3]!;
    const eta = c[s0]! * b0 + c[s0 + 1]! * b1 + c[s0 + 2]! * b2 + c[s0 + 3]! * b3;
    const e = Math.exp(-Math.abs(eta));
    const s = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const y = labels[i]!;
    loss += w * ((eta > 0 ? eta : 0) + Math.log1p(e) - y * eta);
    const residual = w * (s - y);
    const curvature = w * s * (1 - s);
    for (let a = 0; a < 4; a++) {
      const ba = basis[a]!;
      gradient[s0 + a]! += residual * ba;
      const hb = curvature * ba;
      for (let b = 0; b <= a; b++) hessian[(s0 + a) * m + s0 + b]! += hb * basis[b]!;
    }
  }
  // λ/2 Σ (c_j - 2c_{j+1} + c_{j+2})².
  for (let j = 0; j + 2 < m; j++) {
    const d = c[j]! - 2 * c[j + 1]! + c[j + 2]!;
    loss += (lambda / 2) * d * d;
    const stencil = [1, -2, 1];
    for (let a = 0; a < 3; a++) {
      gradient[j + a]! += lambda * stencil[a]! * d;
      for (let b = 0; b <= a; b++) hessian[(j + a) * m + j + b]! += lambda * stencil[a]! * stencil[b]!;
    }
  }
  if (monotonePenalty > 0) {
    for (let j = 0; j + 1 < m; j++) {
      if (!decreasing[j]) continue;
      const d = c[j + 1]! - c[j]!;
      loss += (monotonePenalty / 2) * d * d;
      gradient[j]! -= monotonePenalty * d;
      gradient[j + 1]! += monotonePenalty * d;
      hessian[j * m + j]! += monotonePenalty;
      hessian[(j + 1) * m + j + 1]! += monotonePenalty;
      hessian[(j + 1) * m + j]! -= monotonePenalty;
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hessian[b * m + a] = hessian[a * m + b]!;
  return loss;
}
