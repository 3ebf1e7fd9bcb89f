import { CalibrationInputError } from './calibration-input-error';

/**
 * Throws `perfect-separation` when one threshold on the score splits the outcomes (ties at the
 * threshold allowed): a logistic fit in the score then has no finite maximum-likelihood slope.
 * `origin` fixes the threshold at that value (a model without intercept, as in temperature scaling).
 */
export function requireOverlappingClasses(
  scores: Float64Array,
  labels: Uint8Array,
  method: string,
  origin?: number,
): void {
  let minPositive = Infinity;
  let maxPositive = -Infinity;
  let minNegative = Infinity;
  let maxNegative = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (labels[i]) {
      if (s < minPositive) minPositive = s;
      if (s > maxPositive) maxPositive = s;
    } else {
      if (s < minNegative) minNegative = s;
      if (s > maxNegative) maxNegative = s;
    }
  }
  const separated =
    origin === undefined
      ? maxNegative <= minPositive || maxPositive <= minNegative
      : (maxNegative <= origin && minPositive >= origin) || (maxPositive <= origin && minNegative >= origin);
  if (separated) {
    throw new CalibrationInputError(
      'perfect-separation',
      `${method}: the score separates the outcomes perfectly (negatives in [${minNegative}, ${maxNegative}], ` +
        `positives in [${minPositive}, ${maxPositive}]), so the maximum-likelihood slope is infinite`,
    );
  }
}
