import { equalSteps, quantilesOfSorted } from '../statistics/quantile';
import { quantilesOfTable, type ScoreTable } from './score-table';
import type { SortedSample } from './sorted-sample';

/** How reliability / ECE bins are placed. */
export type Binning = 'uniform' | 'quantile';

/**
 * Uniform edges 0, 1/k, ..., 1 computed as numpy.linspace does (i * (1/k), last edge exactly 1),
 * so bin membership matches scikit-learn's calibration_curve bit for bit.
 */
export function uniformEdges(bins: number): Float64Array {
  return Float64Array.from(equalSteps(bins));
}

/**
 * Equal-mass edges: type-7 quantiles of p at i/k (weighted: Hmisc definition). Duplicate edges
 * are kept, so a heavily tied sample yields empty bins that are reported rather than merged.
 */
export function quantileEdges(sorted: SortedSample, bins: number): Float64Array {
  return Float64Array.from(quantilesOfSorted(sorted.p, equalSteps(bins), sorted.w));
}

/** quantileEdges on the table of distinct predictions (the same type-7 / Hmisc positions). */
export function quantileEdgesOfTable(table: ScoreTable, bins: number): Float64Array {
  return Float64Array.from(quantilesOfTable(table, equalSteps(bins)));
}

/**
 * Bin index of p for edges e₀ < ... < e_k: bins are [e_j, e_{j+1}) and the last bin is closed;
 * values outside [e₀, e_k] go to the first or last bin (numpy.searchsorted over interior edges,
 * side "right", as scikit-learn's calibration_curve assigns them).
 */
export function binIndex(edges: Float64Array, value: number): number {
  const last = edges.length - 2;
  let lo = 0;
  let hi = last;
  // Find the number of interior edges e_1..e_last that are <= value.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (edges[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per-bin sufficient statistics: everything ECE, MCE, Murphy's decomposition and diagrams need. */
export interface BinStatistics {
  readonly edges: Float64Array;
  /** Rows with positive weight in each bin. */
  readonly count: Float64Array;
  readonly weight: Float64Array;
  /** Σ w p per bin. */
  readonly sumPredicted: Float64Array;
  /** Σ w y per bin. */
  readonly sumObserved: Float64Array;
}

/** Accumulates per-bin counts, weights, Σ w p and Σ w y in one pass. */
export function binStatistics(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  edges: Float64Array,
): BinStatistics {
  const k = edges.length - 1;
  const count = new Float64Array(k);
  const weight = new Float64Array(k);
  const sumPredicted = new Float64Array(k);
  const sumObserved = new Float64Array(k);
  const uniform = isUniform(edges);
  for (let i = 0; i < p.length; i++) {
    const wi = w ? w[i]! : 1;
    if (wi === 0) continue;
    const pi = p[i]!;
    const b = uniform ? uniformBinIndex(edges, pi, k) : binIndex(edges, pi);
    count[b]!++;
    weight[b]! += wi;
    sumPredicted[b]! += wi * pi;
    sumObserved[b]! += wi * y[i]!;
  }
  return { edges, count, weight, sumPredicted, sumObserved };
}

/**
 * binStatistics over the table of distinct predictions: values ascend, so the bin index is found by
 * walking the edges once (the same rule as binIndex: the number of interior edges <= value).
 */
export function binStatisticsOfTable(table: ScoreTable, edges: Float64Array): BinStatistics {
  const k = edges.length - 1;
  const count = new Float64Array(k);
  const weight = new Float64Array(k);
  const sumPredicted = new Float64Array(k);
  const sumObserved = new Float64Array(k);
  const { value, weight0, weight1, start } = table;
  let b = 0;
  for (let g = 0; g < value.length; g++) {
    const v = value[g]!;
    while (b < k - 1 && v >= edges[b + 1]!) b++;
    const w1 = weight1[g]!;
    const w = weight0[g]! + w1;
    count[b]! += start[g + 1]! - start[g]!;
    weight[b]! += w;
    sumPredicted[b]! += w * v;
    sumObserved[b]! += w1;
  }
  return { edges, count, weight, sumPredicted, sumObserved };
}

function isUniform(edges: Float64Array): boolean {
  const k = edges.length - 1;
  const reference = uniformEdges(k);
  for (let i = 0; i <= k; i++) if (edges[i] !== reference[i]) return false;
  return true;
}

/** binIndex for uniform edges in O(1): a floor guess corrected against the exact edges. */
function uniformBinIndex(edges: Float64Array, value: number, k: number): number {
  let b = Math.floor(value * k);
  if (b > k - 1) b = k - 1;
  if (b < 0) b = 0;
  while (b < k - 1 && value >= edges[b + 1]!) b++;
  while (b > 0 && value < edges[b]!) b--;
  return b;
}
