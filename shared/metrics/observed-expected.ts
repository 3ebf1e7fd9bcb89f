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
