import fixtures from '../../fixtures/optimize/optimize-fixtures.json';
import type { Bounds, Objective } from '../../../shared/optimize/types';

/** One Rosenbrock problem of optimize-fixtures.json (written by test/fixtures/optimize/make_fixtures.py). */
export interface RosenbrockCase {
  name: string;
  x0: number[];
  /** null entries (JSON has no infinity) mean unbounded. */
  lower: (number | null)[] | null;
  upper: (number | null)[] | null;
  /** SciPy's L-BFGS-B optimum, refined by Newton on its free coordinates. */
  x: number[];
  fun: number;
  active: ('lower' | 'upper' | null)[];
  scipy_x: number[];
  scipy_nit: number;
  scipy_nfev: number;
}

export interface LogisticCase {
  features: number[][];
  y: number[];
  w: number[];
  /** statsmodels GLM (binomial, freq_weights), confirmed by a direct scipy minimisation. */
  coefficients: number[];
  standard_errors: number[];
  covariance: number[][];
  neg_log_likelihood: number;
  total_weight: number;
}

export const rosenbrockCases = fixtures.rosenbrock as unknown as RosenbrockCase[];
export const logisticCase = fixtures.logistic as unknown as LogisticCase;

export function rosenbrockCase(name: string): RosenbrockCase {
  const found = rosenbrockCases.find((c) => c.name === name);
  if (!found) throw new Error(`no Rosenbrock fixture ${name}`);
  return found;
}

export function caseBounds(c: RosenbrockCase): Bounds | undefined {
  if (!c.lower && !c.upper) return undefined;
  return {
    lower: c.lower?.map((v) => v ?? -Infinity),
    upper: c.upper?.map((v) => v ?? Infinity),
  };
}

/** Extended Rosenbrock Σ 100(xᵢ₊₁ - xᵢ²)² + (1 - xᵢ)² with its analytic gradient. */
export const rosenbrock: Objective = (x, grad) => {
  grad.fill(0);
  let f = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1]! - x[i]! * x[i]!;
    const b = 1 - x[i]!;
    f += 100 * a * a + b * b;
    grad[i]! += -400 * x[i]! * a - 2 * b;
    grad[i + 1]! += 200 * a;
  }
  return f;
};

export function rosenbrockValue(x: Float64Array): number {
  return rosenbrock(x, new Float64Array(x.length));
}

/**
 * Weighted logistic negative log-likelihood Σ wᵢ [softplus(ηᵢ) - yᵢηᵢ], η = β₀ + Σ βⱼ xᵢⱼ, with its
 * gradient; divided by the total weight when `mean`.
 */
export function logisticObjective(data: LogisticCase, mean = false): Objective {
  const rows = data.y.length;
  const k = data.features[0]!.length;
  const flat = Float64Array.from(data.features.flat());
  const divisor = mean ? data.total_weight : 1;
  return (beta, grad) => {
    grad.fill(0);
    let f = 0;
    for (let i = 0; i < rows; i++) {
      let eta = beta[0]!;
      for (let j = 0; j < k; j++) eta += beta[j + 1]! * flat[i * k + j]!;
      const w = data.w[i]!;
      const e = Math.exp(-Math.abs(eta));
      const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
      f += w * (Math.max(eta, 0) + Math.log1p(e) - data.y[i]! * eta);
      const r = w * (p - data.y[i]!);
      grad[0]! += r;
      for (let j = 0; j < k; j++) grad[j + 1]! += r * flat[i * k + j]!;
    }
    for (let j = 0; j <= k; j++) grad[j]! /= divisor;
    return f / divisor;
  };
}
