import type { WeightedLogisticFit } from '../numeric/weighted-logistic-newton';
import { CalibrationInputError } from './calibration-input-error';

/** Turns a non-converged logistic fit into the specific CalibrationInputError it stands for. */
export function throwForFailedLogisticFit(fit: WeightedLogisticFit, method: string): void {
  switch (fit.status) {
    case 'converged':
      return;
    case 'diverged':
      throw new CalibrationInputError(
        'perfect-separation',
        `${method}: the coefficients grow without bound (${fit.coefficients.join(', ')}): ` +
          'the outcomes are separable in the features, so no finite maximum-likelihood fit exists',
      );
    case 'singular-hessian':
      throw new CalibrationInputError(
        'too-few-distinct-scores',
        `${method}: the parameters are not identifiable from these scores (singular information matrix)`,
      );
    case 'max-iterations':
      throw new CalibrationInputError(
        'no-convergence',
        `${method}: Newton's method did not converge in ${fit.iterations} iterations`,
      );
  }
}
