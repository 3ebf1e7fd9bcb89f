import { type StandardErrorOptions, type StandardErrors, standardErrors } from './hessian';
import { type LbfgsbOptions, lbfgsb } from './lbfgsb';
import { type NelderMeadOptions, nelderMead } from './nelder-mead';
import type { Bounds, Objective, OnIteration, OptimizeResult, OptimizerStatus } from './types';

export type MinimizeMethod = 'lbfgsb' | 'nelder-mead' | 'auto';

export interface MinimizeOptions {
  readonly bounds?: Bounds;
  /** Default 'auto': L-BFGS-B, then Nelder–Mead if L-BFGS-B cannot proceed (docs/optimizer.md). */
  readonly method?: MinimizeMethod;
  readonly lbfgsb?: Omit<LbfgsbOptions, 'bounds' | 'onIteration'>;
  readonly nelderMead?: Omit<NelderMeadOptions, 'bounds' | 'onIteration'>;
  /** Progress and cancellation for whichever method runs; `info.method` says which. */
  readonly onIteration?: OnIteration;
  /**
   * Standard errors at the optimum (only when it converged). `true` treats the objective as a
   * negative log-likelihood sum; pass `{ hessianScale: n }` when it is a mean over n rows.
   */
  readonly standardErrors?: boolean | Omit<StandardErrorOptions, 'bounds'>;
}

/** L-BFGS-B statuses after which the derivative-free method is tried. */
const FALLBACK_STATUSES: readonly OptimizerStatus[] = ['line-search-failed', 'non-finite'];

export interface MinimizeResult extends OptimizeResult {
  readonly requestedMethod: MinimizeMethod;
  /** Set when 'auto' fell back from L-BFGS-B: what L-BFGS-B reported before Nelder–Mead took over. */
  readonly fallback: {
    readonly from: 'lbfgsb';
    readonly status: OptimizerStatus;
    readonly message: string;
    readonly fun: number;
    readonly iterations: number;
    readonly evaluations: number;
  } | null;
  /** Null unless requested; ok: false (with a reason) when not converged or refused by `standardErrors`. */
  readonly standardErrors: StandardErrors | null;
}

/**
 * Minimises `objective` from x0 within `bounds`. 'auto' runs L-BFGS-B and, when its line search
 * fails or the objective/gradient is not finite, continues with bounded Nelder–Mead from the best
 * point L-BFGS-B reached (or x0). Iteration and evaluation counts cover the whole call.
 */
export function minimize(
  objective: Objective,
  x0: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const requestedMethod = options.method ?? 'auto';
  const { bounds, onIteration } = options;
  const value = objective.value ?? valueOnly(objective, x0.length);
  let result: OptimizeResult;
  let fallback: MinimizeResult['fallback'] = null;
  if (requestedMethod === 'nelder-mead') {
    result = nelderMead(value, x0, { ...options.nelderMead, bounds, onIteration });
  } else {
    result = lbfgsb(objective, x0, { ...options.lbfgsb, bounds, onIteration });
    if (requestedMethod === 'auto' && FALLBACK_STATUSES.includes(result.status)) {
      const first = result;
      fallback = {
        from: 'lbfgsb',
        status: first.status,
        message: first.message,
        fun: first.fun,
        iterations: first.iterations,
        evaluations: first.evaluations,
      };
      const start = Number.isFinite(first.fun) ? first.x : x0;
      const second = nelderMead(value, start, { ...options.nelderMead, bounds, onIteration });
      result = {
        ...second,
        iterations: first.iterations + second.iterations,
        evaluations: first.evaluations + second.evaluations,
        message: `${second.message} (after L-BFGS-B: ${first.message})`,
      };
    }
  }
  let errors: StandardErrors | null = null;
  if (options.standardErrors) {
    const seOptions = options.standardErrors === true ? {} : options.standardErrors;
    errors =
      result.status === 'converged'
        ? standardErrors(objective, result.x, { ...seOptions, bounds })
        : {
            ok: false,
            standardErrors: null,
            reason: `the optimiser did not converge (${result.status})`,
            hessian: null,
            evaluations: 0,
          };
  }
  return { ...result, requestedMethod, fallback, standardErrors: errors };
}

/** f alone from an objective with an analytic gradient (the gradient is computed and discarded). */
function valueOnly(objective: Objective, n: number): (x: Float64Array) => number {
  const scratch = new Float64Array(n);
  return (x) => objective(x, scratch);
}
