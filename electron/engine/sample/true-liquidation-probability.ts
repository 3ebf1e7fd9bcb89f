import { driftlessGbmLogDrift, firstPassageProbability } from './first-passage';
import { barrierDirection, liquidationLogDistance, type PositionSide } from './liquidation-barrier';

export interface TrueRiskInputs {
  side: PositionSide;
  leverage: number;
  collateralRatio: number;
  horizonDays: number;
  /** The volatility that actually drives the price over the horizon. */
  realizedVol: number;
}

/**
 * The probability the outcome is drawn from: the price is a driftless GBM dS = σ S dW with
 * σ = realized volatility, so ln S has drift -σ²/2, and the position is liquidated if the price
 * touches its liquidation level within the horizon (first passage, see firstPassageProbability).
 */
export function trueLiquidationProbability(inputs: TrueRiskInputs): number {
  return firstPassageProbability({
    direction: barrierDirection(inputs.side),
    logDistance: liquidationLogDistance(inputs.side, inputs.leverage, inputs.collateralRatio),
    volatility: inputs.realizedVol,
    years: inputs.horizonDays / 365,
    logDrift: driftlessGbmLogDrift(inputs.realizedVol),
  });
}
