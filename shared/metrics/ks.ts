import { sortByPrediction, type SortedSample } from './sorted-sample';

/**
 * Kolmogorov-Smirnov statistic max_t |F₁(t) - F₀(t)| between the weighted empirical cdfs of p
 * among positives and negatives (the two-sample statistic of scipy.stats.ks_2samp), evaluated
 * after each group of tied predictions. Null when either class has zero weight.
 */
export function ksOfSorted(sample: SortedSample): number | null {
  const { p, y, w } = sample;
  const n = p.length;
  let totalPositive = 0;
  let totalNegative = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i]! : 1;
    if (y[i] === 1) totalPositive += wi;
    else totalNegative += wi;
  }
  if (!(totalPositive > 0 && totalNegative > 0)) return null;
  let positiveBelow = 0;
  let negativeBelow = 0;
  let best = 0;
  let i = 0;
  while (i < n) {
    const value = p[i]!;
    for (; i < n && p[i] === value; i++) {
      const wi = w ? w[i]! : 1;
      if (y[i] === 1) positiveBelow += wi;
      else negativeBelow += wi;
    }
    const gap = Math.abs(positiveBelow / totalPositive - negativeBelow / totalNegative);
    if (gap > best) best = gap;
  }
  return best;
}

/** Weighted KS statistic between the score distributions of the two classes; null with one class. */
export function ksStatistic(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  return ksOfSorted(sortByPrediction(p, y, w));
}
