/**
 * Shared shapes of the optimisers in this folder (docs/optimizer.md). Everything here is plain
 * TypeScript over Float64Array so that the same code runs in the engine's workers and in a browser.
 */

/** Objective value only (what Nelder–Mead and the numerical derivatives need). */
export type ValueFunction = (x: Float64Array) => number;

/**
 * An objective with its gradient: returns f(x) and writes ∂f/∂xᵢ into `grad` (same length as x).
 * `value`, when present, evaluates f alone; `numericalGradient` sets it, so derivative-free code
 * (Nelder–Mead, the value-based Hessian) does not pay 2n extra evaluations per point.
 */
export type Objective = ((x: Float64Array, grad: Float64Array) => number) & {
  readonly value?: ValueFunction;
};

/** Box constraints; a missing side or an infinite entry means unbounded. */
export interface Bounds {
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
}

export type OptimizerMethod = 'lbfgsb' | 'nelder-mead';

export type OptimizerStatus =
  /** A convergence test passed (the message says which). */
  | 'converged'
  | 'max-iterations'
  | 'max-evaluations'
  /** L-BFGS-B: no acceptable step even along the projected steepest-descent direction. */
  | 'line-search-failed'
  /** The objective or its gradient is NaN/±∞ at the start (or nowhere finite could be found). */
  | 'non-finite'
  /** `onIteration` returned false. */
  | 'cancelled';

export interface IterationInfo {
  readonly method: OptimizerMethod;
  /** 1 after the first completed iteration. */
  readonly iteration: number;
  /** Objective calls so far. */
  readonly evaluations: number;
  /** A copy of the current best point. */
  readonly x: Float64Array;
  readonly fun: number;
  /** ‖projected gradient‖∞ for L-BFGS-B; null for Nelder–Mead (no gradient). */
  readonly gradNorm: number | null;
}

/** Called after every iteration; returning false stops the run with status 'cancelled'. */
export type OnIteration = (info: IterationInfo) => boolean | void;

export interface OptimizeResult {
  readonly method: OptimizerMethod;
  /** Best point found (always finite and inside the bounds). */
  readonly x: Float64Array;
  /** Objective at x (finite unless status is 'non-finite'). */
  readonly fun: number;
  /** ‖projected gradient‖∞ at x for L-BFGS-B; null for Nelder–Mead or when the gradient is not finite. */
  readonly gradNorm: number | null;
  readonly iterations: number;
  /** Objective calls (a numerical-gradient objective costs 2n + 1 function values per call). */
  readonly evaluations: number;
  readonly status: OptimizerStatus;
  readonly message: string;
}
