import { z } from 'zod';
import { poolAdjacentViolators } from '../numeric/pool-adjacent-violators';
import { HIGH_WORD } from '../numeric/radix-sort-probabilities';
import { type CalibrationData, prepareCalibrationData, requireProbabilities } from './calibration-data';
import { type Calibrator, parseOptions, parseParams } from './calibrator';
import { poolEqualScores } from './pooled-scores';

/**
 * Isotonic calibration (Zadrozny & Elkan 2002): the weighted non-decreasing least-squares fit of the
 * outcomes on p by pool-adjacent-violators, equal scores pooled, evaluated by linear interpolation
 * between thresholds and clipped outside them — scikit-learn's IsotonicRegression(out_of_bounds="clip").
 *
 * `preserveRanking` spreads every flat block into a line of small positive slope through the block's
 * weighted mean score, so distinct scores keep distinct, ordered calibrated values (AUC unchanged)
 * while each block keeps its weighted mean prediction (docs/calibrators.md).
 */
export const IsotonicOptionsSchema = z.strictObject({
  preserveRanking: z.boolean().default(false),
  /** With preserveRanking: how much of the gap to the neighbouring levels a block may spread over, in (0, 1). */
  tieBreakSpread: z.number().gt(0).lt(1).default(0.5),
});
export type IsotonicOptions = z.infer<typeof IsotonicOptionsSchema>;

export const IsotonicParamsSchema = z
  .strictObject({
    method: z.literal('isotonic'),
    /** Threshold scores, strictly increasing. */
    x: z.array(z.number().min(0).max(1)).min(1),
    /** Calibrated probability at each threshold, non-decreasing. */
    y: z.array(z.number().min(0).max(1)).min(1),
    /** 'clip': constant beyond the thresholds; 'extend-to-corners': straight lines to (0, 0) and (1, 1). */
    outOfBounds: z.enum(['clip', 'extend-to-corners']),
  })
  .refine((params) => params.x.length === params.y.length, { message: 'x and y must have the same length' });
export type IsotonicParams = z.infer<typeof IsotonicParamsSchema>;

/** scikit-learn pools scores closer than np.finfo(float64).resolution to a group's first score. */
const SCIKIT_LEARN_POOLING_TOLERANCE = 1e-15;

export const isotonicCalibrator: Calibrator<
  IsotonicOptions,
  IsotonicParams,
  z.input<typeof IsotonicOptionsSchema>
> = {
  method: 'isotonic',
  optionsSchema: IsotonicOptionsSchema,
  paramsSchema: IsotonicParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof IsotonicOptionsSchema>): IsotonicParams {
    const { preserveRanking, tieBreakSpread } = parseOptions(IsotonicOptionsSchema, options, 'isotonic');
    const data = prepareCalibrationData(input, 'isotonic');
    const pooled = poolEqualScores(
      data.p,
      data.y,
      data.w,
      preserveRanking ? 0 : SCIKIT_LEARN_POOLING_TOLERANCE,
    );
    const k = pooled.scores.length;
    const fitted = new Float64Array(k);
    for (let j = 0; j < k; j++) fitted[j] = pooled.positiveWeights[j]! / pooled.weights[j]!;
    poolAdjacentViolators(fitted, pooled.weights.slice());
    if (preserveRanking) {
      return {
        method: 'isotonic',
        ...tiltedThresholds(pooled.scores, pooled.weights, fitted, tieBreakSpread),
      };
    }
    return { method: 'isotonic', ...trimmedThresholds(pooled.scores, fitted), outOfBounds: 'clip' };
  },
  apply(params: IsotonicParams, probabilities: Float64Array): Float64Array {
    const checked = parseParams(IsotonicParamsSchema, params, 'isotonic');
    requireProbabilities(probabilities, 'isotonic');
    return interpolateThresholds(
      Float64Array.from(checked.x),
      Float64Array.from(checked.y),
      checked.outOfBounds,
      probabilities,
    );
  },
};

/** Keeps the first and last point and every point whose value differs from a neighbour's (scikit-learn's trimming). */
function trimmedThresholds(scores: Float64Array, fitted: Float64Array): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  const k = scores.length;
  for (let j = 0; j < k; j++) {
    const keep = j === 0 || j === k - 1 || fitted[j] !== fitted[j - 1] || fitted[j] !== fitted[j + 1];
    if (keep) {
      x.push(scores[j]!);
      y.push(fitted[j]!);
    }
  }
  return { x, y };
}

/**
 * Thresholds of the ranking-preserving map: block b (value v, weighted mean score x̄) becomes the line
 * v + s·(x - x̄) over its scores, with half-width h = spread/2 · min(gap below, gap above) so that
 * neighbouring blocks never meet; gaps are measured to the next level, or to 0 and 1 at the ends.
 * A block at exactly 0 or 1 can only spread inwards (its mean then moves by at most h).
 */
function tiltedThresholds(
  scores: Float64Array,
  weights: Float64Array,
  fitted: Float64Array,
  spread: number,
): { x: number[]; y: number[]; outOfBounds: 'extend-to-corners' } {
  const starts: number[] = [];
  for (let j = 0; j < fitted.length; j++) if (j === 0 || fitted[j] !== fitted[j - 1]) starts.push(j);
  starts.push(fitted.length);
  const x: number[] = [];
  const y: number[] = [];
  const blocks = starts.length - 1;
  for (let b = 0; b < blocks; b++) {
    const first = starts[b]!;
    const last = starts[b + 1]! - 1;
    const level = fitted[first]!;
    if (first === last) {
      x.push(scores[first]!);
      y.push(level);
      continue;
    }
    const gapBelow = level - (b > 0 ? fitted[starts[b - 1]!]! : 0);
    const gapAbove = (b < blocks - 1 ? fitted[starts[b + 1]!]! : 1) - level;
    let sumWeights = 0;
    let sumWeightedScores = 0;
    for (let j = first; j <= last; j++) {
      sumWeights += weights[j]!;
      sumWeightedScores += weights[j]! * scores[j]!;
    }
    const low = scores[first]!;
    const high = scores[last]!;
    const mean = Math.min(Math.max(sumWeightedScores / sumWeights, low), high);
    let bottom: number;
    let top: number;
    if (gapBelow > 0 && gapAbove > 0) {
      const halfWidth = (spread / 2) * Math.min(gapBelow, gapAbove);
      const slope = halfWidth / Math.max(mean - low, high - mean);
      bottom = level - slope * (mean - low);
      top = level + slope * (high - mean);
    } else if (gapBelow > 0) {
      bottom = level - (spread / 2) * gapBelow;
      top = level;
    } else {
      bottom = level;
      top = level + (spread / 2) * gapAbove;
    }
    x.push(low, high);
    y.push(bottom, top);
  }
  return { x, y, outOfBounds: 'extend-to-corners' };
}

const PROBE = new Float64Array(1);
const PROBE_WORDS = new Uint32Array(PROBE.buffer);

/** The high 32 bits of a non-negative double's bit pattern (sign cleared, so -0 gives 0). */
function highBits(value: number): number {
  PROBE[0] = value;
  return (PROBE_WORDS[HIGH_WORD]! & 0x7fffffff) >>> 0;
}

/**
 * Linear interpolation as scipy's interp1d evaluates it (hi = first threshold ≥ v, clamped to
 * [1, K-1]; P = (y[hi]-y[lo])/(x[hi]-x[lo])·(v - x[lo]) + y[lo]), after clipping v to [x₀, x_K-1]
 * or, for 'extend-to-corners', a straight line to (0, 0) below x₀ and to (1, 1) above x_K-1.
 */
export function interpolateThresholds(
  x: Float64Array,
  y: Float64Array,
  outOfBounds: 'clip' | 'extend-to-corners',
  probabilities: Float64Array,
): Float64Array {
  const n = probabilities.length;
  const out = new Float64Array(n);
  const k = x.length;
  const xFirst = x[0]!;
  const xLast = x[k - 1]!;
  const yFirst = y[0]!;
  const yLast = y[k - 1]!;
  const extend = outOfBounds === 'extend-to-corners';
  if (k === 1) {
    for (let i = 0; i < n; i++) {
      const v = probabilities[i]!;
      if (extend && v < xFirst) out[i] = (yFirst * v) / xFirst;
      else if (extend && v > xLast) out[i] = yLast + ((1 - yLast) * (v - xLast)) / (1 - xLast);
      else out[i] = yFirst;
    }
    return out;
  }
  // slope[j] = (y[j] - y[j-1]) / (x[j] - x[j-1]): the same quotient scipy forms per row, computed
  // once per segment (the product with v - x[j-1] is then bit for bit scipy's).
  const slope = new Float64Array(k);
  for (let j = 1; j < k; j++) slope[j] = (y[j]! - y[j - 1]!) / (x[j]! - x[j - 1]!);
  // A lookup table on the high bits of v's IEEE-754 pattern (exponent and leading mantissa bits):
  // a grid that is uniform on a log scale, so thresholds crowded near 0 — typical of risk scores —
  // still fall into separate cells. Cell c points at the first threshold in cell c or later; the
  // thresholds ≥ v then start at most a step or two further on.
  const xFirstBits = highBits(xFirst);
  const xLastBits = highBits(xLast);
  let shift = 0;
  while ((xLastBits >>> shift) - (xFirstBits >>> shift) + 1 > Math.max(4 * k, 1 << 12) && shift < 31) shift++;
  const base = xFirstBits >>> shift;
  const cells = (xLastBits >>> shift) - base + 1;
  const firstInOrAboveCell = new Int32Array(cells + 1);
  for (let c = 0, j = 0; c <= cells; c++) {
    while (j < k && (highBits(x[j]!) >>> shift) - base < c) j++;
    firstInOrAboveCell[c] = j;
  }
  const words = new Uint32Array(probabilities.buffer, probabilities.byteOffset, 2 * n);
  const high = HIGH_WORD;
  const lastCell = cells - 1;
  const signless = 0x7fffffff;
  for (let i = 0; i < n; i++) {
    let v = probabilities[i]!;
    if (v < xFirst) {
      if (extend) {
        out[i] = (yFirst * v) / xFirst;
        continue;
      }
      v = xFirst;
    } else if (v > xLast) {
      if (extend) {
        out[i] = yLast + ((1 - yLast) * (v - xLast)) / (1 - xLast);
        continue;
      }
      v = xLast;
    }
    // First threshold ≥ v, from v's cell (of the unclipped v: clipping keeps it in the first or
    // last cell). The sign bit is masked so that -0 files with +0.
    let cell = ((words[2 * i + high]! & signless) >>> shift) - base;
    if (cell > lastCell) cell = lastCell;
    else if (cell < 0) cell = 0;
    let j = firstInOrAboveCell[cell]!;
    while (j < k && x[j]! < v) j++;
    const upper = j < 1 ? 1 : j > k - 1 ? k - 1 : j;
    const xLo = x[upper - 1]!;
    out[i] = slope[upper]! * (v - xLo) + y[upper - 1]!;
  }
  return out;
}
