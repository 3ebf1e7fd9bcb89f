import { z } from 'zod';
import { sigmoid } from '../numeric/logistic';
import { clippedLogit, clippedLogits } from '../numeric/probability-clipping';
import { fitWeightedLogistic } from '../numeric/weighted-logistic-newton';
import {
  type CalibrationData,
  prepareCalibrationData,
  requireBothClasses,
  requireProbabilities,
} from './calibration-data';
import { CalibrationInputError } from './calibration-input-error';
import { type Calibrator, parseOptions, parseParams } from './calibrator';
import { throwForFailedLogisticFit } from './logistic-fit-failure';
import { requireOverlappingClasses } from './score-separation';

/**
 * Temperature scaling (Guo et al. 2017) for one probability: P = σ(logit p / T), T > 0 by weighted
 * maximum likelihood (Newton on β = 1/T, a logistic regression on logit p without intercept).
 */
export const TemperatureOptionsSchema = z.strictObject({});
export type TemperatureOptions = z.infer<typeof TemperatureOptionsSchema>;

export const TemperatureParamsSchema = z.strictObject({
  method: z.literal('temperature'),
  temperature: z.number().positive(),
});
export type TemperatureParams = z.infer<typeof TemperatureParamsSchema>;

export const temperatureCalibrator: Calibrator<
  TemperatureOptions,
  TemperatureParams,
  z.input<typeof TemperatureOptionsSchema>
> = {
  method: 'temperature',
  optionsSchema: TemperatureOptionsSchema,
  paramsSchema: TemperatureParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof TemperatureOptionsSchema>): TemperatureParams {
    parseOptions(TemperatureOptionsSchema, options, 'temperature');
    const data = prepareCalibrationData(input, 'temperature');
    requireBothClasses(data, 'temperature');
    const logits = clippedLogits(data.p);
    if (logits.every((v) => v === 0)) {
      throw new CalibrationInputError(
        'single-distinct-score',
        'temperature: every probability is 0.5 (logit 0), so no temperature changes anything and none can be fitted',
      );
    }
    requireOverlappingClasses(logits, data.y, 'temperature', 0);
    const fit = fitWeightedLogistic({
      features: [logits],
      intercept: false,
      labels: data.y,
      weights: data.w,
      initial: [1],
    });
    throwForFailedLogisticFit(fit, 'temperature');
    const inverseTemperature = fit.coefficients[0]!;
    if (!(inverseTemperature > 0)) {
      throw new CalibrationInputError(
        'anti-informative-score',
        `temperature: the best fit has 1/T = ${inverseTemperature} ≤ 0: higher scores go with fewer events, ` +
          'which no positive temperature can express (check the score direction)',
      );
    }
    return { method: 'temperature', temperature: 1 / inverseTemperature };
  },
  apply(params: TemperatureParams, probabilities: Float64Array): Float64Array {
    const { temperature } = parseParams(TemperatureParamsSchema, params, 'temperature');
    requireProbabilities(probabilities, 'temperature');
    const out = new Float64Array(probabilities.length);
    for (let i = 0; i < out.length; i++) out[i] = sigmoid(clippedLogit(probabilities[i]!) / temperature);
    return out;
  },
};
