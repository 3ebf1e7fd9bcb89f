import { z } from 'zod';
import { sigmoid } from '../numeric/logistic';
import { clipProbability, clippedLogits } from '../numeric/probability-clipping';
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
 * Beta calibration (Kull, Silva Filho & Flach 2017), three-parameter version with betacal's
 * conventions: P = σ(c + a·ln p - b·ln(1 - p)) fitted as a logistic regression on the features
 * ln p and -ln(1 - p); if a < 0 it is refitted on -ln(1 - p) alone (a = 0), else if b < 0 on ln p
 * alone (b = 0). p is clipped to [ε, 1 - ε], ε = 2^-52, as betacal does.
 */
export const BetaOptionsSchema = z.strictObject({});
export type BetaOptions = z.infer<typeof BetaOptionsSchema>;

export const BetaParamsSchema = z.strictObject({
  method: z.literal('beta'),
  a: z.number(),
  b: z.number(),
  c: z.number(),
});
export type BetaParams = z.infer<typeof BetaParamsSchema>;

export const betaCalibrator: Calibrator<BetaOptions, BetaParams, z.input<typeof BetaOptionsSchema>> = {
  method: 'beta',
  optionsSchema: BetaOptionsSchema,
  paramsSchema: BetaParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof BetaOptionsSchema>): BetaParams {
    parseOptions(BetaOptionsSchema, options, 'beta');
    const data = prepareCalibrationData(input, 'beta');
    requireBothClasses(data, 'beta');
    const logits = clippedLogits(data.p);
    requireTwoDistinctScores(logits, 'beta');
    requireOverlappingClasses(logits, data.y, 'beta');
    const n = data.n;
    const logP = new Float64Array(n);
    const minusLogOneMinusP = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = clipProbability(data.p[i]!);
      logP[i] = Math.log(p);
      minusLogOneMinusP[i] = -Math.log1p(-p);
    }
    const fitOn = (features: Float64Array[]): number[] => {
      const fit = fitWeightedLogistic({ features, intercept: true, labels: data.y, weights: data.w });
      throwForFailedLogisticFit(fit, 'beta');
      return fit.coefficients;
    };
    const [c, a, b] = fitOn([logP, minusLogOneMinusP]) as [number, number, number];
    if (a < 0) {
      const [cB, bOnly] = fitOn([minusLogOneMinusP]) as [number, number];
      return { method: 'beta', a: 0, b: bOnly, c: cB };
    }
    if (b < 0) {
      const [cA, aOnly] = fitOn([logP]) as [number, number];
      return { method: 'beta', a: aOnly, b: 0, c: cA };
    }
    return { method: 'beta', a, b, c };
  },
  apply(params: BetaParams, probabilities: Float64Array): Float64Array {
    const { a, b, c } = parseParams(BetaParamsSchema, params, 'beta');
    requireProbabilities(probabilities, 'beta');
    const out = new Float64Array(probabilities.length);
    for (let i = 0; i < out.length; i++) {
      const p = clipProbability(probabilities[i]!);
      out[i] = sigmoid(c + a * Math.log(p) - b * Math.log1p(-p));
    }
    return out;
  },
};
