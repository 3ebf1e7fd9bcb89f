import {
  fitLogisticRecalibration,
  fitOffsetIntercept,
  type RecalibrationFit,
} from './logistic-recalibration-fit';
import { dropZeroWeightRows } from './metric-input';
import { scoreTable, type ScoreTable } from './score-table';

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

/**
 * The table's values with 0 < p < 1 (a contiguous run, since values ascend): their odds p / (1 - p),
 * logit p = ln(p / (1 - p)) exactly as R's qlogis computes it, and the weight of each outcome.
 * The weights are views into the table, not copies.
 */
export function finiteLogitsOfTable(table: ScoreTable): LogitRows {
  const { value, weight0, weight1, start } = table;
  const groups = value.length;
  let from = 0;
  let to = groups;
  while (from < to && !(value[from]! > 0)) from++;
  while (to > from && !(value[to - 1]! < 1)) to--;
  const kept = to - from;
  const x = new Float64Array(kept);
  const odds = new Float64Array(kept);
  for (let k = 0; k < kept; k++) {
    const pi = value[from + k]!;
    const o = pi / (1 - pi);
    odds[k] = o;
    x[k] = Math.log(o);
  }
  const rows = start[groups]!;
  return {
    x,
    odds,
    weight0: weight0.subarray(from, to),
    weight1: weight1.subarray(from, to),
    excluded: rows - (start[to]! - start[from]!),
  };
}

/** Rows with a finite logit, pooled by distinct p: logit, odds and the weight of each outcome. */
export interface LogitRows {
  /** Logits, non-decreasing (the table's p ascend and p ↦ ln(p / (1 - p)) rounds monotonically). */
  readonly x: Float64Array;
  readonly odds: Float64Array;
  /** Σw of outcome-0 and outcome-1 rows at each x. */
  readonly weight0: Float64Array;
  readonly weight1: Float64Array;
  /** Rows left out (p = 0 or 1). */
  readonly excluded: number;
}

/** The calibration fits on prepared logits, plus the joint fit itself for reuse (val.prob's U). */
export function calibrationFromLogits(
  rows: LogitRows,
): CalibrationInterceptSlope & { readonly jointFit: RecalibrationFit | null | undefined } {
  const single = singleDistinctLogit(rows.x);
  if (single !== undefined || rows.x.length === 0) {
    const rate = weightedMean(rows.weight0, rows.weight1);
    const interceptOnly = rate !== null && rate > 0 && rate < 1 ? Math.log(rate / (1 - rate)) : null;
    return {
      intercept: interceptOnly,
      slope: interceptOnly === null ? null : 0,
      interceptOffset: interceptOnly === null || single === undefined ? null : interceptOnly - single,
      excludedRows: rows.excluded,
      jointFit: undefined,
    };
  }
  const joint = fitLogisticRecalibration(rows.x, rows.weight0, rows.weight1, false);
  const offset = fitOffsetIntercept(rows.odds, rows.weight0, rows.weight1);
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
  const rows = dropZeroWeightRows(p, y, w);
  const table = scoreTable(rows.p, rows.y, rows.w);
  const { jointFit: _jointFit, ...result } = calibrationFromLogits(finiteLogitsOfTable(table));
  return result;
}

/** The common value when every x is equal, undefined otherwise (or when there are no rows). */
function singleDistinctLogit(x: Float64Array): number | undefined {
  if (x.length === 0) return undefined;
  const first = x[0]!;
  for (let i = 1; i < x.length; i++) if (x[i] !== first) return undefined;
  return first;
}

function weightedMean(weight0: Float64Array, weight1: Float64Array): number | null {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < weight0.length; i++) {
    sum += weight1[i]!;
    weight += weight0[i]! + weight1[i]!;
  }
  return weight > 0 ? sum / weight : null;
}
