import { chiSquareSf } from '../statistics/chi-square';
import { lowessSorted } from '../statistics/lowess';
import { quantileOfUnsorted } from '../statistics/selection';
import { finiteLogits, type LogitRows } from './calibration-intercept-slope';
import {
  fitLogisticRecalibration,
  logisticDeviance,
  type RecalibrationFit,
} from './logistic-recalibration-fit';
import { dropZeroWeightRows } from './metric-input';
import { binnedConcordance } from './rms-concordance';
import { sortByPrediction, type SortedSample } from './sorted-sample';

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
  readonly sorted?: SortedSample;
  readonly logits?: LogitRows;
  /** The joint recalibration fit on `logits` (null: no finite maximum). */
  readonly jointFit?: RecalibrationFit | null;
}

const LRM_CLAMP = 30;

/** Lowess calibration errors |lowess(p, y, iter = 0)(p) - p| at every row, as val.prob computes them. */
function smoothedErrors(sorted: SortedSample): { Emax: number; E90: number; Eavg: number } | null {
  const { p, y, w } = sorted;
  const n = p.length;
  if (n === 0) return null;
  const yAsNumber = Float64Array.from(y);
  const fitted = lowessSorted(p, yAsNumber, {}, w);
  const errors = new Float64Array(n);
  let max = 0;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.abs(p[i]! - fitted[i]!);
    errors[i] = e;
    if (e > max) max = e;
    const wi = w ? w[i]! : 1;
    sum += wi * e;
    weight += wi;
  }
  return { Emax: max, Eavg: sum / weight, E90: quantileOfUnsorted(errors, 0.9, w) };
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
  const rows = dropZeroWeightRows(p, y, w);
  const sorted = shared.sorted ?? sortByPrediction(rows.p, rows.y, rows.w);
  const smooth = smoothedErrors(sorted);
  const logits = shared.logits ?? finiteLogits(rows.p, rows.y, rows.w);
  const { x, y: ly, w: lw } = logits;

  let n = 0;
  let positive = 0;
  let allEqual = true;
  for (let i = 0; i < x.length; i++) {
    const wi = lw ? lw[i]! : 1;
    n += wi;
    positive += wi * ly[i]!;
    if (x[i] !== x[0]) allEqual = false;
  }
  let distinctP = true;
  for (let i = 1; i < sorted.p.length; i++) if (sorted.p[i] !== sorted.p[0]) distinctP = false;
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

  if (sorted.p.length > 0 && distinctP)
    return { ...singlePrediction(sorted, x, ly, lw), ...errorsFor(sorted), logisticN: n };
  if (!(n > 0) || !(positive > 0 && negative > 0) || allEqual) return { ...empty, ...errors, logisticN: n };

  // L₀: -2 log-likelihood of the intercept-only model; L₀₁: of logit P = logit p (a = 0, b = 1).
  const nullDeviance = -2 * (positive * Math.log(positive / n) + negative * Math.log(negative / n));
  const fixedDeviance = logisticDeviance(x, ly, lw, 0, 1, LRM_CLAMP);
  const lr = nullDeviance - fixedDeviance;
  const R2 = (1 - Math.exp(-lr / n)) / (1 - Math.exp(-nullDeviance / n));
  const D = (lr - 1) / n;
  const concordance = binnedConcordance(x, ly, lw);

  const joint = shared.jointFit !== undefined ? shared.jointFit : fitLogisticRecalibration(x, ly, lw, false);
  let U: number | null = null;
  let uChiSquare: number | null = null;
  let uP: number | null = null;
  if (joint) {
    // val.prob's L01 is unclipped; the recalibrated deviance comes from lrm.fit, which clips η at ±30.
    // Clipping only matters when some |logit p| > 30; otherwise reuse the clipped value.
    let beyondClamp = false;
    for (let i = 0; i < x.length && !beyondClamp; i++) if (Math.abs(x[i]!) > LRM_CLAMP) beyondClamp = true;
    const unclippedFixed = beyondClamp ? logisticDeviance(x, ly, lw, 0, 1) : fixedDeviance;
    const recalibrated = logisticDeviance(x, ly, lw, joint.intercept, joint.slope, LRM_CLAMP);
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
  sorted: SortedSample,
  x: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
): Omit<ValProbStatistics, 'Emax' | 'E90' | 'Eavg' | 'logisticN'> {
  const { p, y: sy, w: sw } = sorted;
  let n = 0;
  let positive = 0;
  for (let i = 0; i < p.length; i++) {
    const wi = sw ? sw[i]! : 1;
    n += wi;
    positive += wi * sy[i]!;
  }
  const rate = positive / n;
  const D = -1 / n;
  let U: number | null = null;
  let uChiSquare: number | null = null;
  if (rate > 0 && rate < 1 && x.length === p.length) {
    const intercept = Math.log(rate / (1 - rate));
    uChiSquare = logisticDeviance(x, y, w, 0, 1) - logisticDeviance(x, y, w, intercept, 0);
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
function errorsFor(sorted: SortedSample): { Emax: number; E90: number; Eavg: number } {
  const { p, y, w } = sorted;
  let n = 0;
  let positive = 0;
  for (let i = 0; i < p.length; i++) {
    const wi = w ? w[i]! : 1;
    n += wi;
    positive += wi * y[i]!;
  }
  const gap = Math.abs(p[0]! - positive / n);
  return { Emax: gap, E90: gap, Eavg: gap };
}
