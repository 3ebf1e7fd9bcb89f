import {
  fitLogisticRecalibration,
  fitOffsetIntercept,
  type RecalibrationFit,
} from './logistic-recalibration-fit';

/** Logistic recalibration of p: logit P(y = 1) = intercept + slope · logit p. */
export interface CalibrationInterceptSlope {
  /** Joint fit intercept a (0 when calibrated). */
  readonly intercept: number | null;
  /** Joint fit slope b (1 when calibrated; < 1 means over-confident predictions). */
  readonly slope: number | null;
  /** Intercept with the slope fixed at 1 (logit p as offset): calibration-in-the-large. */
  readonly interceptOffset: number | null;
  /** Rows left out because logit p is infinite (p = 0 or 1), as rms::val.prob leaves them out. */
  readonly excludedRows: number;
}

/** Odds p / (1 - p) and logit p = ln(p / (1 - p)) exactly as R's qlogis computes it, for rows with 0 < p < 1. */
export function finiteLogits(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
): { x: Float64Array; odds: Float64Array; y: Uint8Array; w: Float64Array | undefined; excluded: number } {
  let kept = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0 && p[i]! < 1) kept++;
  const x = new Float64Array(kept);
  const odds = new Float64Array(kept);
  const keptY = kept === p.length ? y : new Uint8Array(kept);
  const keptW = w ? (kept === p.length ? w : new Float64Array(kept)) : undefined;
  let k = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    if (pi > 0 && pi < 1) {
      const o = pi / (1 - pi);
      odds[k] = o;
      x[k] = Math.log(o);
      if (keptY !== y) keptY[k] = y[i]!;
      if (keptW && keptW !== w) keptW[k] = w![i]!;
      k++;
    }
  }
  return { x, odds, y: keptY, w: keptW, excluded: p.length - kept };
}

/** Finite-logit rows as finiteLogits returns them. */
export type LogitRows = ReturnType<typeof finiteLogits>;

/** The calibration fits on prepared logits, plus the joint fit itself for reuse (val.prob's U). */
export function calibrationFromLogits(
  rows: LogitRows,
): CalibrationInterceptSlope & { readonly jointFit: RecalibrationFit | null | undefined } {
  const single = singleDistinctLogit(rows.x);
  if (single !== undefined || rows.x.length === 0) {
    const rate = weightedMean(rows.y, rows.w);
    const interceptOnly = rate !== null && rate > 0 && rate < 1 ? Math.log(rate / (1 - rate)) : null;
    return {
      intercept: interceptOnly,
      slope: interceptOnly === null ? null : 0,
      interceptOffset: interceptOnly === null || single === undefined ? null : interceptOnly - single,
      excludedRows: rows.excluded,
      jointFit: undefined,
    };
  }
  const joint = fitLogisticRecalibration(rows.x, rows.y, rows.w, false);
  const offset = fitOffsetIntercept(rows.odds, rows.y, rows.w);
  return {
    intercept: joint?.intercept ?? null,
    slope: joint?.slope ?? null,
    interceptOffset: offset,
    excludedRows: rows.excluded,
    jointFit: joint,
  };
}

/**
 * Calibration intercept and slope as rms::val.prob reports them (Cox 1958, Biometrika 45:562-565;
 * Harrell, Regression Modeling Strategies): weighted logistic regression of y on logit p, plus the
 * intercept with logit p as an offset. Rows with p = 0 or 1 are left out of both fits.
 * A single distinct prediction gives rms's values (intercept logit ȳ, slope 0). Nulls: see docs.
 */
export function calibrationInterceptSlope(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
): CalibrationInterceptSlope {
  const { jointFit: _jointFit, ...result } = calibrationFromLogits(finiteLogits(p, y, w));
  return result;
}

/** The common value when every x is equal, undefined otherwise (or when there are no rows). */
function singleDistinctLogit(x: Float64Array): number | undefined {
  if (x.length === 0) return undefined;
  const first = x[0]!;
  for (let i = 1; i < x.length; i++) if (x[i] !== first) return undefined;
  return first;
}

function weightedMean(y: Uint8Array, w: Float64Array | undefined): number | null {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i]! : 1;
    sum += wi * y[i]!;
    weight += wi;
  }
  return weight > 0 ? sum / weight : null;
}
