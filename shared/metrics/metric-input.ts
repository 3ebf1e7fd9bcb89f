/** A clear, specific complaint about metric inputs (wrong lengths, values out of range, bad weights). */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
}

/**
 * Checks the shared input contract of every metric: probabilities in [0, 1], outcomes 0/1, equal
 * lengths, weights finite and non-negative. Throws MetricInputError naming the first bad row.
 */
export function validateMetricInput(p: Float64Array, y: Uint8Array, w?: Float64Array): void {
  if (!(p instanceof Float64Array)) throw new MetricInputError('p must be a Float64Array of probabilities');
  if (!(y instanceof Uint8Array)) throw new MetricInputError('y must be a Uint8Array of 0/1 outcomes');
  if (p.length !== y.length) {
    throw new MetricInputError(`p and y must have the same length (p: ${p.length}, y: ${y.length})`);
  }
  if (w !== undefined) {
    if (!(w instanceof Float64Array)) throw new MetricInputError('w must be a Float64Array of weights');
    if (w.length !== p.length) {
      throw new MetricInputError(`w must have the same length as p (w: ${w.length}, p: ${p.length})`);
    }
  }
  const n = p.length;
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    // Written as a negated range test so that NaN fails it too.
    if (!(pi >= 0 && pi <= 1)) throw new MetricInputError(`p[${i}] = ${pi} is not a probability in [0, 1]`);
    if (y[i]! > 1) throw new MetricInputError(`y[${i}] = ${y[i]} is not an outcome 0 or 1`);
  }
  if (w !== undefined) {
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (!(wi >= 0 && wi < Infinity)) {
        throw new MetricInputError(`w[${i}] = ${wi} is not a finite non-negative weight`);
      }
    }
  }
}

/** Weighted rows kept after dropping zero-weight rows (the arrays themselves when nothing is dropped). */
export interface PositiveWeightRows {
  readonly p: Float64Array;
  readonly y: Uint8Array;
  readonly w: Float64Array | undefined;
}

/**
 * Drops rows of weight zero, so that count- and rank-based rules (lowess windows, quantile
 * positions, row counts) see exactly the rows that carry weight.
 */
export function dropZeroWeightRows(p: Float64Array, y: Uint8Array, w?: Float64Array): PositiveWeightRows {
  if (!w) return { p, y, w };
  let kept = 0;
  let allUnit = true;
  for (let i = 0; i < w.length; i++) {
    if (w[i]! > 0) kept++;
    if (w[i] !== 1) allUnit = false;
  }
  // Unit weights are the unweighted case: drop them so that fast unweighted paths apply.
  if (allUnit) return { p, y, w: undefined };
  if (kept === w.length) return { p, y, w };
  const keptP = new Float64Array(kept);
  const keptY = new Uint8Array(kept);
  const keptW = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i]! > 0) {
      keptP[k] = p[i]!;
      keptY[k] = y[i]!;
      keptW[k] = w[i]!;
      k++;
    }
  }
  return { p: keptP, y: keptY, w: keptW };
}
