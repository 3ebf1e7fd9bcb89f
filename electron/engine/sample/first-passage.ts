import { normalCdf } from './normal-cdf';

export type BarrierDirection = 'down' | 'up';

export interface FirstPassageInput {
  /** Whether the barrier lies below (long positions) or above (short positions) today's log price. */
  direction: BarrierDirection;
  /** |ln(barrier / price)|, > 0; 0 or less means the barrier is already reached. */
  logDistance: number;
  /** Annualised volatility σ of the log price. */
  volatility: number;
  /** Horizon T in years. */
  years: number;
  /** Drift μ per year of the log price X_t = ln S_t = X_0 + μt + σW_t; a driftless GBM has μ = -σ²/2. */
  logDrift: number;
}

/**
 * P(the log price touches the barrier at any time in [0, T]), continuously monitored.
 * Reflection principle for Brownian motion with drift (Shreve, Stochastic Calculus for Finance II,
 * §7.2.2, the running-minimum/maximum distribution), with ν the drift towards the barrier
 * (ν = -μ for a down barrier, ν = μ for an up barrier) and d = logDistance:
 *   P = Φ((-d + νT) / (σ√T)) + exp(2νd / σ²) · Φ((-d - νT) / (σ√T)).
 * Meant for |2νd/σ²| well below 700 (true for every position the sample draws: there ν = ±σ²/2,
 * so the exponent is ±d).
 */
export function firstPassageProbability(input: FirstPassageInput): number {
  const { direction, logDistance, volatility, years, logDrift } = input;
  if (!(logDistance > 0)) return 1;
  if (logDistance === Number.POSITIVE_INFINITY || !(years > 0)) return 0;
  const towardsBarrier = direction === 'down' ? -logDrift : logDrift;
  if (!(volatility > 0)) return towardsBarrier * years >= logDistance ? 1 : 0;
  const spread = volatility * Math.sqrt(years);
  const direct = normalCdf((-logDistance + towardsBarrier * years) / spread);
  const reflected =
    Math.exp((2 * towardsBarrier * logDistance) / (volatility * volatility)) *
    normalCdf((-logDistance - towardsBarrier * years) / spread);
  return Math.min(1, direct + reflected);
}

/** The drift of ln S for a driftless geometric Brownian motion dS = σ S dW (Itô: d ln S = -σ²/2 dt + σ dW). */
export function driftlessGbmLogDrift(volatility: number): number {
  return -0.5 * volatility * volatility;
}
