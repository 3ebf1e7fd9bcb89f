import { z } from 'zod';
import { type CalibrationData, prepareCalibrationData, requireProbabilities } from './calibration-data';
import { type Calibrator, parseOptions, parseParams } from './calibrator';
import { poolEqualScores } from './pooled-scores';

/**
 * Inductive Venn-ABERS predictor (Vovk, Petej & Fedorova 2015). For a new score s, p0 (p1) is the
 * isotonic fit at s of the calibration rows plus the row (s, 0) (resp. (s, 1)) of weight 1; the point
 * prediction is p1 / (1 - p0 + p1). Because a new row with outcome 0 always pools with the nearest
 * calibration score at or below it, and one with outcome 1 with the nearest at or above, the
 * parameters only need p0 and p1 at each distinct calibration score (docs/calibrators.md).
 */
export const VennAbersOptionsSchema = z.strictObject({});
export type VennAbersOptions = z.infer<typeof VennAbersOptionsSchema>;

export const VennAbersParamsSchema = z
  .strictObject({
    method: z.literal('venn-abers'),
    /** Distinct calibration scores, strictly increasing. */
    scores: z.array(z.number().min(0).max(1)).min(1),
    /** p0 for a new score equal to scores[j]. */
    p0: z.array(z.number().min(0).max(1)).min(1),
    /** p1 for a new score equal to scores[j]. */
    p1: z.array(z.number().min(0).max(1)).min(1),
  })
  .refine((params) => params.p0.length === params.scores.length && params.p1.length === params.scores.length, {
    message: 'scores, p0 and p1 must have the same length',
  });
export type VennAbersParams = z.infer<typeof VennAbersParamsSchema>;

export interface VennAbersInterval {
  readonly p0: Float64Array;
  readonly p1: Float64Array;
  /** Merged point prediction p1 / (1 - p0 + p1). */
  readonly p: Float64Array;
}

export const vennAbersCalibrator: Calibrator<
  VennAbersOptions,
  VennAbersParams,
  z.input<typeof VennAbersOptionsSchema>
> & { applyInterval(params: VennAbersParams, probabilities: Float64Array): VennAbersInterval } = {
  method: 'venn-abers',
  optionsSchema: VennAbersOptionsSchema,
  paramsSchema: VennAbersParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof VennAbersOptionsSchema>): VennAbersParams {
    parseOptions(VennAbersOptionsSchema, options, 'venn-abers');
    const data = prepareCalibrationData(input, 'venn-abers');
    const pooled = poolEqualScores(data.p, data.y, data.w);
    const { p0, p1 } = vennAbersAtScores(pooled.weights, pooled.positiveWeights);
    return { method: 'venn-abers', scores: Array.from(pooled.scores), p0: Array.from(p0), p1: Array.from(p1) };
  },
  apply(params: VennAbersParams, probabilities: Float64Array): Float64Array {
    return applyVennAbersInterval(params, probabilities).p;
  },
  applyInterval: applyVennAbersInterval,
};

/** p0, p1 and the merged prediction for each probability (algorithm in docs/calibrators.md). */
export function applyVennAbersInterval(params: VennAbersParams, probabilities: Float64Array): VennAbersInterval {
    const checked = parseParams(VennAbersParamsSchema, params, 'venn-abers');
    requireProbabilities(probabilities, 'venn-abers');
    const scores = Float64Array.from(checked.scores);
    const p0At = Float64Array.from(checked.p0);
    const p1At = Float64Array.from(checked.p1);
    const k = scores.length;
    const n = probabilities.length;
    const p0 = new Float64Array(n);
    const p1 = new Float64Array(n);
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = probabilities[i]!;
      // first = index of the first calibration score ≥ v.
      let lo = 0;
      let hi = k;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (scores[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      const exact = lo < k && scores[lo] === v;
      const atOrBelow = exact ? lo : lo - 1;
      const lower = atOrBelow < 0 ? 0 : p0At[atOrBelow]!;
      const upper = lo >= k ? 1 : p1At[lo]!;
      p0[i] = lower;
      p1[i] = upper;
      p[i] = upper / (1 - lower + upper);
    }
    return { p0, p1, p };
}

/**
 * p0 and p1 at every distinct score j: the value of the isotonic block containing j after adding
 * weight 1 (and outcome 0 or 1) there. Isotonic regression of a concatenation is obtained by pooling
 * violators between the separately solved parts, so the answer is the block {j} merged with the
 * top blocks of the prefix solution (scores < j) and the front blocks of the suffix solution
 * (scores > j) while they violate order. lastStart / firstEnd encode all prefix / suffix solutions.
 */
export function vennAbersAtScores(
  weights: Float64Array,
  positiveWeights: Float64Array,
): { p0: Float64Array; p1: Float64Array } {
  const k = weights.length;
  const cumW = new Float64Array(k + 1);
  const cumS = new Float64Array(k + 1);
  for (let j = 0; j < k; j++) {
    cumW[j + 1] = cumW[j]! + weights[j]!;
    cumS[j + 1] = cumS[j]! + positiveWeights[j]!;
  }
  const lastStart = prefixBlockStarts(cumW, cumS);
  const firstEnd = suffixBlockEnds(cumW, cumS);
  const p0 = new Float64Array(k);
  const p1 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    p0[j] = augmentedBlockMean(j, 0, cumW, cumS, lastStart, firstEnd);
    p1[j] = augmentedBlockMean(j, 1, cumW, cumS, lastStart, firstEnd);
  }
  return { p0, p1 };
}

/** lastStart[j] = first index of the last block of the isotonic fit of scores 0..j. */
function prefixBlockStarts(cumW: Float64Array, cumS: Float64Array): Int32Array {
  const k = cumW.length - 1;
  const lastStart = new Int32Array(k);
  const stack = new Int32Array(k);
  let top = -1;
  for (let j = 0; j < k; j++) {
    let start = j;
    // Merge while the previous block's mean is ≥ this block's mean (cross-multiplied sums).
    while (top >= 0) {
      const prevStart = stack[top]!;
      const prevW = cumW[start]! - cumW[prevStart]!;
      const prevS = cumS[start]! - cumS[prevStart]!;
      const curW = cumW[j + 1]! - cumW[start]!;
      const curS = cumS[j + 1]! - cumS[start]!;
      if (prevS * curW < curS * prevW) break;
      start = prevStart;
      top--;
    }
    stack[++top] = start;
    lastStart[j] = start;
  }
  return lastStart;
}

/** firstEnd[j] = last index of the first block of the isotonic fit of scores j..K-1. */
function suffixBlockEnds(cumW: Float64Array, cumS: Float64Array): Int32Array {
  const k = cumW.length - 1;
  const firstEnd = new Int32Array(k);
  const stack = new Int32Array(k);
  let top = -1;
  for (let j = k - 1; j >= 0; j--) {
    let end = j;
    while (top >= 0) {
      const nextEnd = stack[top]!;
      const curW = cumW[end + 1]! - cumW[j]!;
      const curS = cumS[end + 1]! - cumS[j]!;
      const nextW = cumW[nextEnd + 1]! - cumW[end + 1]!;
      const nextS = cumS[nextEnd + 1]! - cumS[end + 1]!;
      if (curS * nextW < nextS * curW) break;
      end = nextEnd;
      top--;
    }
    stack[++top] = end;
    firstEnd[j] = end;
  }
  return firstEnd;
}

function augmentedBlockMean(
  j: number,
  outcome: 0 | 1,
  cumW: Float64Array,
  cumS: Float64Array,
  lastStart: Int32Array,
  firstEnd: Int32Array,
): number {
  const k = cumW.length - 1;
  let lo = j;
  let hi = j;
  let w = cumW[j + 1]! - cumW[j]! + 1;
  let s = cumS[j + 1]! - cumS[j]! + outcome;
  for (;;) {
    while (lo > 0) {
      const start = lastStart[lo - 1]!;
      const blockW = cumW[lo]! - cumW[start]!;
      const blockS = cumS[lo]! - cumS[start]!;
      if (blockS * w < s * blockW) break;
      w += blockW;
      s += blockS;
      lo = start;
    }
    let mergedRight = false;
    while (hi < k - 1) {
      const end = firstEnd[hi + 1]!;
      const blockW = cumW[end + 1]! - cumW[hi + 1]!;
      const blockS = cumS[end + 1]! - cumS[hi + 1]!;
      if (blockS * w > s * blockW) break;
      w += blockW;
      s += blockS;
      hi = end;
      mergedRight = true;
    }
    if (!mergedRight) return s / w;
  }
}
