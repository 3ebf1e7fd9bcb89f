import type { z } from 'zod';
import type { CalibrationData } from './calibration-data';
import { CalibrationInputError } from './calibration-input-error';
import type { CalibratorMethod } from './calibrator-method';

export type { CalibrationData } from './calibration-data';
export type { CalibratorMethod } from './calibrator-method';

/**
 * One calibration method. `fit` returns plain JSON parameters (with a `method` discriminator) that
 * `apply` — here, or in a production engine written in another language following
 * docs/calibrators.md — turns into calibrated probabilities.
 */
export interface Calibrator<Options, Params extends { method: CalibratorMethod }, OptionsInput = Options> {
  readonly method: Params['method'];
  /** Validates options and fills defaults; `fit` runs it on what it is given. */
  readonly optionsSchema: z.ZodType<Options, OptionsInput>;
  readonly paramsSchema: z.ZodType<Params>;
  fit(data: CalibrationData, options?: OptionsInput): Params;
  /** Calibrated probability for each input probability; throws on NaN or values outside [0, 1]. */
  apply(params: Params, probabilities: Float64Array): Float64Array;
}

/** Options parsed with defaults, or a CalibrationInputError naming the offending option. */
export function parseOptions<Options, OptionsInput>(
  schema: z.ZodType<Options, OptionsInput>,
  options: OptionsInput | undefined,
  method: CalibratorMethod,
): Options {
  const parsed = schema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new CalibrationInputError(
      'invalid-options',
      `${method}: invalid options: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** Parameters checked against their schema before use (they may come from a file). */
export function parseParams<Params>(
  schema: z.ZodType<Params>,
  params: unknown,
  method: CalibratorMethod,
): Params {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw new CalibrationInputError(
      'invalid-params',
      `${method}: invalid parameters: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
