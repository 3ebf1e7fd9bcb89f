import { HIGH_WORD, outcomeBitsOf, sortProbabilitiesWithOutcomes } from '../numeric/radix-sort-probabilities';

/** Rows grouped by distinct score, ascending: total weight and weight of positive outcomes per score. */
export interface PooledScores {
  readonly scores: Float64Array;
  readonly weights: Float64Array;
  readonly positiveWeights: Float64Array;
}

/**
 * Sorts once and pools rows with equal scores, as isotonic regression requires. With a tolerance,
 * a score less than `tolerance` above the first score of the current group joins that group and
 * the group keeps its first score — scikit-learn's `_make_unique`, which uses 1e-15. Scores are
 * probabilities in [0, 1] (validated by the caller): the radix sort carries each label in the sign
 * bit of its key, so one 8-byte move per row and pass sorts scores and labels together.
 */
export function poolEqualScores(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  tolerance = 0,
): PooledScores {
  const { keys, weights: sortedWeights } = sortProbabilitiesWithOutcomes(p, y, w);
  const n = keys.length;
  // Group starts first, so the outputs are allocated at their final size. Each loop is written out
  // (no predicate callback) because it runs once per fit, in on-stack-replaced code.
  const first = new Uint8Array(n);
  let unique = 0;
  let current = NaN;
  if (tolerance > 0) {
    for (let r = 0; r < n; r++) {
      const score = Math.abs(keys[r]!);
      if (r === 0 || score - current >= tolerance) {
        first[r] = 1;
        unique++;
        current = score;
      }
    }
  } else {
    for (let r = 0; r < n; r++) {
      const score = Math.abs(keys[r]!);
      if (r === 0 || score !== current) {
        first[r] = 1;
        unique++;
        current = score;
      }
    }
  }
  const scores = new Float64Array(unique);
  const weights = new Float64Array(unique);
  const positiveWeights = new Float64Array(unique);
  const words = outcomeBitsOf(keys);
  const high = HIGH_WORD;
  let k = -1;
  if (sortedWeights) {
    for (let r = 0; r < n; r++) {
      if (first[r] === 1) {
        k++;
        scores[k] = Math.abs(keys[r]!);
      }
      const weight = sortedWeights[r]!;
      weights[k]! += weight;
      if (words[2 * r + high]! >>> 31) positiveWeights[k]! += weight;
    }
  } else {
    let count = 0;
    let positives = 0;
    for (let r = 0; r < n; r++) {
      if (first[r] === 1) {
        if (k >= 0) {
          weights[k] = count;
          positiveWeights[k] = positives;
        }
        k++;
        scores[k] = Math.abs(keys[r]!);
        count = 0;
        positives = 0;
      }
      count++;
      positives += words[2 * r + high]! >>> 31;
    }
    if (k >= 0) {
      weights[k] = count;
      positiveWeights[k] = positives;
    }
  }
  return { scores, weights, positiveWeights };
}
