import { ApiError } from '../../../shared/api/api-error';
import type { FitReport } from '../../../shared/scripting/fit-report';
import type { ScriptRows } from './script-selection';

/**
 * The sandbox's fit report is untrusted: beyond its schema, its parameters must be a consistent set
 * (unique names, bounds that make sense, each fitted value inside them, no negative standard error)
 * and it must have been fitted on the training rows of this selection.
 */
export function checkFitReport(fit: FitReport, rows: ScriptRows): void {
  const seen = new Set<string>();
  for (const param of fit.params) {
    const where = `The fit report's parameter "${param.name}"`;
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(param.name)) {
      throw new ApiError('invalid-input', `${where} is not an identifier.`);
    }
    if (seen.has(param.name)) throw new ApiError('invalid-input', `${where} is listed twice.`);
    seen.add(param.name);
    if (param.lower !== null && param.upper !== null && !(param.lower < param.upper)) {
      throw new ApiError(
        'invalid-input',
        `${where} has lower bound ${param.lower} not below upper ${param.upper}.`,
      );
    }
    if (
      (param.lower !== null && param.value < param.lower) ||
      (param.upper !== null && param.value > param.upper)
    ) {
      throw new ApiError(
        'invalid-input',
        `${where} = ${param.value} lies outside its bounds [${param.lower ?? '-∞'}, ${param.upper ?? '∞'}].`,
      );
    }
    if (param.standardError !== null && param.standardError < 0) {
      throw new ApiError('invalid-input', `${where} has a negative standard error (${param.standardError}).`);
    }
  }
  if (fit.trainRows !== rows.rows.train) {
    throw new ApiError(
      'invalid-input',
      `The fit report says ${fit.trainRows} training rows, but this selection has ${rows.rows.train}; the script was fitted on other rows. Fetch scripts.data again and refit.`,
    );
  }
}
