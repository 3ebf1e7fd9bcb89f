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
