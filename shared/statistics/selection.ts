import { quantilesOfSorted } from './quantile';

// Order statistics without a full sort: Hoare's quickselect (Hoare 1961, "FIND"), expected O(n).

function swap(values: Float64Array, weights: Float64Array | undefined, i: number, j: number): void {
  const v = values[i]!;
  values[i] = values[j]!;
  values[j] = v;
  if (weights) {
    const w = weights[i]!;
    weights[i] = weights[j]!;
    weights[j] = w;
  }
}

/** Rearranges values[left..right] so that index k holds the k-th smallest (0-based). */
function selectInPlace(values: Float64Array, k: number, left: number, right: number): number {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, undefined, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

/** The smallest value whose cumulative weight (in ascending order of value) reaches `target`. */
function weightedSelect(values: Float64Array, weights: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let below = 0;
  for (;;) {
    if (lo >= hi) return values[lo]!;
    const pivot = values[(lo + hi) >>> 1]!;
    // Three-way partition [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i]!;
      if (v < pivot) swap(values, weights, lt++, i++);
      else if (v > pivot) swap(values, weights, i, gt--);
      else i++;
    }
    let lessWeight = 0;
    for (let j = lo; j < lt; j++) lessWeight += weights[j]!;
    let equalWeight = 0;
    for (let j = lt; j <= gt; j++) equalWeight += weights[j]!;
    if (lt > lo && below + lessWeight >= target) {
      hi = lt - 1;
    } else if (below + lessWeight + equalWeight >= target || gt >= hi) {
      return pivot;
    } else {
      below += lessWeight + equalWeight;
      lo = gt + 1;
    }
  }
}

/**
 * Type-7 quantile (weighted: Hmisc definition, see quantile.ts) of unsorted values at `prob`,
 * in expected O(n). NaN for an empty sample.
 */
export function quantileOfUnsorted(values: Float64Array, prob: number, weights?: Float64Array): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  if (n <= 64) {
    const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
    const sorted = Float64Array.from(order, (i) => values[i]!);
    const sortedWeights = weights ? Float64Array.from(order, (i) => weights[i]!) : undefined;
    return quantilesOfSorted(sorted, [prob], sortedWeights)[0]!;
  }
  const copy = Float64Array.from(values);
  if (!weights) {
    const index = 1 + (n - 1) * prob;
    const lo = Math.floor(index) - 1;
    const a = selectInPlace(copy, lo, 0, n - 1);
    const h = index - Math.floor(index);
    if (h === 0) return a;
    // The next order statistic is the minimum of the upper part after selection.
    let b = Infinity;
    for (let i = lo + 1; i < n; i++) if (copy[i]! < b) b = copy[i]!;
    return a === b ? a : (1 - h) * a + h * b;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  if (!(total > 0)) return Number.NaN;
  const order = 1 + (total - 1) * prob;
  const low = Math.max(Math.floor(order), 1);
  const high = Math.min(low + 1, total);
  const h = order - Math.floor(order);
  const a = weightedSelect(copy, Float64Array.from(weights), low);
  if (h === 0) return a;
  const b = weightedSelect(Float64Array.from(values), Float64Array.from(weights), high);
  return a === b ? a : (1 - h) * a + h * b;
}

/**
 * Type-7 quantile at `prob` of a sample given as values that repeat: value i occurs `counts[i]`
 * times (unweighted; counts are row counts), or, with `weighted`, `counts` are weights and the Hmisc
 * rule applies — the same as quantileOfUnsorted on the expanded rows, in expected O(m) for m
 * values. NaN for an empty sample.
 */
export function quantileOfRepeated(
  values: Float64Array,
  counts: Float64Array,
  prob: number,
  weighted: boolean,
): number {
  const m = values.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += counts[i]!;
  if (m === 0 || !(total > 0)) return Number.NaN;
  let low: number;
  let high: number;
  let h: number;
  if (weighted) {
    const order = 1 + (total - 1) * prob;
    low = Math.max(Math.floor(order), 1);
    high = Math.min(low + 1, total);
    h = order - Math.floor(order);
  } else {
    // R's type 7 on total rows: the lo-th and (lo + 1)-th smallest rows (1-based).
    const index = 1 + (total - 1) * prob;
    low = Math.floor(index);
    high = Math.min(low + 1, total);
    h = index - low;
  }
  // Selection only permutes the copies, so the second search can reuse them.
  const scratchValues = Float64Array.from(values);
  const scratchCounts = Float64Array.from(counts);
  const a = weightedSelect(scratchValues, scratchCounts, low);
  if (h === 0) return a;
  const b = weightedSelect(scratchValues, scratchCounts, high);
  return a === b ? a : (1 - h) * a + h * b;
}
