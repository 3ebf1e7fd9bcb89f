import type { ScoreTable } from './score-table';

/**
 * Observed / expected ratio Σ w y / Σ w p (1 = calibrated in the large; > 1 means risk is
 * under-predicted). Null when the expected total Σ w p is zero (no predicted risk at all).
 */
export function observedExpectedRatio(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < p.length; i++) {
    const wi = w ? w[i]! : 1;
    observed += wi * y[i]!;
    expected += wi * p[i]!;
  }
  return expected > 0 ? observed / expected : null;
}

/** observedExpectedRatio over the table of distinct predictions. */
export function observedExpectedOfTable(table: ScoreTable): number | null {
  const { value, weight0, weight1 } = table;
  let observed = 0;
  let expected = 0;
  for (let g = 0; g < value.length; g++) {
    const w1 = weight1[g]!;
    observed += w1;
    expected += (weight0[g]! + w1) * value[g]!;
  }
  return expected > 0 ? observed / expected : null;
}
