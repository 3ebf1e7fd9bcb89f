/** Concordance as rms's lrm.fit reports it. */
export interface BinnedConcordance {
  /** C index (ROC area) with predictions binned to 1/5000. */
  readonly c: number;
  /** Somers' Dxy = 2 (C - 1/2). */
  readonly dxy: number;
}

/**
 * rms's approximate C index (lrm.fit's Fortran routines llogit and gcorr, rms 6.5): each prediction
 * plogis(η), with the linear predictor η clipped to ±30, goes to bin floor(5000 P + 1) of 5001, and
 * concordance is counted between bins, ties within a bin counting 1/2. It differs from the exact
 * AUC by up to ~1e-5;
 * it is reproduced so that Dxy and C match rms::val.prob. Rows come pooled by distinct logit with
 * the weight of each outcome; weights count as (real) frequencies.
 * Null when either class is empty.
 */
export function binnedConcordance(
  logits: Float64Array,
  weight0: Float64Array,
  weight1: Float64Array,
): BinnedConcordance | null {
  const bins = 5001;
  const negatives = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let i = 0; i < logits.length; i++) {
    let eta = logits[i]!;
    if (eta > 30) eta = 30;
    else if (eta < -30) eta = -30;
    const prob = 1 / (1 + Math.exp(-eta));
    const bin = Math.floor(5000 * prob + 1) - 1;
    positives[bin]! += weight1[i]!;
    negatives[bin]! += weight0[i]!;
  }
  let totalPositive = 0;
  for (let b = 0; b < bins; b++) totalPositive += positives[b]!;
  let concordant = 0;
  let discordant = 0;
  let tied = 0;
  // Positives in strictly higher bins than each negative bin, accumulated from the top.
  let positivesAbove = 0;
  for (let b = bins - 1; b >= 0; b--) {
    const k = negatives[b]!;
    if (k > 0) {
      concordant += k * positivesAbove;
      discordant += k * (totalPositive - positivesAbove - positives[b]!);
      tied += k * positives[b]!;
    }
    positivesAbove += positives[b]!;
  }
  const pairs = concordant + discordant + tied;
  if (!(pairs > 0)) return null;
  return { c: (concordant + 0.5 * tied) / pairs, dxy: (concordant - discordant) / pairs };
}
