import { z } from 'zod';
import { sigmoid } from '../numeric/logistic';
import { clippedLogit, clippedLogits } from '../numeric/probability-clipping';
import { fitWeightedLogistic } from '../numeric/weighted-logistic-newton';
import {
  type CalibrationData,
  prepareCalibrationData,
  requireBothClasses,
  requireProbabilities,
  requireTwoDistinctScores,
} from './calibration-data';
import { type Calibrator, parseOptions, parseParams } from './calibrator';
import { throwForFailedLogisticFit } from './logistic-fit-failure';
import { requireOverlappingClasses } from './score-separation';

/**
 * Platt scaling on the logit (Platt 1999): P = σ(a + b·logit p), weighted maximum likelihood by
 * Newton's method. With `targets: 'platt'` the 0/1 outcomes are replaced by Platt's smoothed targets
 * t₊ = (N₊ + 1)/(N₊ + 2), t₋ = 1/(N₋ + 2), N± the weight sums of each class (scikit-learn's sigmoid method).
 */
export const PlattOptionsSchema = z.strictObject({
  targets: z.enum(['labels', 'platt']).default('labels'),
});
export type PlattOptions = z.infer<typeof PlattOptionsSchema>;

export const PlattParamsSchema = z.strictObject({
  method: z.literal('platt'),
  intercept: z.number(),
  slope: z.number(),
  targets: z.enum(['labels', 'platt']),
});
export type PlattParams = z.infer<typeof PlattParamsSchema>;

export const plattCalibrator: Calibrator<PlattOptions, PlattParams, z.input<typeof PlattOptionsSchema>> = {
  method: 'platt',
  optionsSchema: PlattOptionsSchema,
  paramsSchema: PlattParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof PlattOptionsSchema>): PlattParams {
    const { targets } = parseOptions(PlattOptionsSchema, options, 'platt');
    const data = prepareCalibrationData(input, 'platt');
    const logits = clippedLogits(data.p);
    requireTwoDistinctScores(logits, 'platt');
    let positiveTarget = 1;
    let negativeTarget = 0;
    if (targets === 'labels') {
      requireBothClasses(data, 'platt');
      requireOverlappingClasses(logits, data.y, 'platt');
    } else {
      const nPositive = data.sumPositiveWeights;
      const nNegative = data.sumWeights - data.sumPositiveWeights;
      positiveTarget = (nPositive + 1) / (nPositive + 2);
      negativeTarget = 1 / (nNegative + 2);
    }
    const fit = fitWeightedLogistic({
      features: [logits],
      intercept: true,
      labels: data.y,
      weights: data.w,
      positiveTarget,
      negativeTarget,
    });
    throwForFailedLogisticFit(fit, 'platt');
    const [intercept, slope] = fit.coefficients as [number, number];
    return { method: 'platt', intercept, slope, targets };
  },
  apply(params: PlattParams, probabilities: Float64Array): Float64Array {
    const { intercept, slope } = parseParams(PlattParamsSchema, params, 'platt');
    requireProbabilities(probabilities, 'platt');
    const out = new Float64Array(probabilities.length);
    for (let i = 0; i < out.length; i++)
      out[i] = sigmoid(intercept + slope * clippedLogit(probabilities[i]!));
    return out;
  },
};
