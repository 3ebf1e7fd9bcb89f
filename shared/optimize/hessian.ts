import { resolveBounds } from './bounds';
import { CENTRAL_DIFFERENCE_STEP } from './numerical-gradient';
import type { Bounds, Objective } from './types';

/** ε^(1/4): the step balancing truncation O(h²) and rounding O(ε/h²) of a second difference of f. */
const SECOND_DIFFERENCE_STEP = Math.sqrt(Math.sqrt(Number.EPSILON));
/** Cholesky pivots below this fraction of their diagonal entry are numerical noise of the difference Hessian. */
const PIVOT_TOLERANCE = 1e-10;

export interface HessianOptions {
  readonly bounds?: Bounds;
  /**
   * 'gradient': central differences of the objective's gradient, 2n calls (default when the
   * gradient is analytic). 'values': second differences of f alone, 1 + 2n² values (default for a
   * `numericalGradient` objective, whose gradient is itself a difference and too noisy to difference again).
   */
  readonly from?: 'gradient' | 'values';
  /** Step relative to max(|xᵢ|, 1); default cbrt(ε) for 'gradient', ε^(1/4) for 'values'. */
  readonly relativeStep?: number;
}

export interface NumericalHessian {
  /** Symmetric n×n, row-major. */
  readonly hessian: Float64Array;
  /** Objective calls (or value-only calls for 'values'). */
  readonly evaluations: number;
}

/**
 * Finite-difference Hessian (Nocedal & Wright 2006, §8.1), symmetrised as (H + Hᵀ)/2. Differences
 * never leave the box: a parameter with less room than one step on a side is differenced around a
 * point moved inward by that shortfall (the Hessian is then that of a point within one step of x).
 */
export function numericalHessian(
  objective: Objective,
  x: ArrayLike<number>,
  options: HessianOptions = {},
): NumericalHessian {
  const n = x.length;
  const { lower, upper } = resolveBounds(n, options.bounds);
  const from = options.from ?? (objective.value ? 'values' : 'gradient');
  const relativeStep =
    options.relativeStep ?? (from === 'values' ? SECOND_DIFFERENCE_STEP : CENTRAL_DIFFERENCE_STEP);
  const center = Float64Array.from(x);
  const step = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const width = upper[j]! - lower[j]!;
    let h = relativeStep * Math.max(Math.abs(center[j]!), 1);
    if (2 * h > width) h = width / 2;
    center[j] = Math.min(Math.max(center[j]!, lower[j]! + h), upper[j]! - h);
    // The step actually representable at the center, so that (c + h) - c == h exactly.
    step[j] = center[j]! + h - center[j]!;
  }
  const hessian = new Float64Array(n * n);
  let evaluations = 0;
  const point = center.slice();
  if (from === 'gradient') {
    const gUp = new Float64Array(n);
    const gDown = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const h = step[j]!;
      if (h === 0) continue;
      point[j] = center[j]! + h;
      objective(point, gUp);
      point[j] = center[j]! - h;
      objective(point, gDown);
      point[j] = center[j]!;
      evaluations += 2;
      for (let i = 0; i < n; i++) hessian[i * n + j] = (gUp[i]! - gDown[i]!) / (2 * h);
    }
  } else {
    const scratch = new Float64Array(n);
    const f = objective.value ?? ((p: Float64Array) => objective(p, scratch));
    const at = (i: number, si: number, j: number, sj: number): number => {
      point[i] = center[i]! + si * step[i]!;
      if (j !== i) point[j] = center[j]! + sj * step[j]!;
      const v = f(point);
      point[i] = center[i]!;
      point[j] = center[j]!;
      evaluations++;
      return v;
    };
    const f0 = f(center);
    evaluations++;
    for (let i = 0; i < n; i++) {
      const hi = step[i]!;
      if (hi === 0) continue;
      hessian[i * n + i] = (at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (hi * hi);
      for (let j = 0; j < i; j++) {
        const hj = step[j]!;
        if (hj === 0) continue;
        const value = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * hi * hj);
        hessian[i * n + j] = value;
        hessian[j * n + i] = value;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (hessian[i * n + j]! + hessian[j * n + i]!) / 2;
      hessian[i * n + j] = mean;
      hessian[j * n + i] = mean;
    }
  }
  return { hessian, evaluations };
}

export interface StandardErrorOptions extends HessianOptions {
  /**
   * Factor turning the objective's Hessian into that of the negative log-likelihood *sum*: 1 when
   * the objective is that sum (default), n — or the total weight — when it is the mean.
   */
  readonly hessianScale?: number;
  /** A parameter within boundTolerance·max(1, |xᵢ|) of a bound counts as on it; default √ε. */
  readonly boundTolerance?: number;
}

export type StandardErrors =
  | {
      readonly ok: true;
      /** Hessian of the objective (unscaled). */
      readonly hessian: Float64Array;
      /** (hessianScale · H)⁻¹, n×n row-major. */
      readonly covariance: Float64Array;
      readonly standardErrors: Float64Array;
      readonly evaluations: number;
    }
  | {
      readonly ok: false;
      readonly standardErrors: null;
      readonly reason: string;
      readonly hessian: Float64Array | null;
      readonly evaluations: number;
    };

/**
 * Asymptotic standard errors of a maximum-likelihood fit: cov = I⁻¹ with I the Hessian of the
 * negative log-likelihood at the optimum (observed information; Pawitan 2001, §8.3), inverted by
 * Cholesky. Refuses (ok: false, with a reason) when a parameter is on a bound — the normal
 * approximation does not hold there — or when the Hessian is not finite or not positive definite.
 * For objectives that are not log-likelihoods (e.g. the Brier score) H⁻¹ is not a covariance.
 */
export function standardErrors(
  objective: Objective,
  x: ArrayLike<number>,
  options: StandardErrorOptions = {},
): StandardErrors {
  const n = x.length;
  const { lower, upper } = resolveBounds(n, options.bounds);
  const tolerance = options.boundTolerance ?? Math.sqrt(Number.EPSILON);
  const scale = options.hessianScale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new RangeError(`hessianScale must be positive (${scale})`);
  for (let j = 0; j < n; j++) {
    const slack = tolerance * Math.max(1, Math.abs(x[j]!));
    for (const [side, bound] of [
      ['lower', lower[j]!],
      ['upper', upper[j]!],
    ] as const) {
      if (Math.abs(x[j]! - bound) <= slack) {
        return {
          ok: false,
          standardErrors: null,
          reason: `parameter ${j} is on its ${side} bound (${bound}); the normal approximation behind a standard error does not hold there`,
          hessian: null,
          evaluations: 0,
        };
      }
    }
  }
  const { hessian, evaluations } = numericalHessian(objective, x, options);
  const refuse = (reason: string): StandardErrors => ({
    ok: false,
    standardErrors: null,
    reason,
    hessian,
    evaluations,
  });
  for (let i = 0; i < hessian.length; i++)
    if (!Number.isFinite(hessian[i]!)) return refuse('the Hessian is not finite');
  const scaled = hessian.map((v) => v * scale);
  const covariance = choleskyInverse(scaled, n);
  if (!covariance)
    return refuse(
      'the Hessian is not positive definite: the point is not a strict local minimum or some parameters are not identifiable',
    );
  const errors = new Float64Array(n);
  for (let j = 0; j < n; j++) errors[j] = Math.sqrt(covariance[j * n + j]!);
  return { ok: true, hessian, covariance, standardErrors: errors, evaluations };
}

/** A⁻¹ of a symmetric positive-definite matrix from A = LLᵀ: A⁻¹ = L⁻ᵀL⁻¹ (Golub & Van Loan 2013, §4.2). */
function choleskyInverse(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > PIVOT_TOLERANCE * a[i * n + i]!) || !Number.isFinite(sum)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  // L⁻¹ by forward substitution, column by column.
  const inverseL = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let i = c; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = c; k < i; k++) sum -= l[i * n + k]! * inverseL[k * n + c]!;
      inverseL[i * n + c] = sum / l[i * n + i]!;
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += inverseL[k * n + i]! * inverseL[k * n + j]!;
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}
