// First-passage liquidation model: the probability that the price touches the position's
// liquidation level within the horizon, for a driftless geometric Brownian motion whose volatility
// is the realized volatility (times a fitted scale). The fit learns how much of the realized
// volatility the market really delivers and the effective maintenance margin.
// Reflection principle with drift (Shreve, Stochastic Calculus for Finance II, §7.2.2).

export default defineScript({
  name: 'First-passage liquidation',
  description: 'Barrier-hit probability from realized volatility, leverage and horizon.',
  params: {
    volScale: { init: 0.8, lower: 0.05, upper: 5, description: 'multiplier on realized volatility' },
    margin: { init: 0.01, lower: 0, upper: 0.05, description: 'maintenance margin, fraction of notional' },
  },
  objective: 'logloss',
  score(row, p) {
    // Liquidated after an adverse relative move of collateral/leverage − margin.
    const move = row.collateral_ratio / row.leverage - p.margin;
    if (move <= 0) return 1;
    const isLong = row.side !== 'short';
    if (isLong && move >= 1) return 0;
    const distance = isLong ? -Math.log1p(-move) : Math.log1p(move);
    const sigma = p.volScale * row.realized_vol;
    const years = row.horizon_days / 365;
    // ln S drifts by −σ²/2 a year: towards a long's lower barrier, away from a short's upper one.
    const towards = isLong ? 0.5 * sigma * sigma : -0.5 * sigma * sigma;
    const spread = sigma * Math.sqrt(years);
    const direct = stats.normalCdf((-distance + towards * years) / spread);
    const reflected =
      Math.exp((2 * towards * distance) / (sigma * sigma)) *
      stats.normalCdf((-distance - towards * years) / spread);
    return Math.min(1, direct + reflected);
  },
  scenarioName: 'realized volatility × 1.5',
  scenario(row) {
    return { ...row, realized_vol: row.realized_vol * 1.5 };
  },
});
