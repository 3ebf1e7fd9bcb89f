import { dropZeroWeightRows } from './metric-input';
import { scoreTable, type ScoreTable } from './score-table';

/**
 * Area under the ROC curve from the table of distinct predictions: the weighted probability that a
 * random positive scores above a random negative, ties counting 1/2 (Hanley & McNeil 1982,
 * Radiology 143:29-36) — equal to the trapezoidal ROC area. Null when either class has zero weight.
 */
export function aucOfTable(table: ScoreTable): number | null {
  const { weight0, weight1 } = table;
  let negativesBelow = 0;
  let concordant = 0;
  let totalPositive = 0;
  for (let g = 0; g < weight0.length; g++) {
    const groupPositive = weight1[g]!;
    const groupNegative = weight0[g]!;
    concordant += groupPositive * (negativesBelow + 0.5 * groupNegative);
    negativesBelow += groupNegative;
    totalPositive += groupPositive;
  }
  const pairs = totalPositive * negativesBelow;
  return pairs > 0 ? concordant / pairs : null;
}

/** Weighted ROC AUC (ties count 1/2); null with only one class. Inputs as validateMetricInput accepts. */
export function auc(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  const rows = dropZeroWeightRows(p, y, w);
  return aucOfTable(scoreTable(rows.p, rows.y, rows.w));
}
