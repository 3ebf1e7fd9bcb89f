import { logit } from './logistic';

/**
 * Smallest distance kept between a probability and 0 or 1 before taking a logarithm: 2^-52,
 * NumPy's `finfo(float64).eps`, the value betacal clips with. Clipping maps p = 0 to logit ≈ -36.04
 * and p = 1 to ≈ +36.04 instead of ±Infinity.
 */
export const PROBABILITY_EPSILON = Number.EPSILON;

/** p clipped to [ε, 1 - ε]. */
export function clipProbability(p: number): number {
  if (p < PROBABILITY_EPSILON) return PROBABILITY_EPSILON;
  if (p > 1 - PROBABILITY_EPSILON) return 1 - PROBABILITY_EPSILON;
  return p;
}

/** logit of p clipped to [ε, 1 - ε]: finite for every p in [0, 1]. */
export function clippedLogit(p: number): number {
  return logit(clipProbability(p));
}

/** Logits of a whole column, clipped as in `clippedLogit`. */
export function clippedLogits(probabilities: Float64Array): Float64Array {
  const n = probabilities.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = clippedLogit(probabilities[i]!);
  return out;
}
