import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma';

/** Chi-square cdf P(X <= x) for df > 0 degrees of freedom: P(df/2, x/2). */
export function chiSquareCdf(x: number, df: number): number {
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}

/** Chi-square survival function P(X > x): Q(df/2, x/2), accurate for small tail probabilities. */
export function chiSquareSf(x: number, df: number): number {
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
