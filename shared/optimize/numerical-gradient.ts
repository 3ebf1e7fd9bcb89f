import { resolveBounds } from './bounds';
import type { Bounds, Objective, ValueFunction } from './types';

/** cbrt(ε): balances the O(h²) truncation error of a central difference against its O(ε/h) rounding error. */
export const CENTRAL_DIFFERENCE_STEP = Math.cbrt(Number.EPSILON);
/** √ε: balances the O(h) truncation error of a one-sided difference against its O(ε/h) rounding error. */
export const FORWARD_DIFFERENCE_STEP = Math.sqrt(Number.EPSILON);

export interface NumericalGradientOptions {
  readonly bounds?: Bounds;
  /** Step relative to max(|xᵢ|, 1); default cbrt(ε) ≈ 6.06e-6 (central) or √ε ≈ 1.49e-8 (forward). */
  readonly relativeStep?: number;
  /**
   * 'central' (default, 2n + 1 evaluations per gradient) or 'forward' (n + 1, SciPy's '2-point'
   * default for L-BFGS-B): half the cost for an O(h) instead of O(h²) error, enough for
   * L-BFGS-B's projected-gradient test when f is a smooth mean over many rows.
   */
  readonly scheme?: 'central' | 'forward';
}

/**
 * Wraps a value-only function as an `Objective` whose gradient is estimated by finite differences
 * (Nocedal & Wright 2006, §8.1): central f'(x) ≈ [f(x+h) - f(x-h)] / 2h with h = cbrt(ε)·max(|xᵢ|,1),
 * or, where the box leaves no room on one side, the second-order one-sided formula
 * [∓3f(x) ± 4f(x±h) ∓ f(x±2h)] / 2h, so no point outside the bounds is ever evaluated.
 * Each call costs 1 + 2n evaluations of f (central) or 1 + n (forward). The returned objective carries `value = f`.
 */
export function numericalGradient(f: ValueFunction, options: NumericalGradientOptions = {}): Objective {
  const forward = options.scheme === 'forward';
  const relativeStep = options.relativeStep ?? (forward ? FORWARD_DIFFERENCE_STEP : CENTRAL_DIFFERENCE_STEP);
  let resolved: ReturnType<typeof resolveBounds> | undefined;
  const objective = (x: Float64Array, grad: Float64Array): number => {
    const n = x.length;
    if (!resolved || resolved.lower.length !== n) resolved = resolveBounds(n, options.bounds);
    const { lower, upper } = resolved;
    const fx = f(x);
    if (!Number.isFinite(fx)) {
      grad.fill(NaN);
      return fx;
    }
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      let h = relativeStep * Math.max(Math.abs(xi), 1);
      const roomUp = upper[i]! - xi;
      const roomDown = xi - lower[i]!;
      if (forward && Math.max(roomUp, roomDown) >= h) {
        // One-sided (Nocedal & Wright 2006, eq. 8.1): forwards, or backwards at an upper bound.
        const step = (roomUp >= h ? xi + h : xi - h) - xi;
        x[i] = xi + step;
        grad[i] = (f(x) - fx) / step;
      } else if (roomUp >= h && roomDown >= h) {
        // Use the step actually representable at xi, so rounding of xi + h does not bias the quotient.
        const up = xi + h;
        const down = xi - h;
        x[i] = up;
        const fUp = f(x);
        x[i] = down;
        const fDown = f(x);
        grad[i] = (fUp - fDown) / (up - down);
      } else if (Math.max(roomUp, roomDown) > 0) {
        const direction = roomUp >= roomDown ? 1 : -1;
        h = Math.min(h, (direction > 0 ? roomUp : roomDown) / 2);
        const step1 = xi + direction * h - xi;
        x[i] = xi + step1;
        const f1 = f(x);
        // Clamped because xi + 2·step may round one ulp past a bound that is exactly 2h away.
        x[i] = direction > 0 ? Math.min(xi + 2 * step1, upper[i]!) : Math.max(xi + 2 * step1, lower[i]!);
        const f2 = f(x);
        grad[i] = (-3 * fx + 4 * f1 - f2) / (2 * step1);
      } else {
        // lower == upper: the parameter is fixed and its derivative plays no role.
        grad[i] = 0;
      }
      x[i] = xi;
    }
    return fx;
  };
  return Object.assign(objective, { value: f });
}
