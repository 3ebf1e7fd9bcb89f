// Logistic model on leverage and collateral ratio: log-odds linear in the logarithms, so a
// doubling of leverage moves the odds by the same factor at any level.

export default defineScript({
  name: 'Logistic on leverage and collateral',
  params: {
    intercept: { init: -3 },
    leverage: { init: 1, description: 'log-odds per unit of ln(leverage)' },
    collateral: { init: -1, description: 'log-odds per unit of ln(collateral ratio)' },
  },
  objective: 'logloss',
  score(row, p) {
    const z =
      p.intercept + p.leverage * Math.log(row.leverage) + p.collateral * Math.log(row.collateral_ratio);
    return stats.logistic(z);
  },
  scenarioName: 'collateral haircut of 20 %',
  scenario(row) {
    return { ...row, collateral_ratio: row.collateral_ratio * 0.8 };
  },
});
