import type { Bounds } from './types';

/** Bounds resolved to two arrays of length n, ±Infinity where a side is unbounded. */
export interface ResolvedBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** True when at least one bound is finite. */
  readonly constrained: boolean;
  /** True when every variable has both bounds finite (L-BFGS-B's "boxed"). */
  readonly boxed: boolean;
}

/** Checks and expands `bounds`; a programming error (wrong length, NaN, lower > upper) throws a RangeError. */
export function resolveBounds(n: number, bounds: Bounds | undefined): ResolvedBounds {
  const lower = new Float64Array(n).fill(-Infinity);
  const upper = new Float64Array(n).fill(Infinity);
  for (const [side, source, target] of [
    ['lower', bounds?.lower, lower],
    ['upper', bounds?.upper, upper],
  ] as const) {
    if (source === undefined) continue;
    if (source.length !== n)
      throw new RangeError(`bounds.${side} has ${source.length} entries for ${n} parameters`);
    for (let i = 0; i < n; i++) {
      const v = source[i]!;
      if (Number.isNaN(v)) throw new RangeError(`bounds.${side}[${i}] is NaN`);
      target[i] = v;
    }
  }
  let constrained = false;
  let boxed = n > 0;
  for (let i = 0; i < n; i++) {
    if (lower[i]! > upper[i]!)
      throw new RangeError(`bounds: lower[${i}] = ${lower[i]} exceeds upper[${i}] = ${upper[i]}`);
    if (lower[i] === Infinity || upper[i] === -Infinity)
      throw new RangeError(`bounds: parameter ${i} has an empty range`);
    const finiteLower = Number.isFinite(lower[i]!);
    const finiteUpper = Number.isFinite(upper[i]!);
    if (finiteLower || finiteUpper) constrained = true;
    if (!finiteLower || !finiteUpper) boxed = false;
  }
  return { lower, upper, constrained, boxed };
}

/** Copies x into a new array, checking it is finite, and projects it onto the box (as SciPy clips x0). */
export function projectedStart(x0: ArrayLike<number>, bounds: ResolvedBounds): Float64Array {
  const x = new Float64Array(x0.length);
  for (let i = 0; i < x.length; i++) {
    const v = x0[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`x0[${i}] is not finite (${v})`);
    x[i] = Math.min(Math.max(v, bounds.lower[i]!), bounds.upper[i]!);
  }
  return x;
}

/** In-place projection onto the box. */
export function project(x: Float64Array, bounds: ResolvedBounds): void {
  const { lower, upper } = bounds;
  for (let i = 0; i < x.length; i++) x[i] = Math.min(Math.max(x[i]!, lower[i]!), upper[i]!);
}

/** ‖P(x - g) - x‖∞, the projected-gradient norm of L-BFGS-B's first-order optimality test. */
export function projectedGradientNorm(x: Float64Array, g: Float64Array, bounds: ResolvedBounds): number {
  const { lower, upper } = bounds;
  let norm = 0;
  for (let i = 0; i < x.length; i++) {
    const projected = Math.min(Math.max(x[i]! - g[i]!, lower[i]!), upper[i]!);
    norm = Math.max(norm, Math.abs(projected - x[i]!));
  }
  return norm;
}

export function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}
