import { HIGH_WORD, outcomeBitsOf, sortProbabilitiesWithOutcomes } from '../numeric/radix-sort-probabilities';

/** Rows in ascending order of p (ties in input order). */
export interface SortedSample {
  readonly p: Float64Array;
  readonly y: Uint8Array;
  /** Weights in the same order; undefined when unweighted. */
  readonly w: Float64Array | undefined;
}

/**
 * Sorts (p, y, w) by p, stably (ties keep their input order, as R's order() does), with the radix
 * sort that carries each outcome in the sign bit of its key. p must lie in [0, 1] (-0 becomes +0).
 */
export function sortByPrediction(p: Float64Array, y: Uint8Array, w?: Float64Array): SortedSample {
  const { keys, weights } = sortProbabilitiesWithOutcomes(p, y, w);
  const n = keys.length;
  const words = outcomeBitsOf(keys);
  const high = HIGH_WORD;
  const sortedY = new Uint8Array(n);
  for (let i = 0; i < n; i++) sortedY[i] = words[2 * i + high]! >>> 31;
  // The keys' buffer becomes the sorted predictions: clearing the sign in place.
  for (let i = 0; i < n; i++) keys[i] = Math.abs(keys[i]!);
  return { p: keys, y: sortedY, w: weights };
}
