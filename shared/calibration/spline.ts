import { z } from 'zod';
import { sigmoid } from '../numeric/logistic';
import { fitPenalizedSplineLogistic, splineLogLoss } from '../numeric/penalized-spline-logistic';
import { clippedLogit, clippedLogits } from '../numeric/probability-clipping';
import { evaluateSpline, type UniformCubicBSpline } from '../numeric/uniform-cubic-bspline';
import {
  type CalibrationData,
  prepareCalibrationData,
  requireBothClasses,
  requireProbabilities,
  requireTwoDistinctScores,
} from './calibration-data';
import { CalibrationInputError } from './calibration-input-error';
import { type Calibrator, parseOptions, parseParams } from './calibrator';

/**
 * Penalised spline on the logit scale: P = σ(f(logit p)), f a cubic P-spline (Eilers & Marx 1996)
 * with equally spaced knots over the training logits and a second-difference penalty λ/2·Σ(Δ²c)²,
 * λ = κ·Σw with κ chosen from a grid by K-fold cross-validated log loss. Monotone (the default):
 * the coefficients are constrained non-decreasing, which makes f non-decreasing. As κ → ∞ the fit
 * becomes Platt scaling (the penalty's null space is the straight lines).
 */
export const SplineOptionsSchema = z.strictObject({
  segments: z.int().min(1).max(100).default(10),
  monotone: z.boolean().default(true),
  /** Candidate κ (λ per unit of total weight), tried in order; default 10^-6 … 10^3. */
  kappas: z.array(z.number().positive()).min(1).optional(),
  folds: z.int().min(2).max(20).default(5),
  /** Cross-validation uses at most this many rows (an even stride through the data); the final fit uses all. */
  cvMaxRows: z.int().min(10).default(200_000),
});
export type SplineOptions = z.infer<typeof SplineOptionsSchema>;

export const SplineParamsSchema = z
  .strictObject({
    method: z.literal('spline'),
    /** Equally spaced knots on the logit scale, from the smallest to the largest training logit. */
    knots: z.array(z.number()).min(2),
    /** Cubic B-spline coefficients, knots.length + 2 of them. */
    coefficients: z.array(z.number()),
    monotone: z.boolean(),
    kappa: z.number().positive(),
    /** The κ grid and the cross-validated mean log loss of each (provenance). */
    kappaGrid: z.array(z.number().positive()),
    cvLogLoss: z.array(z.number()),
  })
  .refine((params) => params.coefficients.length === params.knots.length + 2, {
    message: 'coefficients must number knots.length + 2',
  });
export type SplineParams = z.infer<typeof SplineParamsSchema>;

const DEFAULT_KAPPAS = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000];

export const splineCalibrator: Calibrator<
  SplineOptions,
  SplineParams,
  z.input<typeof SplineOptionsSchema>
> = {
  method: 'spline',
  optionsSchema: SplineOptionsSchema,
  paramsSchema: SplineParamsSchema,
  fit(input: CalibrationData, options?: z.input<typeof SplineOptionsSchema>): SplineParams {
    const {
      segments,
      monotone,
      kappas = DEFAULT_KAPPAS,
      folds,
      cvMaxRows,
    } = parseOptions(SplineOptionsSchema, options, 'spline');
    const data = prepareCalibrationData(input, 'spline');
    requireBothClasses(data, 'spline');
    const logits = clippedLogits(data.p);
    requireTwoDistinctScores(logits, 'spline');
    let lower = Infinity;
    let upper = -Infinity;
    for (const v of logits) {
      if (v < lower) lower = v;
      if (v > upper) upper = v;
    }
    const spline: UniformCubicBSpline = { lower, upper, segments };
    const rate = data.sumPositiveWeights / data.sumWeights;
    const start = new Float64Array(segments + 3).fill(Math.log(rate / (1 - rate)));
    const fitWith = (kappa: number, rows: Uint32Array | undefined, total: number, initial: Float64Array) =>
      fitPenalizedSplineLogistic({
        spline,
        x: logits,
        labels: data.y,
        weights: data.w,
        rows,
        lambda: kappa * total,
        monotone,
        initial,
      }).coefficients;

    const cvRows = strideSample(data.n, cvMaxRows);
    const foldRows = Array.from({ length: folds }, (_, f) => cvRows.filter((_, r) => r % folds === f));
    const trainRows = foldRows.map((_, f) => Uint32Array.from(cvRows.filter((_, r) => r % folds !== f)));
    const trainWeight = trainRows.map((rows) => totalWeight(rows, data.w));
    const warm: Float64Array[] = foldRows.map(() => start);
    const cvLogLoss = kappas.map((kappa) => {
      let loss = 0;
      let weight = 0;
      for (let f = 0; f < folds; f++) {
        if (foldRows[f]!.length === 0) continue;
        const coefficients = fitWith(kappa, trainRows[f], trainWeight[f]!, warm[f]!);
        warm[f] = coefficients;
        const heldOutWeight = totalWeight(foldRows[f]!, data.w);
        loss += heldOutWeight * splineLogLoss(spline, coefficients, logits, data.y, data.w, foldRows[f]!);
        weight += heldOutWeight;
      }
      return loss / weight;
    });
    let best = 0;
    // Ties go to the smoother fit.
    for (let g = 1; g < kappas.length; g++) if (cvLogLoss[g]! <= cvLogLoss[best]!) best = g;
    const kappa = kappas[best]!;
    const coefficients = fitWith(kappa, undefined, data.sumWeights, start);
    if (!coefficients.every(Number.isFinite)) {
      throw new CalibrationInputError(
        'no-convergence',
        'spline: the penalised fit did not converge to finite values',
      );
    }
    const knots = Array.from({ length: segments + 1 }, (_, k) =>
      k === segments ? upper : lower + ((upper - lower) * k) / segments,
    );
    return {
      method: 'spline',
      knots,
      coefficients: Array.from(coefficients),
      monotone,
      kappa,
      kappaGrid: [...kappas],
      cvLogLoss,
    };
  },
  apply(params: SplineParams, probabilities: Float64Array): Float64Array {
    const checked = parseParams(SplineParamsSchema, params, 'spline');
    requireProbabilities(probabilities, 'spline');
    const spline: UniformCubicBSpline = {
      lower: checked.knots[0]!,
      upper: checked.knots[checked.knots.length - 1]!,
      segments: checked.knots.length - 1,
    };
    const coefficients = Float64Array.from(checked.coefficients);
    const basis = new Float64Array(4);
    const out = new Float64Array(probabilities.length);
    for (let i = 0; i < out.length; i++) {
      out[i] = sigmoid(evaluateSpline(spline, coefficients, clippedLogit(probabilities[i]!), basis));
    }
    return out;
  },
};

/** Indices 0..n-1, or `limit` of them evenly spaced when n is larger (deterministic, no random draw). */
function strideSample(n: number, limit: number): Uint32Array {
  if (n <= limit) return Uint32Array.from({ length: n }, (_, i) => i);
  return Uint32Array.from({ length: limit }, (_, r) => Math.floor((r * n) / limit));
}

function totalWeight(rows: Uint32Array, weights: Float64Array | undefined): number {
  if (!weights) return rows.length;
  let total = 0;
  for (const i of rows) total += weights[i]!;
  return total;
}
