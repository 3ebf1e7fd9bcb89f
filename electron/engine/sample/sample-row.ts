import type { PositionSide } from './liquidation-barrier';

/** One synthetic position: the CSV columns plus the probability its outcome was drawn from. */
export interface SampleRow {
  positionId: number;
  /** Epoch milliseconds, whole seconds, UTC. */
  openedAtMs: number;
  asset: string;
  side: PositionSide;
  /** Rounded to 0.1. */
  leverage: number;
  /** Rounded to 0.001. */
  collateralRatio: number;
  horizonDays: number;
  /** Rounded to 0.0001. */
  realizedVol: number;
  longRunVol: number;
  /** Rounded to 6 significant digits, in [1e-6, 1 - 1e-6]. */
  score: number;
  liquidated: 0 | 1;
  /** Not written to the CSV: analysts must not see the truth, tests need it. */
  trueProbability: number;
}
