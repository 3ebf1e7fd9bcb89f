import { z } from 'zod';
import { sigmoid } from '../numeric/logistic';
import { clippedLogit, clippedLogits } from '../numeric/probability-clipping';
import { type CalibrationData, prepareCalibrationData, requireProbabilities } from './calibration-data';
import { CalibrationInputError } from './calibration-input-error';
import { type Calibrator, parseOptions, parseParams } from './calibrator';

/**
 * Central-tendency calibration (credit-risk practice, "calibration in the large"): P = σ(logit p + δ),
 * δ the unique shift with weighted mean prediction Σ wᵢ σ(logit pᵢ + δ) / Σ wᵢ equal to the target
 * long-run event rate; the target defaults to the sample's weighted event rate.
 */
export const BaseRateOptionsSchema = z.strictObject({
  targetRate: z.number().gt(0).lt(1).optional(),
});
export type BaseRateOptions = z.infer<typeof BaseRateOptionsSchema>;

export const BaseRateParamsSchema = z.strictObject({
  method: z.literal('base-rate'),
  shift: z.number(),
  targetRate: z.number().gt(0).lt(1),
});
export type BaseRateParams = z.infer<typeof BaseRateParamsSchema>;

export const baseRateCalibrator: Calibrator<
  BaseRateOptions,
  BaseRateParams,
  z.input<typeof BaseRateOptionsSchema>
> = {
  method: 'base-rate',
  optionsSchema: BaseRateOptionsSchema,
  paramsSchema: BaseRateParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof BaseRateOptionsSchema>): BaseRateParams {
    const { targetRate: requested } = parseOptions(BaseRateOptionsSchema, options, 'base-rate');
    const data = prepareCalibrationData(input, 'base-rate');
    const targetRate = requested ?? data.sumPositiveWeights / data.sumWeights;
    if (!(targetRate > 0 && targetRate < 1)) {
      throw new CalibrationInputError(
        'one-class',
        `base-rate: the observed event rate is ${targetRate} (one class only) and no targetRate was given; ` +
          'a mean prediction of exactly 0 or 1 needs an infinite shift',
      );
    }
    const shift = solveShift(clippedLogits(data.p), data.w, data.sumWeights, targetRate);
    return { method: 'base-rate', shift, targetRate };
  },
  apply(params: BaseRateParams, probabilities: Float64Array): Float64Array {
    const { shift } = parseParams(BaseRateParamsSchema, params, 'base-rate');
    requireProbabilities(probabilities, 'base-rate');
    const out = new Float64Array(probabilities.length);
    for (let i = 0; i < out.length; i++) out[i] = sigmoid(clippedLogit(probabilities[i]!) + shift);
    return out;
  },
};

/**
 * Root of m(δ) = Σ w σ(z + δ)/Σ w - target, increasing in δ: Newton steps kept inside a bracket
 * that always contains the root, bisecting whenever Newton would leave it.
 */
function solveShift(
  logits: Float64Array,
  weights: Float64Array | undefined,
  sumWeights: number,
  target: number,
): number {
  let minLogit = Infinity;
  let maxLogit = -Infinity;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v < minLogit) minLogit = v;
    if (v > maxLogit) maxLogit = v;
  }
  const targetLogit = Math.log(target / (1 - target));
  // At δ = targetLogit - maxLogit every prediction is ≤ target; at targetLogit - minLogit every one is ≥ target.
  let low = targetLogit - maxLogit;
  let high = targetLogit - minLogit;
  let shift = targetLogit - Math.log(meanRatio(logits, weights, sumWeights));
  if (!(shift > low && shift < high)) shift = (low + high) / 2;
  for (let iteration = 0; iteration < 200; iteration++) {
    let sum = 0;
    let slope = 0;
    for (let i = 0; i < logits.length; i++) {
      const w = weights ? weights[i]! : 1;
      const s = sigmoid(logits[i]! + shift);
      sum += w * s;
      slope += w * s * (1 - s);
    }
    const excess = sum / sumWeights - target;
    if (excess === 0) return shift;
    if (excess > 0) high = shift;
    else low = shift;
    const newton = shift - excess / (slope / sumWeights);
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (next === shift || high - low <= 4 * Number.EPSILON * Math.max(1, Math.abs(shift))) return next;
    shift = next;
  }
  return shift;
}

/** Starting guess: the odds ratio of the current weighted mean prediction. */
function meanRatio(logits: Float64Array, weights: Float64Array | undefined, sumWeights: number): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += (weights ? weights[i]! : 1) * sigmoid(logits[i]!);
  const mean = sum / sumWeights;
  return mean / (1 - mean);
}
