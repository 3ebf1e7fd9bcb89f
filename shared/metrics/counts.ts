/** Row counts, weight totals and the (weighted) base rate of a sample. */
export interface OutcomeCounts {
  /** Rows with positive weight (all rows when unweighted). */
  readonly n: number;
  /** Rows with positive weight and outcome 1. */
  readonly positives: number;
  /** Sum of weights (n when unweighted). */
  readonly weightSum: number;
  /** Sum of weights of rows with outcome 1. */
  readonly positiveWeight: number;
  /** positiveWeight / weightSum; null when the total weight is zero. */
  readonly baseRate: number | null;
}

/** Counts and base rate: ȳ_w = Σ w y / Σ w. */
export function outcomeCounts(y: Uint8Array, w?: Float64Array): OutcomeCounts {
  const length = y.length;
  let n = 0;
  let positives = 0;
  let weightSum = 0;
  let positiveWeight = 0;
  if (!w) {
    for (let i = 0; i < length; i++) positives += y[i]!;
    n = length;
    weightSum = length;
    positiveWeight = positives;
  } else {
    for (let i = 0; i < length; i++) {
      const wi = w[i]!;
      if (wi > 0) {
        n++;
        weightSum += wi;
        if (y[i] === 1) {
          positives++;
          positiveWeight += wi;
        }
      }
    }
  }
  return {
    n,
    positives,
    weightSum,
    positiveWeight,
    baseRate: weightSum > 0 ? positiveWeight / weightSum : null,
  };
}
