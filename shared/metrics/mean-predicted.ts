import type { ScoreTable } from './score-table';

/** Weighted mean prediction Σ w p / Σ w; null when the total weight is zero. */
export function meanPredicted(p: Float64Array, w?: Float64Array): number | null {
  let sum = 0;
  let weight = 0;
  if (!w) {
    for (let i = 0; i < p.length; i++) sum += p[i]!;
    weight = p.length;
  } else {
    for (let i = 0; i < p.length; i++) {
      sum += w[i]! * p[i]!;
      weight += w[i]!;
    }
  }
  return weight > 0 ? sum / weight : null;
}

/** meanPredicted over the table of distinct predictions. */
export function meanPredictedOfTable(table: ScoreTable): number | null {
  const { value, weight0, weight1 } = table;
  let sum = 0;
  let weight = 0;
  for (let g = 0; g < value.length; g++) {
    const w = weight0[g]! + weight1[g]!;
    sum += w * value[g]!;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}
