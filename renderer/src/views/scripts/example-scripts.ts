import firstPassageLiquidation from '../../../../resources/scripts/examples/first-passage-liquidation.ts?raw';
import logisticLeverageCollateral from '../../../../resources/scripts/examples/logistic-leverage-collateral.ts?raw';
import scorecardPoints from '../../../../resources/scripts/examples/scorecard-points.ts?raw';

export interface ScriptTemplate {
  readonly id: string;
  readonly label: string;
  /** What the template does, in a line. */
  readonly description: string;
  /** The name a new script from it starts with. */
  readonly defaultName: string;
  readonly source: string;
}

const BLANK = `/**
 * A custom score: declare the parameters to fit, then return the probability of the event for
 * one row. Type \`row.\` to see the dataset's columns, \`stats.\` for the helpers.
 */
export default defineScript({
  name: 'My score',
  params: {
    intercept: { init: -3, description: 'Log-odds of the event for a typical row' },
  },
  score(row, p) {
    return stats.logistic(p.intercept);
  },
});
`;

/** The shipped examples (resources/scripts/examples, type-checked against the script API) and a blank script. */
export const SCRIPT_TEMPLATES: readonly ScriptTemplate[] = [
  {
    id: 'logistic-leverage-collateral',
    label: 'Logistic on leverage and collateral',
    description:
      'Log-odds linear in ln(leverage) and ln(collateral ratio); stress: a 20 % collateral haircut.',
    defaultName: 'Logistic on leverage and collateral',
    source: logisticLeverageCollateral,
  },
  {
    id: 'first-passage-liquidation',
    label: 'First-passage liquidation',
    description:
      'The chance the price touches the liquidation level within the horizon; stress: volatility × 1.5.',
    defaultName: 'First-passage liquidation',
    source: firstPassageLiquidation,
  },
  {
    id: 'scorecard-points',
    label: 'Scorecard points',
    description:
      'Points per band of leverage, collateral and volatility, scaled to odds (20 points double them).',
    defaultName: 'Scorecard points',
    source: scorecardPoints,
  },
  {
    id: 'blank',
    label: 'Blank',
    description: 'One parameter and a constant score, to start from scratch.',
    defaultName: 'New script',
    source: BLANK,
  },
];
