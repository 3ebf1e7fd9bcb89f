import { regularizedBetaTails } from './incomplete-beta';

// Binomial tails through the incomplete beta identity P(X >= k) = I_p(k, n - k + 1)
// (Abramowitz & Stegun 26.5.24); it extends continuously to non-integer k and n (weighted counts).

/** P(X <= k) for X ~ Binomial(n, prob). */
export function binomialCdf(k: number, n: number, prob: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (prob <= 0) return 1;
  if (prob >= 1) return 0;
  return regularizedBetaTails(prob, k + 1, n - k)[1];
}

/** P(X >= k) for X ~ Binomial(n, prob). */
export function binomialUpperTail(k: number, n: number, prob: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (prob <= 0) return 0;
  if (prob >= 1) return 1;
  return regularizedBetaTails(prob, k, n - k + 1)[0];
}
