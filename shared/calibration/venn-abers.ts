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
  .refine(
    (params) => params.p0.length === params.scores.length && params.p1.length === params.scores.length,
    {
      message: 'scores, p0 and p1 must have the same length',
    },
  );
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
    return {
      method: 'venn-abers',
      scores: Array.from(pooled.scores),
      p0: Array.from(p0),
      p1: Array.from(p1),
    };
  },
  apply(params: VennAbersParams, probabilities: Float64Array): Float64Array {
    return applyVennAbersInterval(params, probabilities).p;
  },
  applyInterval: applyVennAbersInterval,
};

/** p0, p1 and the merged prediction for each probability (algorithm in docs/calibrators.md). */
export function applyVennAbersInterval(
  params: VennAbersParams,
  probabilities: Float64Array,
): VennAbersInterval {
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
 * last blocks of the fit of the scores below j and the first blocks of the fit of the scores above
 * j, while they violate the order. One left-to-right and one right-to-left pool-adjacent-violators
 * pass record every such block (its end, and its sums, accumulated block by block for accuracy).
 */
export function vennAbersAtScores(
  weights: Float64Array,
  positiveWeights: Float64Array,
): { p0: Float64Array; p1: Float64Array } {
  const k = weights.length;
  const left = edgeBlocks(weights, positiveWeights, 1);
  const right = edgeBlocks(weights, positiveWeights, -1);
  const p0 = new Float64Array(k);
  const p1 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    p0[j] = augmentedBlockMean(j, 0, weights, positiveWeights, left, right);
    p1[j] = augmentedBlockMean(j, 1, weights, positiveWeights, left, right);
  }
  return { p0, p1 };
}

/**
 * For direction 1: the isotonic fit of scores 0..j ends with the block [far[j]..j] of total weight
 * weight[j] and positive weight positive[j]. For direction -1 the same for the fit of scores j..K-1,
 * which starts with the block [j..far[j]]. Each is a pool-adjacent-violators pass with a stack.
 */
interface EdgeBlocks {
  readonly far: Int32Array;
  readonly weight: Float64Array;
  readonly positive: Float64Array;
}

function edgeBlocks(weights: Float64Array, positiveWeights: Float64Array, direction: 1 | -1): EdgeBlocks {
  const k = weights.length;
  const far = new Int32Array(k);
  const weight = new Float64Array(k);
  const positive = new Float64Array(k);
  // The stack holds, for each block, the index (into far/weight/positive) of the element that closes it.
  const stack = new Int32Array(k);
  let top = -1;
  for (let step = 0; step < k; step++) {
    const j = direction === 1 ? step : k - 1 - step;
    let blockFar = j;
    let w = weights[j]!;
    let s = positiveWeights[j]!;
    while (top >= 0) {
      const previous = stack[top]!;
      const pw = weight[previous]!;
      const ps = positive[previous]!;
      // Pool while the block further out has a mean ≥ (direction 1) or ≤ (direction -1) this one's.
      const violates = direction === 1 ? ps * w >= s * pw : ps * w <= s * pw;
      if (!violates) break;
      w += pw;
      s += ps;
      blockFar = far[previous]!;
      top--;
    }
    far[j] = blockFar;
    weight[j] = w;
    positive[j] = s;
    stack[++top] = j;
  }
  return { far, weight, positive };
}

function augmentedBlockMean(
  j: number,
  outcome: 0 | 1,
  weights: Float64Array,
  positiveWeights: Float64Array,
  left: EdgeBlocks,
  right: EdgeBlocks,
): number {
  const k = weights.length;
  let lo = j;
  let hi = j;
  let w = weights[j]! + 1;
  let s = positiveWeights[j]! + outcome;
  for (;;) {
    while (lo > 0) {
      const blockW = left.weight[lo - 1]!;
      const blockS = left.positive[lo - 1]!;
      if (blockS * w < s * blockW) break;
      w += blockW;
      s += blockS;
      lo = left.far[lo - 1]!;
    }
    let mergedRight = false;
    while (hi < k - 1) {
      const blockW = right.weight[hi + 1]!;
      const blockS = right.positive[hi + 1]!;
      if (blockS * w > s * blockW) break;
      w += blockW;
      s += blockS;
      hi = right.far[hi + 1]!;
      mergedRight = true;
    }
    // s ≤ w holds exactly in real arithmetic; clamp the last-bit excess rounding can leave.
    if (!mergedRight) return Math.min(s / w, 1);
  }
}
