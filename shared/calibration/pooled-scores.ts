import { sortScoresWithLabels } from '../numeric/sort-scores-with-labels';

/** Rows grouped by distinct score, ascending: total weight and weight of positive outcomes per score. */
export interface PooledScores {
  readonly scores: Float64Array;
  readonly weights: Float64Array;
  readonly positiveWeights: Float64Array;
}

/**
 * Sorts once and pools rows with equal scores, as isotonic regression requires. With a tolerance,
 * a score less than `tolerance` above the first score of the current group joins that group and
 * the group keeps its first score — scikit-learn's `_make_unique`, which uses 1e-15.
 */
export function poolEqualScores(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  tolerance = 0,
): PooledScores {
  const sorted = sortScoresWithLabels(p, y, w);
  const n = p.length;
  // Distinct scores are written over the sorted copy (group k never overtakes row r).
  const scores = sorted.scores;
  const weights = new Float64Array(n);
  const positiveWeights = new Float64Array(n);
  const sortedScores = sorted.scores;
  const sortedLabels = sorted.labels;
  const sortedWeights = sorted.weights;
  let k = -1;
  let current = NaN;
  for (let r = 0; r < n; r++) {
    const score = sortedScores[r]!;
    const weight = sortedWeights ? sortedWeights[r]! : 1;
    if (r === 0 || (tolerance > 0 ? score - current >= tolerance : score !== current)) {
      k++;
      current = score;
      scores[k] = score;
    }
    weights[k]! += weight;
    if (sortedLabels[r]) positiveWeights[k]! += weight;
  }
  const unique = k + 1;
  return {
    scores: scores.subarray(0, unique),
    weights: weights.subarray(0, unique),
    positiveWeights: positiveWeights.subarray(0, unique),
  };
}
