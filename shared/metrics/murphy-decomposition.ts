import type { BinStatistics } from './bins';

/** Murphy's partition of the Brier score over forecast bins. */
export interface BrierDecomposition {
  /** Σ_b (W_b / W) (p̄_b - ō_b)²: distance of bin forecasts from bin frequencies (lower is better). */
  readonly reliability: number;
  /** Σ_b (W_b / W) (ō_b - ō)²: how far bin frequencies spread from the base rate (higher is better). */
  readonly resolution: number;
  /** ō (1 - ō): the Brier score of always forecasting the base rate. */
  readonly uncertainty: number;
}

/**
 * Murphy (1973, J. Appl. Meteor. 12:595-600) decomposition over the given bins. With binned (not
 * distinct) forecasts, Brier = reliability - resolution + uncertainty + within-bin variance -
 * within-bin covariance (Stephenson, Coelho & Jolliffe 2008, Weather Forecast. 23:752), so the
 * three terms do not add up to the Brier score exactly. Null at zero total weight.
 */
export function murphyDecomposition(bins: BinStatistics): BrierDecomposition | null {
  let total = 0;
  let observedTotal = 0;
  for (let b = 0; b < bins.weight.length; b++) {
    total += bins.weight[b]!;
    observedTotal += bins.sumObserved[b]!;
  }
  if (!(total > 0)) return null;
  const baseRate = observedTotal / total;
  let reliability = 0;
  let resolution = 0;
  for (let b = 0; b < bins.weight.length; b++) {
    const wb = bins.weight[b]!;
    if (!(wb > 0)) continue;
    const forecast = bins.sumPredicted[b]! / wb;
    const observed = bins.sumObserved[b]! / wb;
    reliability += wb * (forecast - observed) * (forecast - observed);
    resolution += wb * (observed - baseRate) * (observed - baseRate);
  }
  return {
    reliability: reliability / total,
    resolution: resolution / total,
    uncertainty: baseRate * (1 - baseRate),
  };
}
