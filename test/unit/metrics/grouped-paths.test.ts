import { describe, expect, it } from 'vitest';
import { interpolateThresholds } from '../../../shared/calibration/isotonic';
import {
  binStatistics,
  binStatisticsOfTable,
  quantileEdges,
  quantileEdgesOfTable,
} from '../../../shared/metrics/bins';
import { brierOfTable, brierScore } from '../../../shared/metrics/brier';
import { logLoss, logLossOfTable } from '../../../shared/metrics/log-loss';
import { meanPredicted, meanPredictedOfTable } from '../../../shared/metrics/mean-predicted';
import { scoreTable } from '../../../shared/metrics/score-table';
import { sortByPrediction } from '../../../shared/metrics/sorted-sample';
import { spiegelhalterOfTable, spiegelhalterTest } from '../../../shared/metrics/spiegelhalter';
import { lowessSorted } from '../../../shared/statistics/lowess';
import { equalSteps, quantilesOfSorted } from '../../../shared/statistics/quantile';
import { quantileOfRepeated, quantileOfUnsorted } from '../../../shared/statistics/selection';
import { expectClose } from './fixtures';

// The diagnostic works on distinct predictions (ScoreTable) after one radix sort. These tests hold
// the grouped paths to straightforward row-by-row computations on heavily tied samples.

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** A tied sample: p on a coarse grid (plus exact 0, 1 and -0), outcomes ~ Bernoulli(p), optional weights. */
function tiedSample(n: number, seed: number, weighted: boolean) {
  const next = random(seed);
  const p = Float64Array.from({ length: n }, () => {
    const u = next();
    if (u < 0.02) return 0;
    if (u < 0.03) return -0;
    if (u < 0.04) return 1;
    return Math.round(next() ** 2 * 200) / 200;
  });
  const y = Uint8Array.from(p, (v) => (next() < 0.1 + 0.8 * v ? 1 : 0));
  const w = weighted ? Float64Array.from(p, () => 0.25 + Math.floor(next() * 8) / 4) : undefined;
  return { p, y, w };
}

/** R's clowess (stats/src/lowess.c) with iter = 0, transcribed statement for statement on rows. */
function clowessReference(x: Float64Array, y: Float64Array, w?: Float64Array): Float64Array {
  const n = x.length;
  const ys = new Float64Array(n);
  if (n < 2) {
    ys[0] = y[0]!;
    return ys;
  }
  const ns = Math.max(2, Math.min(n, Math.floor((2 / 3) * n + 1e-7)));
  const range = x[n - 1]! - x[0]!;
  const delta = 0.01 * range;
  const weights = new Float64Array(n);
  let nleft = 0;
  let nright = ns - 1;
  let last = -1;
  let i = 0;
  for (;;) {
    if (nright < n - 1) {
      if (x[i]! - x[nleft]! > x[nright + 1]! - x[i]!) {
        nleft++;
        nright++;
        continue;
      }
    }
    const xs = x[i]!;
    const h = Math.max(xs - x[nleft]!, x[nright]! - xs);
    const h9 = 0.999 * h;
    const h1 = 0.001 * h;
    let a = 0;
    let j = nleft;
    while (j < n) {
      weights[j] = 0;
      const r = Math.abs(x[j]! - xs);
      if (r <= h9) {
        weights[j] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
        if (w) weights[j]! *= w[j]!;
        a += weights[j]!;
      } else if (x[j]! > xs) break;
      j++;
    }
    const nrt = j - 1;
    if (a <= 0) ys[i] = y[i]!;
    else {
      for (j = nleft; j <= nrt; j++) weights[j]! /= a;
      if (h > 0) {
        a = 0;
        for (j = nleft; j <= nrt; j++) a += weights[j]! * x[j]!;
        let b = xs - a;
        let c = 0;
        for (j = nleft; j <= nrt; j++) c += weights[j]! * (x[j]! - a) * (x[j]! - a);
        if (Math.sqrt(c) > 0.001 * range) {
          b /= c;
          for (j = nleft; j <= nrt; j++) weights[j]! *= b * (x[j]! - a) + 1;
        }
      }
      let fit = 0;
      for (j = nleft; j <= nrt; j++) fit += weights[j]! * y[j]!;
      ys[i] = fit;
    }
    if (last < i - 1) {
      const denom = x[i]! - x[last]!;
      for (j = last + 1; j < i; j++) {
        const alpha = (x[j]! - x[last]!) / denom;
        ys[j] = alpha * ys[i]! + (1 - alpha) * ys[last]!;
      }
    }
    last = i;
    const cut = x[last]! + delta;
    for (i = last + 1; i < n; i++) {
      if (x[i]! > cut) break;
      if (x[i] === x[last]) {
        ys[i] = ys[last]!;
        last = i;
      }
    }
    i = Math.max(last + 1, i - 1);
    if (last >= n - 1) break;
  }
  return ys;
}

describe('stable radix sort with outcomes in the sign bit', () => {
  it('equals a stable comparator sort, -0 and exact 0 and 1 included, with weights', () => {
    const { p, y, w } = tiedSample(20_000, 3, true);
    const order = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]! || a - b);
    const sorted = sortByPrediction(p, y, w);
    expect(Array.from(sorted.p)).toEqual(order.map((i) => p[i]! + 0));
    expect(Array.from(sorted.y)).toEqual(order.map((i) => y[i]!));
    expect(Array.from(sorted.w!)).toEqual(order.map((i) => w![i]!));
    expect(Object.is(sorted.p[0], 0)).toBe(true);
  });

  it('handles subnormal, tiny and one-element inputs', () => {
    const p = Float64Array.from([1e-300, 5e-324, 0.5, 0, 1, 2.2e-308, 0.5]);
    const y = Uint8Array.from([1, 0, 1, 1, 0, 1, 0]);
    const sorted = sortByPrediction(p, y);
    expect(Array.from(sorted.p)).toEqual([0, 5e-324, 2.2e-308, 1e-300, 0.5, 0.5, 1]);
    expect(Array.from(sorted.y)).toEqual([1, 0, 1, 1, 1, 0, 0]);
    expect(Array.from(sortByPrediction(Float64Array.of(0.3), Uint8Array.of(1)).y)).toEqual([1]);
    expect(sortByPrediction(new Float64Array(0), new Uint8Array(0)).p.length).toBe(0);
  });
});

describe('lowess on pooled ties equals R clowess on rows', () => {
  it.each([
    ['unweighted, heavy ties', 3000, false, 11],
    ['weighted, heavy ties', 3000, true, 12],
    ['unweighted, few distinct values', 500, false, 13],
  ])('%s', (_label, n, weighted, seed) => {
    const { p, y, w } = tiedSample(n, seed, weighted);
    const sorted = sortByPrediction(p, y, w);
    const yAsNumber = Float64Array.from(sorted.y);
    const reference = clowessReference(sorted.p, yAsNumber, sorted.w);
    const fitted = lowessSorted(sorted.p, yAsNumber, {}, sorted.w);
    fitted.forEach((v, i) => expectClose(v, reference[i], 1e-10, `fitted ${i}`, 1e-6));
  });

  it.each([
    ['continuous x', false, 0],
    ['weighted, on a fine grid', true, 1e5],
  ])('block moments above 16,384 distinct values: %s', (_label, weighted, grid) => {
    const next = random(23);
    // Skewed towards 0 like risk scores, with a sparse upper tail (blocks there are summed directly).
    const x = Float64Array.from({ length: 40_000 }, () => {
      const v = next() ** 3;
      return grid > 0 ? Math.round(v * grid) / grid : v;
    }).sort();
    const y = Float64Array.from(x, (v) => (next() < 0.05 + 0.9 * v ? 1 : 0));
    const w = weighted ? Float64Array.from(x, () => 0.5 + Math.floor(next() * 4) / 2) : undefined;
    const reference = clowessReference(x, y, w);
    lowessSorted(x, y, {}, w).forEach((v, i) => expectClose(v, reference[i], 1e-10, `fitted ${i}`, 1e-6));
  });

  it('continuous x (no ties)', () => {
    const next = random(5);
    const x = Float64Array.from({ length: 2000 }, () => next()).sort();
    const y = Float64Array.from(x, (v) => Math.sin(6 * v) + next());
    const reference = clowessReference(x, y);
    lowessSorted(x, y).forEach((v, i) => expectClose(v, reference[i], 1e-10, `fitted ${i}`, 1e-6));
  });
});

describe('metrics over distinct predictions equal their row-by-row definitions', () => {
  it.each([false, true])('weighted: %s', (weighted) => {
    const { p, y, w } = tiedSample(5000, 21, weighted);
    const rows = { p: Float64Array.from(p, (v) => v + 0), y, w };
    const table = scoreTable(rows.p, rows.y, rows.w);
    expectClose(brierOfTable(table), brierScore(rows.p, y, w), 1e-12, 'brier');
    expectClose(logLossOfTable(table), logLoss(rows.p, y, w), 1e-12, 'log loss');
    expectClose(meanPredictedOfTable(table), meanPredicted(rows.p, w), 1e-12, 'mean');
    const z = spiegelhalterTest(rows.p, y, w).z;
    expectClose(spiegelhalterOfTable(table).z, z, 1e-10, 'spiegelhalter');
    const sorted = sortByPrediction(rows.p, y, w);
    const edges = quantileEdges(sorted, 10);
    expect(Array.from(quantileEdgesOfTable(table, 10))).toEqual(Array.from(edges));
    expect(quantilesOfSorted(sorted.p, equalSteps(7), sorted.w)).toEqual(
      Array.from(quantileEdgesOfTable(table, 7)),
    );
    const byRows = binStatistics(rows.p, y, w, edges);
    const byTable = binStatisticsOfTable(table, edges);
    expect(Array.from(byTable.count)).toEqual(Array.from(byRows.count));
    byRows.weight.forEach((v, b) => expectClose(byTable.weight[b], v, 1e-12, `bin ${b} weight`));
    byRows.sumPredicted.forEach((v, b) => expectClose(byTable.sumPredicted[b], v, 1e-12, `bin ${b} Σwp`));
    byRows.sumObserved.forEach((v, b) => expectClose(byTable.sumObserved[b], v, 1e-12, `bin ${b} Σwy`));
  });

  it('quantiles of repeated values equal quantiles of the expanded rows', () => {
    const next = random(8);
    const values = Float64Array.from({ length: 300 }, () => Math.round(next() * 50) / 7);
    const counts = Float64Array.from(values, () => 1 + Math.floor(next() * 4));
    const weights = Float64Array.from(values, () => 0.5 + Math.floor(next() * 6) / 2);
    const expanded: number[] = [];
    values.forEach((v, i) => {
      for (let k = 0; k < counts[i]!; k++) expanded.push(v);
    });
    for (const prob of [0, 0.1, 0.5, 0.9, 1]) {
      expect(quantileOfRepeated(values, counts, prob, false)).toBe(
        quantileOfUnsorted(Float64Array.from(expanded), prob),
      );
      expect(quantileOfRepeated(values, weights, prob, true)).toBe(quantileOfUnsorted(values, prob, weights));
    }
  });
});

describe('isotonic interpolation lookup', () => {
  it('finds the same segment as a binary search, for thresholds crowded near 0', () => {
    const next = random(17);
    const x = Float64Array.from(
      new Set(Array.from({ length: 400 }, (_, i) => (i < 300 ? next() ** 6 : next()))),
    ).sort();
    const y = Float64Array.from(x, (_, i) => i / x.length);
    const probes = Float64Array.from({ length: 20_000 }, (_, i) =>
      i % 4 === 0 ? x[i % x.length]! : i % 4 === 1 ? next() ** 8 : next(),
    );
    probes[0] = 0;
    probes[1] = -0;
    probes[2] = 1;
    for (const outOfBounds of ['clip', 'extend-to-corners'] as const) {
      const got = interpolateThresholds(x, y, outOfBounds, probes);
      probes.forEach((v0, i) => {
        const k = x.length;
        let v = v0;
        if (outOfBounds === 'extend-to-corners' && v < x[0]!) return expect(got[i]).toBe((y[0]! * v) / x[0]!);
        if (outOfBounds === 'extend-to-corners' && v > x[k - 1]!)
          return expect(got[i]).toBe(y[k - 1]! + ((1 - y[k - 1]!) * (v - x[k - 1]!)) / (1 - x[k - 1]!));
        v = Math.min(Math.max(v, x[0]!), x[k - 1]!);
        let lo = 0;
        let hi = k;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (x[mid]! < v) lo = mid + 1;
          else hi = mid;
        }
        const upper = Math.min(Math.max(lo, 1), k - 1);
        const expected =
          ((y[upper]! - y[upper - 1]!) / (x[upper]! - x[upper - 1]!)) * (v - x[upper - 1]!) + y[upper - 1]!;
        expect(got[i]).toBe(expected);
      });
    }
  });
});
