import { sortScoresWithLabels } from '../numeric/sort-scores-with-labels';

/** Rows grouped by distinct score, ascending: total weight and weight of positive outcomes per score. */
export interface PooledScores {
  readonly scores: Float64Array;
  readonly weights: Float64Array;
  readonly positiveWeights: Float64Array;
}

/** Sorts once and pools rows with exactly equal scores, as isotonic regression requires. */
export function poolEqualScores(p: Float64Array, y: Uint8Array, w: Float64Array | undefined): PooledScores {
  const sorted = sortScoresWithLabels(p, y, w);
  const n = p.length;
  const scores = new Float64Array(n);
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
    if (score !== current) {
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
