import { projectedStart, resolveBounds, type ResolvedBounds } from './bounds';
import type { Bounds, OnIteration, OptimizeResult, OptimizerStatus, ValueFunction } from './types';

/**
 * Bounded Nelder–Mead simplex search with the ordering, tie-breaking and acceptance rules of
 * Lagarias, Reeds, Wright & Wright 1998 (SIAM J. Optim. 9:112): reflection ρ = 1, expansion χ = 2,
 * contraction γ = 1/2, shrink σ = 1/2, or with `adaptive` the dimension-dependent values of Gao &
 * Han 2012 (χ = 1 + 2/n, γ = 3/4 - 1/2n, σ = 1 - 1/n), which keep the search effective above ~5
 * parameters.
 *
 * Bounds: every trial point is projected onto the box (as SciPy does); initial vertices that
 * would leave the box step the other way. A non-finite objective value ranks as +∞, so the simplex
 * simply moves away from regions where the objective is undefined.
 *
 * Convergence: the simplex's spread in f, max |fᵢ - f₀| ≤ ftol·max(1, |f₀|), and in x,
 * max ‖xᵢ - x₀‖∞ ≤ xtol·max(1, ‖x₀‖∞). A converged search is restarted from a fresh simplex around
 * its best point (up to `restarts` times) until a restart no longer improves f beyond ftol — the
 * usual remedy for Nelder–Mead's stagnation on a collapsed simplex (Kelley 1999).
 */
export interface NelderMeadOptions {
  readonly bounds?: Bounds;
  /** Gao & Han's dimension-dependent coefficients; default true when n > 4. */
  readonly adaptive?: boolean;
  /** Relative spread of f across the simplex; default 1e-10. */
  readonly ftol?: number;
  /** Relative spread of the vertices; default 1e-8. */
  readonly xtol?: number;
  /** Default 2000·n. */
  readonly maxIterations?: number;
  /** Objective calls, default 4000·n. */
  readonly maxEvaluations?: number;
  /** Fresh simplices around a converged point; default 3. */
  readonly restarts?: number;
  /**
   * Initial simplex edge per parameter; default SciPy's: 5% of |x0ᵢ|, or 0.00025 where x0ᵢ = 0.
   */
  readonly initialStep?: ArrayLike<number>;
  readonly onIteration?: OnIteration;
}

export function nelderMead(
  value: ValueFunction,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): OptimizeResult {
  const n = x0.length;
  const bounds = resolveBounds(n, options.bounds);
  const adaptive = options.adaptive ?? n > 4;
  const rho = 1;
  const chi = adaptive ? 1 + 2 / n : 2;
  const gamma = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = adaptive ? 1 - 1 / n : 0.5;
  const ftol = options.ftol ?? 1e-10;
  const xtol = options.xtol ?? 1e-8;
  const maxIterations = options.maxIterations ?? 2000 * Math.max(n, 1);
  const maxEvaluations = options.maxEvaluations ?? 4000 * Math.max(n, 1);
  const maxRestarts = options.restarts ?? 3;
  if (options.initialStep && options.initialStep.length !== n)
    throw new RangeError(`initialStep has ${options.initialStep.length} entries for ${n} parameters`);

  let evaluations = 0;
  let iterations = 0;
  const evaluate = (point: Float64Array): number => {
    evaluations++;
    const v = value(point);
    // NaN and ±∞ rank last: -∞ would otherwise win every comparison although it is no optimum.
    return Number.isFinite(v) ? v : Infinity;
  };
  const start = projectedStart(x0, bounds);
  const vertices: Float64Array[] = [start];
  const values: number[] = [evaluate(start)];
  const best = (): OptimizeResult['x'] => vertices[0]!;
  const finish = (status: OptimizerStatus, message: string): OptimizeResult => ({
    method: 'nelder-mead',
    x: best().slice(),
    fun: values[0]!,
    gradNorm: null,
    iterations,
    evaluations,
    status,
    message,
  });
  if (values[0] === Infinity)
    return finish('non-finite', 'the objective is not finite at the starting point');
  if (n === 0) return finish('converged', 'no parameters to fit');

  const buildSimplex = (): void => {
    const origin = vertices[0]!;
    const originValue = values[0]!;
    vertices.length = 1;
    values.length = 1;
    vertices[0] = origin;
    values[0] = originValue;
    for (let i = 0; i < n; i++) {
      const vertex = origin.slice();
      const xi = origin[i]!;
      const step = options.initialStep ? options.initialStep[i]! : xi !== 0 ? 0.05 * xi : 0.00025;
      let moved = xi + step;
      if (moved > bounds.upper[i]! || moved < bounds.lower[i]!) moved = xi - step;
      vertex[i] = Math.min(Math.max(moved, bounds.lower[i]!), bounds.upper[i]!);
      vertices.push(vertex);
      values.push(evaluate(vertex));
    }
  };

  const centroid = new Float64Array(n);
  const trial = (coefficient: number): Float64Array => {
    // centroid + coefficient · (centroid - worst), projected onto the box.
    const worst = vertices[n]!;
    const point = new Float64Array(n);
    for (let j = 0; j < n; j++) point[j] = centroid[j]! + coefficient * (centroid[j]! - worst[j]!);
    clampInto(point, bounds);
    return point;
  };
  const replaceWorst = (point: Float64Array, v: number): void => {
    vertices[n] = point;
    values[n] = v;
  };

  let restarts = 0;
  let valueAtRestart = values[0]!;
  buildSimplex();
  while (true) {
    sortSimplex(vertices, values);
    if (converged(vertices, values, ftol, xtol)) {
      const improvement = valueAtRestart - values[0]!;
      const scale = Math.max(1, Math.abs(values[0]!));
      if (restarts >= maxRestarts || (restarts > 0 && improvement <= ftol * scale)) {
        const how = restarts > 0 ? ` (confirmed by ${restarts} restart${restarts > 1 ? 's' : ''})` : '';
        return finish('converged', `simplex spread within ftol and xtol${how}`);
      }
      restarts++;
      valueAtRestart = values[0]!;
      buildSimplex();
      continue;
    }
    if (iterations >= maxIterations)
      return finish('max-iterations', `stopped after ${iterations} iterations`);
    if (evaluations >= maxEvaluations)
      return finish('max-evaluations', `stopped after ${evaluations} objective calls`);
    iterations++;

    centroid.fill(0);
    for (let v = 0; v < n; v++) for (let j = 0; j < n; j++) centroid[j]! += vertices[v]![j]! / n;
    const fBest = values[0]!;
    const fSecondWorst = values[n - 1]!;
    const fWorst = values[n]!;
    const reflected = trial(rho);
    const fReflected = evaluate(reflected);
    let shrink = false;
    if (fReflected < fBest) {
      const expanded = trial(rho * chi);
      const fExpanded = evaluate(expanded);
      if (fExpanded < fReflected) replaceWorst(expanded, fExpanded);
      else replaceWorst(reflected, fReflected);
    } else if (fReflected < fSecondWorst) {
      replaceWorst(reflected, fReflected);
    } else if (fReflected < fWorst) {
      const outside = trial(rho * gamma);
      const fOutside = evaluate(outside);
      if (fOutside <= fReflected) replaceWorst(outside, fOutside);
      else shrink = true;
    } else {
      const inside = trial(-gamma);
      const fInside = evaluate(inside);
      if (fInside < fWorst) replaceWorst(inside, fInside);
      else shrink = true;
    }
    if (shrink) {
      const origin = vertices[0]!;
      for (let v = 1; v <= n; v++) {
        const vertex = vertices[v]!;
        for (let j = 0; j < n; j++) vertex[j] = origin[j]! + sigma * (vertex[j]! - origin[j]!);
        values[v] = evaluate(vertex);
      }
    }
    if (options.onIteration) {
      const bestIndex = values.indexOf(Math.min(...values));
      const info = {
        method: 'nelder-mead' as const,
        iteration: iterations,
        evaluations,
        x: vertices[bestIndex]!.slice(),
        fun: values[bestIndex]!,
        gradNorm: null,
      };
      if (options.onIteration(info) === false) {
        sortSimplex(vertices, values);
        return finish('cancelled', `cancelled after ${iterations} iterations`);
      }
    }
  }
}

function clampInto(point: Float64Array, bounds: ResolvedBounds): void {
  for (let j = 0; j < point.length; j++)
    point[j] = Math.min(Math.max(point[j]!, bounds.lower[j]!), bounds.upper[j]!);
}

/** Stable sort by value, so that ties keep their age order (Lagarias et al.'s tie-breaking rule). */
function sortSimplex(vertices: Float64Array[], values: number[]): void {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const sortedVertices = order.map((i) => vertices[i]!);
  const sortedValues = order.map((i) => values[i]!);
  for (let i = 0; i < order.length; i++) {
    vertices[i] = sortedVertices[i]!;
    values[i] = sortedValues[i]!;
  }
}

function converged(vertices: Float64Array[], values: number[], ftol: number, xtol: number): boolean {
  const f0 = values[0]!;
  const x0 = vertices[0]!;
  let fSpread = 0;
  let xSpread = 0;
  let xScale = 1;
  for (let j = 0; j < x0.length; j++) xScale = Math.max(xScale, Math.abs(x0[j]!));
  for (let v = 1; v < vertices.length; v++) {
    fSpread = Math.max(fSpread, Math.abs(values[v]! - f0));
    for (let j = 0; j < x0.length; j++) xSpread = Math.max(xSpread, Math.abs(vertices[v]![j]! - x0[j]!));
  }
  return fSpread <= ftol * Math.max(1, Math.abs(f0)) && xSpread <= xtol * xScale;
}
