import { CalibrationInputError } from './calibration-input-error';

/**
 * Rows to calibrate on: `p` is the model's probability (already turned from the raw score by the
 * score-input rule), `y` the observed outcome (0 or 1), `w` optional non-negative row weights.
 */
export interface CalibrationData {
  readonly p: Float64Array;
  readonly y: Uint8Array;
  readonly w?: Float64Array | undefined;
}

/** Validated rows with zero-weight rows removed; `w` undefined means every weight is 1. */
export interface PreparedCalibrationData {
  readonly p: Float64Array;
  readonly y: Uint8Array;
  readonly w: Float64Array | undefined;
  readonly n: number;
  readonly sumWeights: number;
  readonly sumPositiveWeights: number;
}

/**
 * Checks lengths, probabilities in [0, 1], labels in {0, 1} and weights finite and ≥ 0, and drops
 * rows of weight 0 (they are treated as absent everywhere, as scikit-learn's isotonic regression
 * does), so that every calibrator sees the same rows.
 */
export function prepareCalibrationData(data: CalibrationData, method: string): PreparedCalibrationData {
  const { p, y, w } = data;
  const n = p.length;
  if (y.length !== n || (w !== undefined && w.length !== n)) {
    throw new CalibrationInputError(
      'length-mismatch',
      `${method}: probabilities (${n}), labels (${y.length})${w ? ` and weights (${w.length})` : ''} must have the same length`,
    );
  }
  if (n === 0) throw new CalibrationInputError('empty-input', `${method}: no rows to calibrate on`);
  let zeroWeightRows = 0;
  let sumWeights = 0;
  let sumPositiveWeights = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    if (!(pi >= 0 && pi <= 1)) {
      throw new CalibrationInputError(
        'invalid-probability',
        `${method}: probability at row ${i} is ${pi}; every probability must be a number in [0, 1]`,
      );
    }
    const yi = y[i]!;
    if (yi > 1) {
      throw new CalibrationInputError(
        'invalid-label',
        `${method}: label at row ${i} is ${yi}; labels must be 0 or 1`,
      );
    }
    const wi = w ? w[i]! : 1;
    if (!(wi >= 0 && wi < Infinity)) {
      throw new CalibrationInputError(
        'invalid-weight',
        `${method}: weight at row ${i} is ${wi}; weights must be finite and non-negative`,
      );
    }
    if (wi === 0) zeroWeightRows++;
    sumWeights += wi;
    if (yi === 1) sumPositiveWeights += wi;
  }
  if (!(sumWeights > 0)) {
    throw new CalibrationInputError('zero-total-weight', `${method}: every row has weight 0`);
  }
  if (zeroWeightRows === 0) return { p, y, w, n, sumWeights, sumPositiveWeights };
  const kept = n - zeroWeightRows;
  const keptP = new Float64Array(kept);
  const keptY = new Uint8Array(kept);
  const keptW = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (w![i] === 0) continue;
    keptP[k] = p[i]!;
    keptY[k] = y[i]!;
    keptW[k] = w![i]!;
    k++;
  }
  return { p: keptP, y: keptY, w: keptW, n: kept, sumWeights, sumPositiveWeights };
}

/** Throws `one-class` unless both outcomes occur with positive weight. */
export function requireBothClasses(data: PreparedCalibrationData, method: string): void {
  if (data.sumPositiveWeights === 0 || data.sumPositiveWeights === data.sumWeights) {
    const only = data.sumPositiveWeights === 0 ? '0' : '1';
    throw new CalibrationInputError(
      'one-class',
      `${method}: every row with positive weight has outcome ${only}; fitting needs both outcomes`,
    );
  }
}

/** Throws `single-distinct-score` when all probabilities are equal (the slope of a map is then undefined). */
export function requireTwoDistinctScores(values: Float64Array, method: string): void {
  const first = values[0]!;
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return;
  throw new CalibrationInputError(
    'single-distinct-score',
    `${method}: every row has the same score (${first}); a map needs at least two distinct scores`,
  );
}

/**
 * Throws `invalid-probability` for a value outside [0, 1] or NaN in data to be calibrated: apply()
 * never turns a bad input into a plausible-looking probability.
 */
export function requireProbabilities(probabilities: Float64Array, method: string): void {
  for (let i = 0; i < probabilities.length; i++) {
    const v = probabilities[i]!;
    if (!(v >= 0 && v <= 1)) {
      throw new CalibrationInputError(
        'invalid-probability',
        `${method}: probability at row ${i} is ${v}; every probability must be a number in [0, 1]`,
      );
    }
  }
}
