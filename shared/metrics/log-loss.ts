import type { ScoreTable } from './score-table';

/**
 * Clipping bound for log loss: probabilities are clipped to [ε, 1 - ε] with ε = 2^-52 (the
 * double-precision machine epsilon), as scikit-learn's log_loss(eps="auto") does for float64.
 */
export const LOG_LOSS_EPSILON = Number.EPSILON;

/**
 * Log loss -Σ w [y ln p + (1 - y) ln(1 - p)] / Σ w (Good 1952, JRSS B 14:107-114). p is first
 * clipped to [ε, 1 - ε] and the pair (1 - p, p) renormalised to sum 1, exactly as scikit-learn
 * 1.2's log_loss does, so a confident miss costs -ln ε ≈ 36.04 instead of infinity.
 * Null at zero total weight.
 */
export function logLoss(p: Float64Array, y: Uint8Array, w?: Float64Array): number | null {
  const lo = LOG_LOSS_EPSILON;
  const hi = 1 - LOG_LOSS_EPSILON;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < p.length; i++) {
    const wi = w ? w[i]! : 1;
    if (wi === 0) continue;
    const pi = p[i]!;
    const clipped = pi < lo ? lo : pi > hi ? hi : pi;
    const complement = 1 - clipped;
    const total = clipped + complement;
    sum -= wi * Math.log((y[i] === 1 ? clipped : complement) / total);
    weight += wi;
  }
  return weight > 0 ? sum / weight : null;
}

/** logLoss over the table of distinct predictions: one or two logarithms per distinct p instead of one per row. */
export function logLossOfTable(table: ScoreTable): number | null {
  const lo = LOG_LOSS_EPSILON;
  const hi = 1 - LOG_LOSS_EPSILON;
  const { value, weight0, weight1 } = table;
  let sum = 0;
  let weight = 0;
  for (let g = 0; g < value.length; g++) {
    const pi = value[g]!;
    const w0 = weight0[g]!;
    const w1 = weight1[g]!;
    const clipped = pi < lo ? lo : pi > hi ? hi : pi;
    const complement = 1 - clipped;
    const total = clipped + complement;
    if (w1 > 0) sum -= w1 * Math.log(clipped / total);
    if (w0 > 0) sum -= w0 * Math.log(complement / total);
    weight += w0 + w1;
  }
  return weight > 0 ? sum / weight : null;
}
