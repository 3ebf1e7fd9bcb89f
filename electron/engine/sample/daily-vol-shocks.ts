import { SeededRandom } from './seeded-random';

/** Persistence and spread of the market-wide and asset-specific day-to-day volatility shocks. */
const MARKET_PERSISTENCE = 0.7;
const MARKET_SPREAD = 0.08;
const ASSET_PERSISTENCE = 0.7;
const ASSET_SPREAD = 0.1;

/**
 * Multiplicative day-by-asset volatility shocks, so that positions opened on the same asset on the
 * same day share their volatility environment, as they do in real markets. Each log shock is the
 * sum of two stationary AR(1) processes, x_t = φ x_{t-1} + s √(1-φ²) ε_t, and the factor is
 * exp(x - Var(x)/2) so that its mean is 1. Drawn from its own PRNG stream: independent of N.
 */
export class DailyVolShocks {
  private readonly factors: Float64Array;

  constructor(
    seed: number,
    assetCount: number,
    private readonly days: number,
  ) {
    const random = new SeededRandom(seed, 1);
    this.factors = new Float64Array(assetCount * days);
    const meanCorrection = -0.5 * (MARKET_SPREAD ** 2 + ASSET_SPREAD ** 2);
    let market = MARKET_SPREAD * random.normal();
    const perAsset = Array.from({ length: assetCount }, () => ASSET_SPREAD * random.normal());
    for (let day = 0; day < days; day++) {
      market =
        MARKET_PERSISTENCE * market +
        MARKET_SPREAD * Math.sqrt(1 - MARKET_PERSISTENCE ** 2) * random.normal();
      for (let asset = 0; asset < assetCount; asset++) {
        const own =
          ASSET_PERSISTENCE * (perAsset[asset] ?? 0) +
          ASSET_SPREAD * Math.sqrt(1 - ASSET_PERSISTENCE ** 2) * random.normal();
        perAsset[asset] = own;
        this.factors[asset * days + day] = Math.exp(market + own + meanCorrection);
      }
    }
  }

  factor(asset: number, day: number): number {
    return this.factors[asset * this.days + day] ?? 1;
  }
}
