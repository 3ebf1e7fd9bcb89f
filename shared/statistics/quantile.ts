// Type-7 (linear) sample quantiles as R's quantile(type = 7) computes them, and their weighted
// generalisation from Hmisc::wtd.quantile(type = "quantile", normwt = FALSE): positions are read
// on the cumulative weight scale, so integer weights give the same result as replicated rows.

/** (1 - h) a + h b, returning a exactly when the neighbours are equal (as R's quantile does). */
function interpolate(a: number, b: number, h: number): number {
  if (h === 0 || a === b) return a;
  return (1 - h) * a + h * b;
}

/**
 * Type-7 quantiles of ascending `sorted` values at each probability in `probs`; with `weights`
 * (aligned with `sorted`, non-negative) the Hmisc weighted definition. Returns NaN for an empty
 * sample or a total weight of zero.
 */
export function quantilesOfSorted(
  sorted: Float64Array,
  probs: readonly number[],
  weights?: Float64Array,
): number[] {
  const n = sorted.length;
  if (n === 0) return probs.map(() => Number.NaN);
  if (!weights) {
    // R's arithmetic, 1-based: index = 1 + (n - 1) prob, h = index - floor(index).
    return probs.map((prob) => {
      const index = 1 + (n - 1) * prob;
      const lo = Math.floor(index);
      const hi = Math.min(Math.ceil(index), n);
      return interpolate(sorted[lo - 1]!, sorted[hi - 1]!, index - lo);
    });
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  if (!(total > 0)) return probs.map(() => Number.NaN);
  // Positions on the cumulative-weight scale (1-based), as in Hmisc.
  const positions: number[] = [];
  const plan = probs.map((prob) => {
    const order = 1 + (total - 1) * prob;
    const low = Math.max(Math.floor(order), 1);
    const high = Math.min(low + 1, total);
    positions.push(low, high);
    return { h: order - Math.floor(order), low, high };
  });
  const valueAt = valuesAtCumulativeWeights(sorted, weights, positions);
  return plan.map((step, i) => interpolate(valueAt[2 * i]!, valueAt[2 * i + 1]!, step.h));
}

/**
 * For each position k, the first sorted value whose cumulative weight reaches k (approx(...,
 * method = "constant", f = 1, rule = 2) in Hmisc); positions beyond the total give the last value.
 */
function valuesAtCumulativeWeights(
  sorted: Float64Array,
  weights: Float64Array,
  positions: number[],
): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  const result = new Array<number>(positions.length);
  let i = 0;
  let cumulative = weights[0]!;
  const last = sorted.length - 1;
  for (const slot of order) {
    const target = positions[slot]!;
    while (i < last && cumulative < target) {
      i++;
      cumulative += weights[i]!;
    }
    result[slot] = sorted[i]!;
  }
  return result;
}

/** Probabilities 0, 1/g, 2/g, ..., 1 computed as R's seq(0, 1, 1/g) and numpy's linspace do: i * (1/g). */
export function equalSteps(groups: number): number[] {
  const step = 1 / groups;
  const probs: number[] = [];
  for (let i = 0; i <= groups; i++) probs.push(Math.min(i * step, 1));
  probs[groups] = 1;
  return probs;
}
