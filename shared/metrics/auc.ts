import { sortByPrediction, type SortedSample } from './sorted-sample';

/**
 * Area under the ROC curve from a sample sorted by p: the weighted probability that a random
 * positive scores above a random negative, ties counting 1/2 (Hanley & McNeil 1982, Radiology
 * 143:29-36) — equal to the trapezoidal ROC area. Null when either class has zero weight.
 */
export function aucOfSorted(sample: SortedSample): number | null {
  const { p, y, w } = sample;
  const n = p.length;
  let negativesBelow = 0;
  let concordant = 0;
  let totalPositive = 0;
  let i = 0;
  while (i < n) {
    // One group of tied predictions at a time.
    const value = p[i]!;
    let groupPositive = 0;
    let groupNegative = 0;
    for (; i < n && p[i] === value; i++) {
      const wi = w ? w[i]! : 1;
      if (y[i] === 1) groupPositive += wi;
      else groupNegative += wi;
    }
    concordant += groupPositive * (negativesBelow + 0.5 * groupNegative);
    negativesBelow += groupNegative;
    totalPositive += groupPositive;
  }
  const pairs = totalPositive * negativesBelow;
  return pairs > 0 ? concordant / pairs : null;
}

/** Weighted ROC AUC (ties count 1/2); null with only one class. */
export function auc(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  return aucOfSorted(sortByPrediction(p, y, w));
}
