import { quantilesOfSorted } from '../statistics/quantile';
import { createRandomStream, rotl, seedState } from '../statistics/random';
import { POISSON_ONE_AMBIGUOUS, poissonOneRefinement, poissonOneTable } from '../statistics/poisson-one';
import { binIndex } from './bins';

/** Scored outcomes to resample. */
export interface BootstrapSample {
  readonly p: Float64Array;
  readonly y: Uint8Array;
  readonly w?: Float64Array;
}

/** Several named statistics computed on one resample; null where a statistic is undefined there. */
export type MultiStatistic = (sample: BootstrapSample) => Readonly<Record<string, number | null>>;

export interface BootstrapOptions {
  /** Number of resamples B. */
  readonly resamples: number;
  readonly seed: number;
  /** Two-sided 1 - confidence level (0.05 for 95 % intervals). */
  readonly alpha?: number;
}

/** A percentile interval, with how many resamples had the statistic undefined. */
export interface PercentileInterval {
  readonly low: number;
  readonly high: number;
  readonly used: number;
  readonly undefinedResamples: number;
}

/**
 * Row indices of ordinary (multinomial) bootstrap resample `index`: n draws with replacement,
 * uniform over rows, from the stream (seed, index) — identical however resamples are split.
 */
export function resampleIndices(n: number, seed: number, index: number): Uint32Array {
  const random = createRandomStream(seed, index);
  const picks = new Uint32Array(n);
  for (let i = 0; i < n; i++) picks[i] = Math.floor(random.nextDouble() * n);
  return picks;
}

function gather(sample: BootstrapSample, picks: Uint32Array): BootstrapSample {
  const n = picks.length;
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  const w = sample.w ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const k = picks[i]!;
    p[i] = sample.p[k]!;
    y[i] = sample.y[k]!;
    if (w) w[i] = sample.w![k]!;
  }
  return w ? { p, y, w } : { p, y };
}

/**
 * Replicates of `statistic` on multinomial resamples from..to-1 (Efron 1979, Ann. Stat. 7:1-26).
 * Returns one array per statistic name, NaN where the statistic was undefined on a resample.
 */
export function bootstrapReplicates(
  statistic: MultiStatistic,
  sample: BootstrapSample,
  seed: number,
  from: number,
  to: number,
): Record<string, Float64Array> {
  const result: Record<string, Float64Array> = {};
  for (let b = from; b < to; b++) {
    const values = statistic(gather(sample, resampleIndices(sample.p.length, seed, b)));
    for (const [name, value] of Object.entries(values)) {
      const series = (result[name] ??= new Float64Array(to - from).fill(Number.NaN));
      series[b - from] = value === null || !Number.isFinite(value) ? Number.NaN : value;
    }
  }
  return result;
}

/**
 * Percentile interval (Efron & Tibshirani 1993, §13.3): type-7 quantiles alpha/2 and 1 - alpha/2
 * of the defined replicates. Null when no replicate is defined.
 */
export function percentileInterval(replicates: Float64Array, alpha = 0.05): PercentileInterval | null {
  const defined = replicates.filter((v) => !Number.isNaN(v)).sort();
  if (defined.length === 0) return null;
  const [low, high] = quantilesOfSorted(defined, [alpha / 2, 1 - alpha / 2]);
  return {
    low: low!,
    high: high!,
    used: defined.length,
    undefinedResamples: replicates.length - defined.length,
  };
}

/** Seeded percentile bootstrap intervals for every statistic `statistic` returns. */
export function bootstrapCi(
  statistic: MultiStatistic,
  sample: BootstrapSample,
  options: BootstrapOptions,
): Record<string, PercentileInterval | null> {
  const replicates = bootstrapReplicates(statistic, sample, options.seed, 0, options.resamples);
  const intervals: Record<string, PercentileInterval | null> = {};
  for (const [name, series] of Object.entries(replicates))
    intervals[name] = percentileInterval(series, options.alpha);
  return intervals;
}

// ---------------------------------------------------------------------------------------------
// Fast path for Brier + ECE with fixed bins: Poisson bootstrap over per-group sufficient statistics.

/**
 * Rows regrouped by (bin, outcome) so that a resample needs only three running sums per group:
 * Σ c ω, Σ c ω p, Σ c ω p² with c the row's resample count and ω its weight.
 */
export interface BrierEceBootstrapPlan {
  readonly bins: number;
  /** Group g = 2 * bin + y occupies rows groupStart[g] .. groupStart[g + 1] - 1. */
  readonly groupStart: Uint32Array;
  /** Row weights in group order; undefined when every weight is 1. */
  readonly weight: Float64Array | undefined;
  readonly weightP: Float64Array;
  readonly weightP2: Float64Array;
}

/** Groups rows by (bin of p under `edges`, y) once; each resample then streams over contiguous groups. */
export function planBrierEceBootstrap(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  edges: Float64Array,
): BrierEceBootstrapPlan {
  const bins = edges.length - 1;
  const n = p.length;
  const groupOf = new Uint32Array(n);
  const groupStart = new Uint32Array(2 * bins + 1);
  for (let i = 0; i < n; i++) {
    const g = 2 * binIndex(edges, p[i]!) + y[i]!;
    groupOf[i] = g;
    groupStart[g + 1]!++;
  }
  for (let g = 0; g < 2 * bins; g++) groupStart[g + 1]! += groupStart[g]!;
  const cursor = groupStart.slice(0, 2 * bins);
  const weight = w ? new Float64Array(n) : undefined;
  const weightP = new Float64Array(n);
  const weightP2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = cursor[groupOf[i]!]!++;
    const omega = w ? w[i]! : 1;
    const pi = p[i]!;
    if (weight) weight[at] = omega;
    weightP[at] = omega * pi;
    weightP2[at] = omega * pi * pi;
  }
  return { bins, groupStart, weight, weightP, weightP2 };
}

/** Brier and ECE replicates of Poisson bootstrap resamples from..to-1. */
export interface BrierEceReplicates {
  readonly brier: Float64Array;
  readonly ece: Float64Array;
}

const POISSON_TABLE = poissonOneTable();
const POISSON_REFINEMENT = poissonOneRefinement(POISSON_TABLE);

/** Stream index offset for the extra bits of ambiguous Poisson cells (a separate, rarely used stream). */
const REFINEMENT_STREAM = 2 ** 40;

/**
 * Poisson bootstrap (Hanley & MacGibbon 2006, Comput. Methods Programs Biomed. 83:57-62; Chamandy
 * et al. 2012, Google tech. report "Estimating uncertainty for massive data streams"): every row
 * gets an independent Poisson(1) count c. Given their total N the counts are exactly
 * Multinomial(N; 1/n, ..., 1/n), so each replicate is an ordinary with-replacement resample of
 * random size N ~ Poisson(n) (N/n = 1 ± 1/√n); for statistics that are smooth functions of sums,
 * like Brier = Σcω(p-y)²/Σcω and ECE = Σ_b |Σ_b cω(y-p)| / Σcω, percentile intervals agree with the
 * multinomial bootstrap to first order. Counts come two rows per 32-bit word in one sequential pass
 * per resample (no index gathers), from stream (seed, resample), so any split of the resamples
 * over threads reproduces the same replicates.
 */
export function brierEceReplicates(
  plan: BrierEceBootstrapPlan,
  seed: number,
  from: number,
  to: number,
): BrierEceReplicates {
  const brier = new Float64Array(to - from);
  const ece = new Float64Array(to - from);
  const sums = new Float64Array(6 * plan.bins);
  for (let b = from; b < to; b++) {
    resampleGroupSums(plan, seed, b, sums);
    let total = 0;
    let squaredError = 0;
    let absoluteGap = 0;
    for (let bin = 0; bin < plan.bins; bin++) {
      const w0 = sums[6 * bin]!;
      const p0 = sums[6 * bin + 1]!;
      const q0 = sums[6 * bin + 2]!;
      const w1 = sums[6 * bin + 3]!;
      const p1 = sums[6 * bin + 4]!;
      const q1 = sums[6 * bin + 5]!;
      total += w0 + w1;
      // Σ cω (p - y)² = Σ cω p² for y = 0 and Σ cω (p² - 2p + 1) for y = 1.
      squaredError += q0 + (q1 - 2 * p1 + w1);
      absoluteGap += Math.abs(w1 - (p0 + p1));
    }
    brier[b - from] = total > 0 ? squaredError / total : Number.NaN;
    ece[b - from] = total > 0 ? absoluteGap / total : Number.NaN;
  }
  return { brier, ece };
}

/**
 * Σ c ω, Σ c ω p, Σ c ω p² per group for resample `resample`, written to sums[3 g ..]. The hot loop
 * keeps the xoshiro128** state in locals (object fields would box the words) and reads counts from
 * a 16-bit table; the rare ambiguous cells (~1 in 8,000) take 16 more bits from a second stream.
 */
function resampleGroupSums(
  plan: BrierEceBootstrapPlan,
  seed: number,
  resample: number,
  sums: Float64Array,
): void {
  const { groupStart, weight, weightP, weightP2 } = plan;
  const table = POISSON_TABLE;
  const { index: ambiguousIndex, fine } = POISSON_REFINEMENT;
  const refinement = createRandomStream(seed, REFINEMENT_STREAM + resample);
  const state = seedState(seed, resample);
  let s0 = state[0]! | 0;
  let s1 = state[1]! | 0;
  let s2 = state[2]! | 0;
  let s3 = state[3]! | 0;
  const groups = groupStart.length - 1;
  for (let g = 0; g < groups; g++) {
    let sumWeight = 0;
    let sumWeightP = 0;
    let sumWeightP2 = 0;
    const end = groupStart[g + 1]!;
    for (let i = groupStart[g]!; i < end; i += 2) {
      const word = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const high = word >>> 16;
      let k0 = table[high]!;
      if (k0 === POISSON_ONE_AMBIGUOUS)
        k0 = fine[(ambiguousIndex[high]! << 16) | (refinement.nextUint32() >>> 16)]!;
      // The low half serves the next row; past the group's end it is simply not used.
      const low = word & 0xffff;
      let k1 = i + 1 < end ? table[low]! : 0;
      if (k1 === POISSON_ONE_AMBIGUOUS)
        k1 = fine[(ambiguousIndex[low]! << 16) | (refinement.nextUint32() >>> 16)]!;
      const j = i + 1 < end ? i + 1 : i;
      sumWeight += weight ? k0 * weight[i]! + k1 * weight[j]! : k0 + k1;
      sumWeightP += k0 * weightP[i]! + k1 * weightP[j]!;
      sumWeightP2 += k0 * weightP2[i]! + k1 * weightP2[j]!;
    }
    sums[3 * g] = sumWeight;
    sums[3 * g + 1] = sumWeightP;
    sums[3 * g + 2] = sumWeightP2;
  }
}

/** Seeded percentile intervals for Brier and ECE (fixed bins `edges`) by the Poisson bootstrap. */
export function bootstrapBrierEce(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  edges: Float64Array,
  options: BootstrapOptions,
): { brier: PercentileInterval | null; ece: PercentileInterval | null } {
  const plan = planBrierEceBootstrap(p, y, w, edges);
  const replicates = brierEceReplicates(plan, options.seed, 0, options.resamples);
  return {
    brier: percentileInterval(replicates.brier, options.alpha),
    ece: percentileInterval(replicates.ece, options.alpha),
  };
}
