import type { ScoreTable } from './score-table';

/** Brier score Σ w (p - y)² / Σ w (Brier 1950, Monthly Weather Review 78:1-3); null at zero total weight. */
export function brierScore(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  let sum = 0;
  let weight = 0;
  if (!w) {
    for (let i = 0; i < p.length; i++) {
      const e = p[i]! - y[i]!;
      sum += e * e;
    }
    weight = p.length;
  } else {
    for (let i = 0; i < p.length; i++) {
      const e = p[i]! - y[i]!;
      sum += w[i]! * e * e;
      weight += w[i]!;
    }
  }
  return weight > 0 ? sum / weight : null;
}

/** brierScore over the table of distinct predictions: Σ_v [W₁(v)(1 - v)² + W₀(v) v²] / Σw. */
export function brierOfTable(table: ScoreTable): number | null {
  const { value, weight0, weight1 } = table;
  let sum = 0;
  let weight = 0;
  for (let g = 0; g < value.length; g++) {
    const v = value[g]!;
    const w0 = weight0[g]!;
    const w1 = weight1[g]!;
    const miss = 1 - v;
    sum += w1 * miss * miss + w0 * v * v;
    weight += w0 + w1;
  }
  return weight > 0 ? sum / weight : null;
}
