export type PositionSide = 'long' | 'short';

/**
 * Maintenance margin as a fraction of the notional: the position is closed when its equity falls
 * to this. One rate for all assets keeps the liquidation rule readable in one line.
 */
export const MAINTENANCE_MARGIN = 0.005;

/**
 * The position's initial margin is notional / leverage and the trader posts collateral_ratio times
 * that, so equity at price S is notional · (c/L + side · (S/S0 - 1)). It is liquidated when equity
 * reaches m · notional, i.e. after an adverse relative move of δ = c/L - m:
 *   long:  S_liq = S0 · (1 - δ);   short: S_liq = S0 · (1 + δ).
 */
export function adverseMoveToLiquidation(leverage: number, collateralRatio: number): number {
  return collateralRatio / leverage - MAINTENANCE_MARGIN;
}

/**
 * |ln(S_liq / S0)|: -ln(1 - δ) for a long (Infinity when δ ≥ 1: a long that holds at least its
 * notional in collateral cannot be liquidated), ln(1 + δ) for a short.
 */
export function liquidationLogDistance(
  side: PositionSide,
  leverage: number,
  collateralRatio: number,
): number {
  const adverseMove = adverseMoveToLiquidation(leverage, collateralRatio);
  if (adverseMove <= 0) return 0;
  if (side === 'short') return Math.log1p(adverseMove);
  return adverseMove >= 1 ? Number.POSITIVE_INFINITY : -Math.log1p(-adverseMove);
}

export function barrierDirection(side: PositionSide): 'down' | 'up' {
  return side === 'long' ? 'down' : 'up';
}
