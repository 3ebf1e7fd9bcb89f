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
