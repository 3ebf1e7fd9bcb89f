import { dropZeroWeightRows } from './metric-input';
import { scoreTable, type ScoreTable } from './score-table';

/**
 * Kolmogorov-Smirnov statistic max_t |F₁(t) - F₀(t)| between the weighted empirical cdfs of p
 * among positives and negatives (the two-sample statistic of scipy.stats.ks_2samp), evaluated
 * after each distinct prediction. Null when either class has zero weight.
 */
export function ksOfTable(table: ScoreTable): number | null {
  const { weight0, weight1 } = table;
  const groups = weight0.length;
  let totalPositive = 0;
  let totalNegative = 0;
  for (let g = 0; g < groups; g++) {
    totalPositive += weight1[g]!;
    totalNegative += weight0[g]!;
  }
  if (!(totalPositive > 0 && totalNegative > 0)) return null;
  let positiveBelow = 0;
  let negativeBelow = 0;
  let best = 0;
  for (let g = 0; g < groups; g++) {
    positiveBelow += weight1[g]!;
    negativeBelow += weight0[g]!;
    const gap = Math.abs(positiveBelow / totalPositive - negativeBelow / totalNegative);
    if (gap > best) best = gap;
  }
  return best;
}

/** Weighted KS statistic between the score distributions of the two classes; null with one class. */
export function ksStatistic(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  const rows = dropZeroWeightRows(p, y, w);
  return ksOfTable(scoreTable(rows.p, rows.y, rows.w));
}
