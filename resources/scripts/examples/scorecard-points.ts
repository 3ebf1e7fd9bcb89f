// Scorecard points: each attribute band earns points, the total maps to odds through the usual
// scaling "600 points at 50:1 safe odds, 20 points to double the odds" (PDO). The fit learns the
// points of each band; the scaling stays fixed so the points read like any credit scorecard.

const BASE_POINTS = 600;
const BASE_ODDS = 50;
const PDO = 20;
const FACTOR = PDO / Math.log(2);
const OFFSET = BASE_POINTS - FACTOR * Math.log(BASE_ODDS);

export default defineScript({
  name: 'Scorecard points',
  params: {
    base: { init: 600, description: 'points every position starts with' },
    leverage10: { init: 0, description: 'points for leverage from 10 to 20' },
    leverage20: { init: 0, description: 'points for leverage above 20' },
    thinCollateral: { init: 0, description: 'points for a collateral ratio below 1.2' },
    highVol: { init: 0, description: 'points for realized volatility above 0.9' },
  },
  objective: 'logloss',
  score(row, p) {
    let points = p.base;
    if (row.leverage > 20) points += p.leverage20;
    else if (row.leverage > 10) points += p.leverage10;
    if (row.collateral_ratio < 1.2) points += p.thinCollateral;
    if (row.realized_vol > 0.9) points += p.highVol;
    // Higher points mean safer: odds of safety = exp((points − offset) / factor).
    return 1 / (1 + Math.exp((points - OFFSET) / FACTOR));
  },
});
