import {
  allFinite,
  project,
  projectedGradientNorm,
  projectedStart,
  resolveBounds,
  type ResolvedBounds,
} from './bounds';
import { solveDenseInPlace } from './dense-lu';
import { type LineSearchState, MoreThuenteSearch } from './more-thuente';
import type { Bounds, Objective, OnIteration, OptimizeResult, OptimizerStatus } from './types';

/**
 * Bound-constrained limited-memory BFGS, L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995, SIAM J. Sci.
 * Comput. 16:1190), with the subspace step of version 3.0 (Morales & Nocedal 2011). Each iteration:
 *
 * 1. the generalized Cauchy point: the first local minimiser of the quadratic model along the
 *    projected steepest-descent path P(x - t·g), found breakpoint by breakpoint (Algorithm CP);
 * 2. direct primal subspace minimisation of the model over the variables still free at that point
 *    (eq. 5.11), projected onto the box, or truncated to stay in it when the projection is not a
 *    descent direction;
 * 3. the Moré–Thuente line search from x towards that point (ftol 1e-3, gtol 0.9, xtol 0.1, at most
 *    `maxLineSearch` evaluations, steps capped at the box);
 * 4. the compact limited-memory update B = θI - W M Wᵀ of the last `memory` pairs (s, y), a pair
 *    being skipped when sᵀy ≤ ε·yᵀy.
 *
 * A failed line search drops the memory and retries from the steepest-descent model; failing then
 * too ends with 'line-search-failed'. A trial point where f or ∇f is not finite is treated as
 * "too far": the line search restarts on [0, step/2].
 */
export interface LbfgsbOptions {
  readonly bounds?: Bounds;
  /** Number of correction pairs kept (SciPy's maxcor); default 10. */
  readonly memory?: number;
  /** Stop when ‖P(x - g) - x‖∞ ≤ pgtol; default 1e-5 (SciPy's gtol). */
  readonly pgtol?: number;
  /**
   * Stop when (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ factr·ε; default 1e7 (SciPy's
   * ftol = factr·ε ≈ 2.2e-9). 0 disables the test.
   */
  readonly factr?: number;
  /** Default 15000 (SciPy's maxiter). */
  readonly maxIterations?: number;
  /** Objective calls, default 15000 (SciPy's maxfun). */
  readonly maxEvaluations?: number;
  /** Objective calls per line search, default 20 (SciPy's maxls). */
  readonly maxLineSearch?: number;
  readonly onIteration?: OnIteration;
}

const LINE_SEARCH = { ftol: 1e-3, gtol: 0.9, xtol: 0.1 } as const;
/** L-BFGS-B's cap on the step when nothing bounds it. */
const BIG_STEP = 1e10;
const EPS = Number.EPSILON;

export function lbfgsb(
  objective: Objective,
  x0: ArrayLike<number>,
  options: LbfgsbOptions = {},
): OptimizeResult {
  const n = x0.length;
  const bounds = resolveBounds(n, options.bounds);
  const memoryLimit = Math.max(1, Math.floor(options.memory ?? 10));
  const pgtol = options.pgtol ?? 1e-5;
  const factr = options.factr ?? 1e7;
  const maxIterations = options.maxIterations ?? 15000;
  const maxEvaluations = options.maxEvaluations ?? 15000;
  const maxLineSearch = Math.max(1, options.maxLineSearch ?? 20);

  const x = projectedStart(x0, bounds);
  const g = new Float64Array(n);
  let evaluations = 0;
  let iterations = 0;
  const evaluate = (point: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    return objective(point, gradient);
  };
  let f = evaluate(x, g);
  const finish = (status: OptimizerStatus, message: string): OptimizeResult => ({
    method: 'lbfgsb',
    x,
    fun: f,
    gradNorm: finiteOrNull(projectedGradientNorm(x, g, bounds)),
    iterations,
    evaluations,
    status,
    message,
  });
  if (!Number.isFinite(f) || !allFinite(g)) {
    const what = Number.isFinite(f) ? 'its gradient' : `the objective (${f})`;
    return finish('non-finite', `${what} is not finite at the starting point`);
  }
  if (n === 0) return finish('converged', 'no parameters to fit');
  if (projectedGradientNorm(x, g, bounds) <= pgtol)
    return finish('converged', 'projected gradient norm ≤ pgtol at the starting point');

  const memory = new LimitedMemory(memoryLimit);
  const d = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const xBest = new Float64Array(n);
  const gBest = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  while (true) {
    if (iterations >= maxIterations)
      return finish('max-iterations', `stopped after ${iterations} iterations`);

    const target = searchTarget(x, g, bounds, memory);
    if (!target) {
      // The model's curvature along the Cauchy path is not positive (or overflowed).
      if (memory.size === 0)
        return finish('line-search-failed', 'the gradient is too large to form a search direction');
      memory.reset();
      continue;
    }
    let directional = 0;
    let dNorm2 = 0;
    for (let i = 0; i < n; i++) {
      d[i] = target[i]! - x[i]!;
      directional += g[i]! * d[i]!;
      dNorm2 += d[i]! * d[i]!;
    }

    // Line search along d (L-BFGS-B's lnsrlb): the first step of a run is normalised unless every
    // variable is boxed, later ones start at the model's minimiser (step 1).
    let stpmax = BIG_STEP;
    if (bounds.constrained) stpmax = iterations === 0 ? 1 : maxFeasibleStep(x, d, bounds);
    const firstStep = iterations === 0 && !bounds.boxed ? Math.min(1 / Math.sqrt(dNorm2), stpmax) : 1;
    let fBest = f;
    let haveBest = false;
    let converged = false;
    let outOfEvaluations = false;
    let problem = 'the search direction is not a descent direction';
    if (directional < 0 && dNorm2 > 0 && Number.isFinite(directional)) {
      let search = new MoreThuenteSearch({ ...LINE_SEARCH, stpmin: 0, stpmax });
      let state: LineSearchState = search.start(f, directional, firstStep);
      problem = `no step satisfying the Wolfe conditions in ${maxLineSearch} evaluations`;
      for (let trial = 0; trial < maxLineSearch; trial++) {
        if (evaluations >= maxEvaluations) {
          outOfEvaluations = true;
          break;
        }
        const stp = state.stp;
        if (stp === 1) xTrial.set(target);
        else {
          for (let i = 0; i < n; i++) xTrial[i] = x[i]! + stp * d[i]!;
          project(xTrial, bounds);
        }
        const fTrial = evaluate(xTrial, gTrial);
        if (!Number.isFinite(fTrial) || !allFinite(gTrial)) {
          // Outside the objective's domain: search again below half this step.
          problem = `the objective is not finite along the search direction (step ${stp})`;
          const ceiling = stp / 2;
          search = new MoreThuenteSearch({ ...LINE_SEARCH, stpmin: 0, stpmax: ceiling });
          state = search.start(f, directional, ceiling);
          continue;
        }
        let gd = 0;
        for (let i = 0; i < n; i++) gd += gTrial[i]! * d[i]!;
        if (fTrial < fBest) {
          fBest = fTrial;
          haveBest = true;
          xBest.set(xTrial);
          gBest.set(gTrial);
        }
        state = search.next(fTrial, gd);
        if (state.kind === 'converged') {
          converged = true;
          fBest = fTrial;
          haveBest = true;
          xBest.set(xTrial);
          gBest.set(gTrial);
          break;
        }
        if (state.kind === 'warning') {
          problem = `line search stopped: ${state.reason}`;
          break;
        }
      }
    }
    // Like L-BFGS-B, which accepts dcsrch's warnings, any strict decrease found is taken when the
    // Wolfe conditions could not be met.
    if (!converged && !haveBest) {
      if (dNorm2 === 0 && projectedGradientNorm(x, g, bounds) === 0)
        return finish('converged', 'the projected gradient is zero');
      if (outOfEvaluations) return finish('max-evaluations', `stopped after ${evaluations} objective calls`);
      // The quasi-Newton model predicts a decrease of about -gᵀd/2 at its minimiser; when that is
      // below the rounding error of f no line search can see it, and x is optimal to working precision.
      const scale = Math.max(Math.abs(f), 1);
      if (memory.size > 0 && directional < 0 && -0.5 * directional <= EPS * scale)
        return finish(
          'converged',
          'the predicted decrease is below the rounding error of f (optimal to working precision)',
        );
      if (memory.size > 0) {
        memory.reset();
        continue;
      }
      return finish(
        'line-search-failed',
        `no decrease along the projected steepest-descent path: ${problem}`,
      );
    }

    for (let i = 0; i < n; i++) {
      s[i] = xBest[i]! - x[i]!;
      y[i] = gBest[i]! - g[i]!;
    }
    const fPrevious = f;
    x.set(xBest);
    g.set(gBest);
    f = fBest;
    iterations++;
    const gradNorm = projectedGradientNorm(x, g, bounds);
    if (options.onIteration) {
      const info = {
        method: 'lbfgsb' as const,
        iteration: iterations,
        evaluations,
        x: x.slice(),
        fun: f,
        gradNorm,
      };
      if (options.onIteration(info) === false)
        return finish('cancelled', `cancelled after ${iterations} iterations`);
    }
    if (gradNorm <= pgtol)
      return finish('converged', `projected gradient norm ${gradNorm.toExponential(3)} ≤ pgtol`);
    const scale = Math.max(Math.abs(fPrevious), Math.abs(f), 1);
    if (fPrevious - f <= factr * EPS * scale) return finish('converged', 'relative reduction of f ≤ factr·ε');
    if (outOfEvaluations) return finish('max-evaluations', `stopped after ${evaluations} objective calls`);
    memory.push(s, y);
  }
}

/** Largest t with x + t·d inside the box (at least 1 here, since x + d is feasible). */
function maxFeasibleStep(x: Float64Array, d: Float64Array, bounds: ResolvedBounds): number {
  let step = BIG_STEP;
  for (let i = 0; i < x.length; i++) {
    const di = d[i]!;
    if (di < 0 && Number.isFinite(bounds.lower[i]!)) step = Math.min(step, (bounds.lower[i]! - x[i]!) / di);
    else if (di > 0 && Number.isFinite(bounds.upper[i]!))
      step = Math.min(step, (bounds.upper[i]! - x[i]!) / di);
  }
  return Math.max(step, 0);
}

/**
 * The compact representation of the L-BFGS matrix (Byrd, Nocedal & Schnabel 1994):
 * B = θI - W M Wᵀ with W = [Y, θS] (n × 2k) and M = [[-D, Lᵀ], [L, θSᵀS]]⁻¹, D = diag(sᵢᵀyᵢ),
 * L the strictly lower triangle of SᵀY. k ≤ m pairs, oldest first.
 */
class LimitedMemory {
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  /** sy[i][j] = sᵢᵀyⱼ, ss[i][j] = sᵢᵀsⱼ. */
  private sy: number[][] = [];
  private ss: number[][] = [];
  theta = 1;
  /** M, row-major 2k × 2k. */
  middle = new Float64Array(0);

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.s.length;
  }

  reset(): void {
    this.s.length = 0;
    this.y.length = 0;
    this.sy = [];
    this.ss = [];
    this.theta = 1;
    this.middle = new Float64Array(0);
  }

  /** Adds a pair unless its curvature sᵀy is not safely positive (which would break positive definiteness). */
  push(s: Float64Array, y: Float64Array): void {
    const sty = dot(s, y);
    const yty = dot(y, y);
    if (!(sty > EPS * yty)) return;
    if (this.s.length === this.limit) {
      this.s.shift();
      this.y.shift();
      this.sy = this.sy.slice(1).map((row) => row.slice(1));
      this.ss = this.ss.slice(1).map((row) => row.slice(1));
    }
    this.s.push(s.slice());
    this.y.push(y.slice());
    const k = this.s.length;
    const last = k - 1;
    const syRow: number[] = [];
    const ssRow: number[] = [];
    for (let j = 0; j < k; j++) {
      syRow.push(dot(this.s[last]!, this.y[j]!));
      ssRow.push(dot(this.s[last]!, this.s[j]!));
      if (j < last) {
        this.sy[j]!.push(dot(this.s[j]!, this.y[last]!));
        this.ss[j]!.push(ssRow[j]!);
      }
    }
    this.sy.push(syRow);
    this.ss.push(ssRow);
    this.theta = yty / sty;
    if (!this.rebuildMiddle()) this.reset();
  }

  private rebuildMiddle(): boolean {
    const k = this.s.length;
    const k2 = 2 * k;
    const a = new Float64Array(k2 * k2);
    for (let i = 0; i < k; i++) {
      a[i * k2 + i] = -this.sy[i]![i]!;
      for (let j = 0; j < k; j++) {
        // L block (lower left) and its transpose (upper right).
        if (i > j) {
          a[(k + i) * k2 + j] = this.sy[i]![j]!;
          a[j * k2 + (k + i)] = this.sy[i]![j]!;
        }
        a[(k + i) * k2 + (k + j)] = this.theta * this.ss[i]![j]!;
      }
    }
    const inverse = new Float64Array(k2 * k2);
    for (let i = 0; i < k2; i++) inverse[i * k2 + i] = 1;
    if (!solveDenseInPlace(a, inverse, k2, k2)) return false;
    this.middle = inverse;
    return true;
  }

  /** Row i of W: [y₁ᵢ … y_kᵢ, θs₁ᵢ … θs_kᵢ]. */
  row(i: number, out: Float64Array): Float64Array {
    const k = this.s.length;
    for (let j = 0; j < k; j++) {
      out[j] = this.y[j]![i]!;
      out[k + j] = this.theta * this.s[j]![i]!;
    }
    return out;
  }

  /** out = M v. */
  applyMiddle(v: Float64Array, out: Float64Array): Float64Array {
    const k2 = v.length;
    for (let i = 0; i < k2; i++) {
      let sum = 0;
      for (let j = 0; j < k2; j++) sum += this.middle[i * k2 + j]! * v[j]!;
      out[i] = sum;
    }
    return out;
  }
}

/**
 * The point the line search aims at: the generalized Cauchy point followed by the subspace
 * minimisation over its free variables. Null when the model has no positive curvature along the
 * projected gradient (possible only with stored pairs; the caller then drops them).
 */
function searchTarget(
  x: Float64Array,
  g: Float64Array,
  bounds: ResolvedBounds,
  memory: LimitedMemory,
): Float64Array | null {
  const n = x.length;
  const { lower, upper } = bounds;
  const k2 = 2 * memory.size;
  const theta = memory.theta;
  const wRow = new Float64Array(k2);
  const scratch = new Float64Array(k2);

  // --- Generalized Cauchy point (Byrd et al. 1995, Algorithm CP) ---
  const breakpoint = new Float64Array(n);
  const d = new Float64Array(n);
  const fixed = new Uint8Array(n);
  const xcp = x.slice();
  const p = new Float64Array(k2);
  const order: number[] = [];
  let f1 = 0;
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    if (lower[i] === upper[i]) {
      fixed[i] = 1;
      continue;
    }
    let ti = Infinity;
    if (gi < 0 && Number.isFinite(upper[i]!)) ti = (x[i]! - upper[i]!) / gi;
    else if (gi > 0 && Number.isFinite(lower[i]!)) ti = (x[i]! - lower[i]!) / gi;
    if (ti <= 0) {
      // At a bound with the gradient pointing out of the box: stays there.
      fixed[i] = 1;
      continue;
    }
    if (gi === 0) continue;
    d[i] = -gi;
    f1 -= gi * gi;
    if (k2 > 0) {
      memory.row(i, wRow);
      for (let j = 0; j < k2; j++) p[j]! += wRow[j]! * d[i]!;
    }
    if (Number.isFinite(ti)) {
      breakpoint[i] = ti;
      order.push(i);
    }
  }
  if (f1 === 0) return xcp;
  const c = new Float64Array(k2);
  // f'' = dᵀBd = θ‖d‖² - pᵀMp.
  let f2 = -theta * f1 - (k2 > 0 ? dot(p, memory.applyMiddle(p, scratch)) : 0);
  if (!(f2 > 0) || !Number.isFinite(f2)) return null;
  const f2Original = f2;
  let dtMin = -f1 / f2;
  let tOld = 0;
  order.sort((a, b) => breakpoint[a]! - breakpoint[b]!);
  const mc = new Float64Array(k2);
  const mp = new Float64Array(k2);
  const mw = new Float64Array(k2);
  for (const b of order) {
    const dt = breakpoint[b]! - tOld;
    if (dtMin < dt) break;
    tOld = breakpoint[b]!;
    const xb = d[b]! > 0 ? upper[b]! : lower[b]!;
    const zb = xb - x[b]!;
    xcp[b] = xb;
    fixed[b] = 1;
    const gb = g[b]!;
    let wmc = 0;
    let wmp = 0;
    let wmw = 0;
    if (k2 > 0) {
      for (let j = 0; j < k2; j++) c[j]! += dt * p[j]!;
      memory.row(b, wRow);
      memory.applyMiddle(c, mc);
      memory.applyMiddle(p, mp);
      memory.applyMiddle(wRow, mw);
      wmc = dot(wRow, mc);
      wmp = dot(wRow, mp);
      wmw = dot(wRow, mw);
    }
    f1 += dt * f2 + gb * gb + theta * gb * zb - gb * wmc;
    f2 -= theta * gb * gb + 2 * gb * wmp + gb * gb * wmw;
    // Rounding can drive f'' to or below 0 after many breakpoints; L-BFGS-B floors it the same way.
    f2 = Math.max(EPS * f2Original, f2);
    if (k2 > 0) for (let j = 0; j < k2; j++) p[j]! += gb * wRow[j]!;
    d[b] = 0;
    dtMin = -f1 / f2;
  }
  dtMin = Math.max(0, dtMin);
  const tCauchy = tOld + dtMin;
  for (let i = 0; i < n; i++) {
    if (d[i] !== 0) xcp[i] = Math.min(Math.max(x[i]! + tCauchy * d[i]!, lower[i]!), upper[i]!);
  }
  if (k2 === 0) return xcp;
  for (let j = 0; j < k2; j++) c[j]! += dtMin * p[j]!;

  // --- Subspace minimisation over the free variables (direct primal method, eq. 5.11) ---
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!fixed[i]) free.push(i);
  if (free.length === 0) return xcp;
  memory.applyMiddle(c, mc);
  const reduced = new Float64Array(free.length);
  const wtr = new Float64Array(k2);
  const gram = new Float64Array(k2 * k2);
  for (let f = 0; f < free.length; f++) {
    const i = free[f]!;
    memory.row(i, wRow);
    // r = Zᵀ(g + θ(xcp - x) - W M c), the model's reduced gradient at the Cauchy point.
    const r = g[i]! + theta * (xcp[i]! - x[i]!) - dot(wRow, mc);
    reduced[f] = r;
    for (let a = 0; a < k2; a++) {
      wtr[a]! += wRow[a]! * r;
      for (let b = 0; b < k2; b++) gram[a * k2 + b]! += wRow[a]! * wRow[b]!;
    }
  }
  // v = (I - M WᵀZZᵀW / θ)⁻¹ M WᵀZ r
  const v = memory.applyMiddle(wtr, new Float64Array(k2));
  const system = new Float64Array(k2 * k2);
  for (let a = 0; a < k2; a++) {
    for (let b = 0; b < k2; b++) {
      let sum = 0;
      for (let j = 0; j < k2; j++) sum += memory.middle[a * k2 + j]! * gram[j * k2 + b]!;
      system[a * k2 + b] = (a === b ? 1 : 0) - sum / theta;
    }
  }
  if (!solveDenseInPlace(system, v, k2, 1)) return xcp;
  const du = new Float64Array(free.length);
  for (let f = 0; f < free.length; f++) {
    memory.row(free[f]!, wRow);
    du[f] = -reduced[f]! / theta - dot(wRow, v) / (theta * theta);
  }
  // Version 3.0: project xcp + du onto the box; if that is not a descent direction from x, fall
  // back to the 1995 rule of the largest feasible fraction of du.
  const target = xcp.slice();
  let descent = 0;
  for (let f = 0; f < free.length; f++) {
    const i = free[f]!;
    target[i] = Math.min(Math.max(xcp[i]! + du[f]!, lower[i]!), upper[i]!);
  }
  for (let i = 0; i < n; i++) descent += (target[i]! - x[i]!) * g[i]!;
  if (descent > 0 || !Number.isFinite(descent)) {
    let alpha = 1;
    for (let f = 0; f < free.length; f++) {
      const i = free[f]!;
      const step = du[f]!;
      if (step < 0 && Number.isFinite(lower[i]!)) alpha = Math.min(alpha, (lower[i]! - xcp[i]!) / step);
      else if (step > 0 && Number.isFinite(upper[i]!)) alpha = Math.min(alpha, (upper[i]! - xcp[i]!) / step);
    }
    alpha = Math.max(alpha, 0);
    for (let f = 0; f < free.length; f++) {
      const i = free[f]!;
      target[i] = Math.min(Math.max(xcp[i]! + alpha * du[f]!, lower[i]!), upper[i]!);
    }
  }
  return target;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
