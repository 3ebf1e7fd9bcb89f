import { chiSquareSf } from '../statistics/chi-square';
import { lowessGrouped } from '../statistics/lowess';
import { quantileOfRepeated } from '../statistics/selection';
import { finiteLogitsOfTable, type LogitRows } from './calibration-intercept-slope';
import {
  fitLogisticRecalibration,
  logisticDeviance,
  type RecalibrationFit,
} from './logistic-recalibration-fit';
import { dropZeroWeightRows } from './metric-input';
import { binnedConcordance } from './rms-concordance';
import { scoreTable, type ScoreTable } from './score-table';

/** The statistics rms::val.prob prints (Harrell, rms package; Harrell, Lee & Mark 1996, Stat. Med. 15:361). */
export interface ValProbStatistics {
  /** Somers' Dxy between p and y (rms's 1/5000-binned concordance). */
  readonly Dxy: number | null;
  /** C index = ROC area (rms's 1/5000-binned concordance). */
  readonly C: number | null;
  /** Nagelkerke R² of the fixed (a = 0, b = 1) model: (1 - e^{-LR/n}) / (1 - e^{-L₀/n}). */
  readonly R2: number | null;
  /** Discrimination index (LR χ² - 1) / n. */
  readonly D: number | null;
  /** Unreliability index (χ² of H0: a = 0, b = 1, minus 2) / n. */
  readonly U: number | null;
  /** Quality index D - U. */
  readonly Q: number | null;
  /** max |lowess(p, y) - p|. */
  readonly Emax: number | null;
  /** 0.9 quantile of |lowess(p, y) - p|. */
  readonly E90: number | null;
  /** mean |lowess(p, y) - p|. */
  readonly Eavg: number | null;
  /** LR χ² of the fixed model against the null model (rms's D:Chi-sq). */
  readonly dChiSquare: number | null;
  /** χ² of the unreliability test with 2 df (rms's U:Chi-sq) and its p-value. */
  readonly uChiSquare: number | null;
  readonly uP: number | null;
  /** n used by the logistic statistics: the weight of rows with 0 < p < 1. */
  readonly logisticN: number;
}

/** Work that computeDiagnostic already did and can hand over instead of repeating it. */
export interface ValProbShared {
  readonly table?: ScoreTable;
  readonly logits?: LogitRows;
  /** The joint recalibration fit on `logits` (null: no finite maximum). */
  readonly jointFit?: RecalibrationFit | null;
}

const LRM_CLAMP = 30;

/**
 * Lowess calibration errors |lowess(p, y, iter = 0)(p) - p| at every row, as val.prob computes them.
 * The smoother runs on the table (equal predictions have equal fitted values), so the errors come
 * per distinct p, and each row counts through its value's row count or weight.
 */
function smoothedErrors(table: ScoreTable): { Emax: number; E90: number; Eavg: number } | null {
  const { value, weight0, weight1, start, rowY, rowW } = table;
  const groups = value.length;
  if (groups === 0) return null;
  const weight = new Float64Array(groups);
  for (let g = 0; g < groups; g++) weight[g] = weight0[g]! + weight1[g]!;
  const fitted = lowessGrouped({ x: value, start, weight, weightedY: weight1, rowY, rowWeight: rowW });
  const errors = new Float64Array(groups);
  let max = 0;
  let sum = 0;
  let total = 0;
  for (let g = 0; g < groups; g++) {
    const e = Math.abs(value[g]! - fitted[g]!);
    errors[g] = e;
    if (e > max) max = e;
    sum += weight[g]! * e;
    total += weight[g]!;
  }
  // Unweighted, E90 is the type-7 quantile over rows: each value repeats as often as its rows,
  // i.e. its weight W₀ + W₁ (a row count); weighted, the Hmisc rule on the weights.
  return {
    Emax: max,
    Eavg: sum / total,
    E90: quantileOfRepeated(errors, weight, 0.9, rowW !== undefined),
  };
}

/**
 * Every statistic of rms::val.prob(p, y): C and Dxy (binned as rms does), Nagelkerke R², D, U,
 * Q from the logistic calibration model on logit p (rows with p = 0 or 1 left out, as rms does),
 * and Emax, E90, Eavg from lowess(p, y, iter = 0) over all rows. Zero-weight rows are dropped;
 * other weights act as frequency weights (rms's val.prob has none). Degenerate cases: see docs.
 */
export function valProbStatistics(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
  shared: ValProbShared = {},
): ValProbStatistics {
  const table = shared.table ?? tableOf(p, y, w);
  const distinctP = table.value.length === 1;
  const smooth = distinctP ? null : smoothedErrors(table);
  const logits = shared.logits ?? finiteLogitsOfTable(table);
  const { x, weight0: lw0, weight1: lw1 } = logits;

  let n = 0;
  let positive = 0;
  for (let i = 0; i < x.length; i++) {
    n += lw0[i]! + lw1[i]!;
    positive += lw1[i]!;
  }
  // The logits ascend (the table is sorted), so extremes are at the ends.
  const allEqual = x.length === 0 || x[0] === x[x.length - 1];
  const negative = n - positive;
  const empty = {
    Dxy: null,
    C: null,
    R2: null,
    D: null,
    U: null,
    Q: null,
    dChiSquare: null,
    uChiSquare: null,
    uP: null,
  };
  const errors = { Emax: smooth?.Emax ?? null, E90: smooth?.E90 ?? null, Eavg: smooth?.Eavg ?? null };

  if (distinctP) return { ...singlePrediction(table, logits), ...errorsFor(table), logisticN: n };
  if (!(n > 0) || !(positive > 0 && negative > 0) || allEqual) return { ...empty, ...errors, logisticN: n };

  // L₀: -2 log-likelihood of the intercept-only model; L₀₁: of logit P = logit p (a = 0, b = 1).
  const nullDeviance = -2 * (positive * Math.log(positive / n) + negative * Math.log(negative / n));
  const fixedDeviance = logisticDeviance(x, lw0, lw1, 0, 1, LRM_CLAMP);
  const lr = nullDeviance - fixedDeviance;
  const R2 = (1 - Math.exp(-lr / n)) / (1 - Math.exp(-nullDeviance / n));
  const D = (lr - 1) / n;
  const concordance = binnedConcordance(x, lw0, lw1);

  const joint =
    shared.jointFit !== undefined ? shared.jointFit : fitLogisticRecalibration(x, lw0, lw1, false);
  let U: number | null = null;
  let uChiSquare: number | null = null;
  let uP: number | null = null;
  if (joint) {
    // val.prob's L01 is unclipped; the recalibrated deviance comes from lrm.fit, which clips η at ±30.
    // Clipping only matters when some |logit p| > 30; otherwise reuse the clipped value.
    const beyondClamp = Math.abs(x[0]!) > LRM_CLAMP || Math.abs(x[x.length - 1]!) > LRM_CLAMP;
    const unclippedFixed = beyondClamp ? logisticDeviance(x, lw0, lw1, 0, 1) : fixedDeviance;
    const recalibrated = logisticDeviance(x, lw0, lw1, joint.intercept, joint.slope, LRM_CLAMP);
    uChiSquare = unclippedFixed - recalibrated;
    U = (uChiSquare - 2) / n;
    uP = chiSquareSf(uChiSquare, 2);
  }
  return {
    Dxy: concordance?.dxy ?? null,
    C: concordance?.c ?? null,
    R2,
    D,
    U,
    Q: U === null ? null : D - U,
    ...errors,
    dChiSquare: lr,
    uChiSquare,
    uP,
    logisticN: n,
  };
}

/** rms's values when every prediction is the same: no discrimination, calibration from ȳ alone. */
function singlePrediction(
  table: ScoreTable,
  logits: LogitRows,
): Omit<ValProbStatistics, 'Emax' | 'E90' | 'Eavg' | 'logisticN'> {
  const n = table.weight0[0]! + table.weight1[0]!;
  const positive = table.weight1[0]!;
  const rate = positive / n;
  const D = -1 / n;
  let U: number | null = null;
  let uChiSquare: number | null = null;
  const { x, weight0, weight1 } = logits;
  if (rate > 0 && rate < 1 && logits.excluded === 0) {
    const intercept = Math.log(rate / (1 - rate));
    uChiSquare =
      logisticDeviance(x, weight0, weight1, 0, 1) - logisticDeviance(x, weight0, weight1, intercept, 0);
    U = (uChiSquare - 1) / n;
  }
  return {
    Dxy: 0,
    C: 0.5,
    R2: 0,
    D,
    U,
    Q: U === null ? null : D - U,
    dChiSquare: 0,
    uChiSquare,
    uP: uChiSquare === null ? null : chiSquareSf(uChiSquare, 1),
  };
}

/** rms reports Emax = E90 = Eavg = |p - ȳ| for a single distinct prediction. */
function errorsFor(table: ScoreTable): { Emax: number; E90: number; Eavg: number } {
  const n = table.weight0[0]! + table.weight1[0]!;
  const gap = Math.abs(table.value[0]! - table.weight1[0]! / n);
  return { Emax: gap, E90: gap, Eavg: gap };
}

function tableOf(p: Float64Array, y: Uint8Array, w: Float64Array | undefined): ScoreTable {
  const rows = dropZeroWeightRows(p, y, w);
  return scoreTable(rows.p, rows.y, rows.w);
}
