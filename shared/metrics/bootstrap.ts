import { quantilesOfSorted } from '../statistics/quantile';
import { createRandomStream, seedState } from '../statistics/random';
import { POISSON_ONE_AMBIGUOUS, poissonOneFromWord, poissonOneTable } from '../statistics/poisson-one';
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
  return { low: low!, high: high!, used: defined.length, undefinedResamples: replicates.length - defined.length };
}

/** Seeded percentile bootstrap intervals for every statistic `statistic` returns. */
export function bootstrapCi(
  statistic: MultiStatistic,
  sample: BootstrapSample,
  options: BootstrapOptions,
): Record<string, PercentileInterval | null> {
  const replicates = bootstrapReplicates(statistic, sample, options.seed, 0, options.resamples);
  const intervals: Record<string, PercentileInterval | null> = {};
  for (const [name, series] of Object.entries(replicates)) intervals[name] = percentileInterval(series, options.alpha);
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
  readonly weight: Float64Array;
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
  const weight = new Float64Array(n);
  const weightP = new Float64Array(n);
  const weightP2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = cursor[groupOf[i]!]!++;
    const omega = w ? w[i]! : 1;
    const pi = p[i]!;
    weight[at] = omega;
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

/**
 * Poisson bootstrap (Hanley & MacGibbon 2006, Comput. Methods Programs Biomed. 83:57-62; Chamandy
 * et al. 2012, Google tech. report "Estimating uncertainty for massive data streams"): every row
 * gets an independent Poisson(1) count c. Given their total N the counts are exactly
 * Multinomial(N; 1/n, ..., 1/n), so each replicate is an ordinary with-replacement resample of
 * random size N ~ Poisson(n) (N/n = 1 ± 1/√n); for statistics that are smooth functions of sums,
 * like Brier = Σcω(p-y)²/Σcω and ECE = Σ_b |Σ_b cω(y-p)| / Σcω, percentile intervals agree with the
 * multinomial bootstrap to first order. Counts are drawn in one sequential pass per resample with
 * no index gathers, from stream (seed, resample) like resampleIndices.
 */
export function brierEceReplicates(
  plan: BrierEceBootstrapPlan,
  seed: number,
  from: number,
  to: number,
): BrierEceReplicates {
  const brier = new Float64Array(to - from);
  const ece = new Float64Array(to - from);
  const { bins, groupStart, weight, weightP, weightP2 } = plan;
  const table = POISSON_TABLE;
  const sums = new Float64Array(3 * 2 * bins);
  for (let b = from; b < to; b++) {
    const state = seedState(seed, b);
    let s0 = state[0]! | 0;
    let s1 = state[1]! | 0;
    let s2 = state[2]! | 0;
    let s3 = state[3]! | 0;
    // A 32-bit word gives two 16-bit table lookups; `spare` holds the unused half (or -1).
    let spare = -1;
    for (let g = 0; g < 2 * bins; g++) {
      let sumWeight = 0;
      let sumWeightP = 0;
      let sumWeightP2 = 0;
      const end = groupStart[g + 1]!;
      for (let i = groupStart[g]!; i < end; i++) {
        let half: number;
        if (spare >= 0) {
          half = spare;
          spare = -1;
        } else {
          // xoshiro128** step, inlined: this loop runs n times per resample.
          const word = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = rotl(s3, 11);
          half = word >>> 16;
          spare = word & 0xffff;
        }
        let count = table[half]!;
        if (count === POISSON_ONE_AMBIGUOUS) {
          // Rare (about 1 in 6,000): complete the 32-bit word with 16 fresh bits.
          const word = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = rotl(s3, 11);
          count = poissonOneFromWord(((half << 16) | (word >>> 16)) >>> 0);
        }
        sumWeight += count * weight[i]!;
        sumWeightP += count * weightP[i]!;
        sumWeightP2 += count * weightP2[i]!;
      }
      sums[3 * g] = sumWeight;
      sums[3 * g + 1] = sumWeightP;
      sums[3 * g + 2] = sumWeightP2;
    }
    let total = 0;
    let squaredError = 0;
    let absoluteGap = 0;
    for (let bin = 0; bin < bins; bin++) {
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

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
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
