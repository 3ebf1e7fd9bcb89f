import { chiSquareSf } from '../statistics/chi-square';
import { equalSteps } from '../statistics/quantile';
import { dropZeroWeightRows } from './metric-input';
import { quantilesOfTable, rowCount, scoreTable, type ScoreTable } from './score-table';
import type { SortedSample } from './sorted-sample';

/** Hosmer-Lemeshow goodness-of-fit test. */
export interface HosmerLemeshowTest {
  readonly statistic: number | null;
  /** Degrees of freedom g - 2 with g the requested number of groups (as ResourceSelection uses). */
  readonly df: number;
  readonly p: number | null;
}

/** Group edges: unique(quantile(p, seq(0, 1, 1/g))) with type-7 quantiles (weighted: Hmisc rule). */
export function hosmerLemeshowEdgesOfTable(table: ScoreTable, groups: number): number[] {
  const quantiles = quantilesOfTable(table, equalSteps(groups));
  const unique: number[] = [];
  for (const q of quantiles) if (unique.length === 0 || q !== unique[unique.length - 1]) unique.push(q);
  return unique;
}

/** hosmerLemeshowEdgesOfTable for rows already sorted by p. */
export function hosmerLemeshowEdges(sorted: SortedSample, groups: number): number[] {
  const rows = dropZeroWeightRows(sorted.p, sorted.y, sorted.w);
  return hosmerLemeshowEdgesOfTable(scoreTable(rows.p, rows.y, rows.w), groups);
}

/**
 * Hosmer & Lemeshow (1980, Comm. Stat. A9:1043-1069) statistic as ResourceSelection::hoslem.test
 * computes it: groups cut(p, unique quantile edges, include.lowest = TRUE), i.e. (e_{j-1}, e_j]
 * with the first group closed; Σ over groups and both outcome columns of (O - E)² / E; p from
 * chi-square with g - 2 df. A group that holds no rows adds nothing (R would give NaN). Null
 * statistic when there are fewer than two distinct edges (a single distinct score) or some
 * expected count is 0 while its observed count is not; null p when df < 1.
 */
export function hosmerLemeshowOfTable(table: ScoreTable, groups = 10): HosmerLemeshowTest {
  const df = groups - 2;
  const edges = hosmerLemeshowEdgesOfTable(table, groups);
  if (edges.length < 2 || rowCount(table) === 0) return { statistic: null, df, p: null };
  const k = edges.length - 1;
  const observed1 = new Float64Array(k);
  const observed0 = new Float64Array(k);
  const expected1 = new Float64Array(k);
  const expected0 = new Float64Array(k);
  const { value, weight0, weight1 } = table;
  let group = 0;
  for (let g = 0; g < value.length; g++) {
    const v = value[g]!;
    // Ascending values: advance to the first group whose upper edge is >= v (right-closed groups).
    while (group < k - 1 && v > edges[group + 1]!) group++;
    const w0 = weight0[g]!;
    const w1 = weight1[g]!;
    const w = w0 + w1;
    observed1[group]! += w1;
    observed0[group]! += w0;
    expected1[group]! += w * v;
    expected0[group]! += w * (1 - v);
  }
  let statistic = 0;
  for (let g = 0; g < k; g++) {
    for (const [o, e] of [
      [observed0[g]!, expected0[g]!],
      [observed1[g]!, expected1[g]!],
    ] as const) {
      if (e > 0) statistic += ((o - e) * (o - e)) / e;
      else if (o > 0) return { statistic: null, df, p: null };
    }
  }
  return { statistic, df, p: df >= 1 ? chiSquareSf(statistic, df) : null };
}

/** Hosmer-Lemeshow test with `groups` quantile groups (default 10). */
export function hosmerLemeshowTest(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
  groups = 10,
): HosmerLemeshowTest {
  const rows = dropZeroWeightRows(p, y, w);
  return hosmerLemeshowOfTable(scoreTable(rows.p, rows.y, rows.w), groups);
}
