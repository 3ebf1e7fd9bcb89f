import { HIGH_WORD, outcomeBitsOf, sortProbabilitiesWithOutcomes } from '../numeric/radix-sort-probabilities';

/**
 * A scored sample as its distinct predictions, ascending, with the weight of each outcome at each
 * one. Every metric of the diagnostic is a function of this table (the lowess smoother also reads
 * the row order inside a run of ties, kept in `rowY`/`rowW`), so after one sort the work scales
 * with the number of distinct scores instead of rows: real scores are often rounded or come from
 * points-based scorecards and repeat heavily. Without ties the table has one entry per row and
 * the metrics do the same work as on rows.
 */
export interface ScoreTable {
  /** Distinct predictions, ascending (-0 counted as +0). */
  readonly value: Float64Array;
  /** Σw of rows with outcome 0 at each value (the row count when unweighted). */
  readonly weight0: Float64Array;
  /** Σw of rows with outcome 1 at each value. */
  readonly weight1: Float64Array;
  /** Rows of value g are sorted rows start[g] .. start[g + 1] - 1; start has length G + 1. */
  readonly start: Uint32Array;
  /**
   * Weighted tables only: the running weight total at the end of each value, summed row by row in
   * sorted order — exactly the sums a row-wise weighted quantile computes, so quantile positions
   * that land on a boundary resolve the same way.
   */
  readonly cumulativeWeight: Float64Array | undefined;
  /** Outcomes of the sorted rows, ties in input order (a stable sort). */
  readonly rowY: Uint8Array;
  /** Weights of the sorted rows; undefined when unweighted. */
  readonly rowW: Float64Array | undefined;
}

/**
 * The table of rows (p, y, w), p in [0, 1] and y in {0, 1} already validated. Zero-weight rows
 * should be dropped first (they would count as rows). One stable radix sort, one pass to group.
 */
export function scoreTable(p: Float64Array, y: Uint8Array, w?: Float64Array): ScoreTable {
  const sorted = sortProbabilitiesWithOutcomes(p, y, w);
  return groupPackedRows(sorted.keys, sorted.weights);
}

function groupPackedRows(keys: Float64Array, weights: Float64Array | undefined): ScoreTable {
  const n = keys.length;
  let groups = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(keys[i]!);
    if (v !== previous) {
      groups++;
      previous = v;
    }
  }
  const value = new Float64Array(groups);
  const weight0 = new Float64Array(groups);
  const weight1 = new Float64Array(groups);
  const start = new Uint32Array(groups + 1);
  const rowY = new Uint8Array(n);
  const words = outcomeBitsOf(keys);
  const high = HIGH_WORD;
  if (!weights) {
    let g = -1;
    previous = -1;
    let ones = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(keys[i]!);
      if (v !== previous) {
        if (g >= 0) {
          weight1[g] = ones;
          weight0[g] = count - ones;
        }
        g++;
        value[g] = v;
        start[g] = i;
        previous = v;
        ones = 0;
        count = 0;
      }
      const yi = words[2 * i + high]! >>> 31;
      rowY[i] = yi;
      ones += yi;
      count++;
    }
    if (g >= 0) {
      weight1[g] = ones;
      weight0[g] = count - ones;
    }
    start[groups] = n;
    return { value, weight0, weight1, start, cumulativeWeight: undefined, rowY, rowW: undefined };
  }
  const cumulativeWeight = new Float64Array(groups);
  let g = -1;
  previous = -1;
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(keys[i]!);
    if (v !== previous) {
      g++;
      value[g] = v;
      start[g] = i;
      previous = v;
    }
    const yi = words[2 * i + high]! >>> 31;
    const wi = weights[i]!;
    rowY[i] = yi;
    if (yi === 1) weight1[g]! += wi;
    else weight0[g]! += wi;
    cumulative += wi;
    cumulativeWeight[g] = cumulative;
  }
  start[groups] = n;
  return { value, weight0, weight1, start, cumulativeWeight, rowY, rowW: weights };
}

/** Index of the value holding sorted row r (0-based): the last g with start[g] <= r. */
export function groupOfRow(table: ScoreTable, r: number): number {
  const start = table.start;
  let lo = 0;
  let hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (start[mid]! <= r) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Number of rows in the table. */
export function rowCount(table: ScoreTable): number {
  return table.start[table.start.length - 1]!;
}

/** (1 - h) a + h b, returning a exactly when the neighbours are equal (as R's quantile does). */
function interpolate(a: number, b: number, h: number): number {
  if (h === 0 || a === b) return a;
  return (1 - h) * a + h * b;
}

/**
 * Type-7 quantiles of the table's rows at each probability (weighted: Hmisc::wtd.quantile's
 * rule), equal to quantilesOfSorted on the sorted rows: positions are located by binary search
 * over row offsets or cumulative weights instead of a scan of the rows.
 */
export function quantilesOfTable(table: ScoreTable, probs: readonly number[]): number[] {
  const { value, cumulativeWeight } = table;
  const n = rowCount(table);
  if (n === 0) return probs.map(() => Number.NaN);
  if (!cumulativeWeight) {
    return probs.map((prob) => {
      const index = 1 + (n - 1) * prob;
      const lo = Math.floor(index);
      const hi = Math.min(Math.ceil(index), n);
      return interpolate(value[groupOfRow(table, lo - 1)]!, value[groupOfRow(table, hi - 1)]!, index - lo);
    });
  }
  const groups = value.length;
  const total = cumulativeWeight[groups - 1]!;
  if (!(total > 0)) return probs.map(() => Number.NaN);
  // The first value whose cumulative weight reaches k (the last one beyond the total).
  const valueAt = (k: number): number => {
    let lo = 0;
    let hi = groups - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulativeWeight[mid]! >= k) hi = mid;
      else lo = mid + 1;
    }
    return value[lo]!;
  };
  return probs.map((prob) => {
    const order = 1 + (total - 1) * prob;
    const low = Math.max(Math.floor(order), 1);
    const high = Math.min(low + 1, total);
    return interpolate(valueAt(low), valueAt(high), order - Math.floor(order));
  });
}

/**
 * The table as sorted rows again, two per value (outcome 0 with weight W₀, then outcome 1 with
 * weight W₁): the same weighted sample up to the order inside ties, for row-based consumers such as
 * a ROC curve, which groups ties anyway.
 */
export function pooledRows(table: ScoreTable): { p: Float64Array; y: Uint8Array; w: Float64Array } {
  const { value, weight0, weight1 } = table;
  const groups = value.length;
  const p = new Float64Array(2 * groups);
  const y = new Uint8Array(2 * groups);
  const w = new Float64Array(2 * groups);
  for (let g = 0; g < groups; g++) {
    p[2 * g] = value[g]!;
    p[2 * g + 1] = value[g]!;
    y[2 * g + 1] = 1;
    w[2 * g] = weight0[g]!;
    w[2 * g + 1] = weight1[g]!;
  }
  return { p, y, w };
}
