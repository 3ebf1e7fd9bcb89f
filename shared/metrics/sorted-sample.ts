import { stableOrder } from '../statistics/stable-order';

/** Rows in ascending order of p (ties in input order), shared by every rank-based metric. */
export interface SortedSample {
  readonly p: Float64Array;
  readonly y: Uint8Array;
  /** Weights in the same order; undefined when unweighted. */
  readonly w: Float64Array | undefined;
}

/** Sorts (p, y, w) by p once, stably, so AUC, KS, quantile bins and lowess can share the order. */
export function sortByPrediction(p: Float64Array, y: Uint8Array, w?: Float64Array): SortedSample {
  const order = stableOrder(p);
  const n = p.length;
  const sortedP = new Float64Array(n);
  const sortedY = new Uint8Array(n);
  const sortedW = w ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const k = order[i]!;
    sortedP[i] = p[k]!;
    sortedY[i] = y[k]!;
    if (sortedW) sortedW[i] = w![k]!;
  }
  return { p: sortedP, y: sortedY, w: sortedW };
}
