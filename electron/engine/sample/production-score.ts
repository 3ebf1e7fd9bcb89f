import { firstPassageProbability } from './first-passage';
import { barrierDirection, liquidationLogDistance, type PositionSide } from './liquidation-barrier';

/** Scores are kept strictly inside (0, 1) so that logits and log losses stay finite. */
export const SCORE_FLOOR = 1e-6;
export const SCORE_CEILING = 1 - 1e-6;
/** Scores are published with this many significant digits; the row carries the rounded value. */
export const SCORE_SIGNIFICANT_DIGITS = 6;

export interface ScoredPosition {
  side: PositionSide;
  leverage: number;
  collateralRatio: number;
  horizonDays: number;
  longRunVol: number;
}

/**
 * The deliberately miscalibrated production model. It has the right barrier but two mistakes:
 * it plugs in the asset's long-run volatility instead of the volatility that will be realized, and
 * it treats the log price as driftless Brownian motion (μ = 0, forgetting Itô's -σ²/2), which
 * under-states long and over-states short liquidations a little. Reflection principle with μ = 0:
 *   score = clip(2 Φ(-d / (σ_lr √T)), 1e-6, 1 - 1e-6), rounded to 6 significant digits.
 */
export function productionScore(position: ScoredPosition): number {
  const probability = firstPassageProbability({
    direction: barrierDirection(position.side),
    logDistance: liquidationLogDistance(position.side, position.leverage, position.collateralRatio),
    volatility: position.longRunVol,
    years: position.horizonDays / 365,
    logDrift: 0,
  });
  return roundToSignificantDigits(Math.min(SCORE_CEILING, Math.max(SCORE_FLOOR, probability)));
}

/**
 * x rounded to SCORE_SIGNIFICANT_DIGITS: round(x · 10^k) / 10^k with k = digits - 1 - floor(log10 x).
 * Dividing an integer by an exact power of ten yields the double nearest the decimal, which
 * String() prints back as that decimal. (toPrecision + Number does the same, several times slower.)
 */
function roundToSignificantDigits(x: number): number {
  let exponent = SCORE_SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(x));
  let scaled = Math.round(x * 10 ** exponent);
  if (scaled >= 10 ** SCORE_SIGNIFICANT_DIGITS) {
    // log10 rounded just below a power of ten: one digit too many.
    exponent -= 1;
    scaled = Math.round(x * 10 ** exponent);
  }
  return exponent >= 0 ? scaled / 10 ** exponent : scaled * 10 ** -exponent;
}
