import { z } from 'zod';
import { BaseRateParamsSchema, baseRateCalibrator } from './base-rate';
import { BetaParamsSchema, betaCalibrator } from './beta';
import type { CalibratorMethod } from './calibrator-method';
import { HistogramParamsSchema, histogramCalibrator } from './histogram';
import { IsotonicParamsSchema, isotonicCalibrator } from './isotonic';
import { PlattParamsSchema, plattCalibrator } from './platt';
import { SplineParamsSchema, splineCalibrator } from './spline';
import { TemperatureParamsSchema, temperatureCalibrator } from './temperature';
import { VennAbersParamsSchema, vennAbersCalibrator } from './venn-abers';

/** Method name → calibrator; every CalibratorMethod has exactly one entry. */
export const calibrators = {
  platt: plattCalibrator,
  temperature: temperatureCalibrator,
  isotonic: isotonicCalibrator,
  beta: betaCalibrator,
  histogram: histogramCalibrator,
  spline: splineCalibrator,
  'venn-abers': vennAbersCalibrator,
  'base-rate': baseRateCalibrator,
} as const satisfies Record<CalibratorMethod, { method: CalibratorMethod }>;

/** Any fitted parameters, discriminated by `method` (what a parameter file stores). */
export const CalibrationParamsSchema = z.union([
  PlattParamsSchema,
  TemperatureParamsSchema,
  IsotonicParamsSchema,
  BetaParamsSchema,
  HistogramParamsSchema,
  SplineParamsSchema,
  VennAbersParamsSchema,
  BaseRateParamsSchema,
]);
export type CalibrationParams = z.infer<typeof CalibrationParamsSchema>;

/** Applies any fitted parameters, dispatching on their `method`. */
export function applyCalibration(params: CalibrationParams, probabilities: Float64Array): Float64Array {
  switch (params.method) {
    case 'platt':
      return plattCalibrator.apply(params, probabilities);
    case 'temperature':
      return temperatureCalibrator.apply(params, probabilities);
    case 'isotonic':
      return isotonicCalibrator.apply(params, probabilities);
    case 'beta':
      return betaCalibrator.apply(params, probabilities);
    case 'histogram':
      return histogramCalibrator.apply(params, probabilities);
    case 'spline':
      return splineCalibrator.apply(params, probabilities);
    case 'venn-abers':
      return vennAbersCalibrator.apply(params, probabilities);
    case 'base-rate':
      return baseRateCalibrator.apply(params, probabilities);
  }
}
