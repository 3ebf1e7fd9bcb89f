/**
 * Weighted isotonic (non-decreasing) least-squares fit by pool-adjacent-violators, in place and in
 * O(n): scikit-learn's `_inplace_contiguous_isotonic_regression`, reproduced step for step so that
 * block means are summed in the same order. On return `values` holds the fitted value of each
 * element; `weights` is used as scratch. Adjacent blocks with equal means are pooled, so equal
 * neighbouring fitted values always belong to one block.
 */
export function poolAdjacentViolators(values: Float64Array, weights: Float64Array): void {
  const n = values.length;
  // target[i] = j and target[j] = i when [i..j] is a block (i its first element).
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) target[i] = i;
  let i = 0;
  while (i < n) {
    let k = target[i]! + 1;
    if (k === n) break;
    if (values[i]! < values[k]!) {
      i = k;
      continue;
    }
    let sumWeightedValues = weights[i]! * values[i]!;
    let sumWeights = weights[i]!;
    for (;;) {
      // Inside a non-increasing run: absorb block k.
      const previousValue = values[k]!;
      sumWeightedValues += weights[k]! * values[k]!;
      sumWeights += weights[k]!;
      k = target[k]! + 1;
      if (k === n || previousValue < values[k]!) {
        values[i] = sumWeightedValues / sumWeights;
        weights[i] = sumWeights;
        target[i] = k - 1;
        target[k - 1] = i;
        // Step back one block so a new violation with the previous block is pooled too.
        if (i > 0) i = target[i - 1]!;
        break;
      }
    }
  }
  i = 0;
  while (i < n) {
    const k = target[i]! + 1;
    values.fill(values[i]!, i + 1, k);
    i = k;
  }
}
