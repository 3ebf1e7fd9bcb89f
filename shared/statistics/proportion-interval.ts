import { betaQuantile } from './beta-distribution';
import { normalQuantile } from './normal';

/** A two-sided confidence interval for a binomial proportion. */
export interface ProportionInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval (Wilson 1927, JASA 22:209-212):
 * (x + z²/2 ± z √(x (n - x)/n + z²/4)) / (n + z²). Works with non-integer (weighted) x and n.
 */
export function wilsonInterval(successes: number, trials: number, level = 0.95): ProportionInterval {
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const denominator = trials + z2;
  const centre = (successes + z2 / 2) / denominator;
  const half = (z * Math.sqrt((successes * (trials - successes)) / trials + z2 / 4)) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Jeffreys interval: equal-tailed quantiles of Beta(x + 1/2, n - x + 1/2), with the lower limit set
 * to 0 when x = 0 and the upper to 1 when x = n (Brown, Cai & DasGupta 2001, Stat. Sci. 16:101-133).
 */
export function jeffreysInterval(successes: number, trials: number, level = 0.95): ProportionInterval {
  const alpha = 1 - level;
  const a = successes + 0.5;
  const b = trials - successes + 0.5;
  const low = successes <= 0 ? 0 : betaQuantile(alpha / 2, a, b);
  const high = successes >= trials ? 1 : betaQuantile(1 - alpha / 2, a, b);
  return { low, high };
}
