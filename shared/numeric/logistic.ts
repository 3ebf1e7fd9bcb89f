/** Logistic function 1 / (1 + e^-x), written to avoid overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ln(p / (1 - p)); ±Infinity at p = 1 and p = 0, NaN outside [0, 1]. */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
