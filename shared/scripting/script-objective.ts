import type { ScriptObjective } from './fit-report';
import type { ScriptRow } from './script-rows';

/** sklearn's log_loss clipping: keeps ln(p) finite for p of exactly 0 or 1. */
const LOG_LOSS_CLIP = 1e-15;
/** A score may overshoot [0, 1] by rounding (e.g. 1 - 1e-17 computed as 1 + 2e-16); beyond this it is an error. */
export const PROBABILITY_SLACK = 1e-12;

export type ScoreFunction = (row: ScriptRow, params: Readonly<Record<string, number>>) => unknown;

export interface ObjectiveRows {
  readonly rows: readonly ScriptRow[];
  readonly outcome: Uint8Array;
  readonly weight: Float64Array | null;
  readonly indices: Uint32Array;
}

/** The first row where a score was not a probability during the search (the fit treats such a point as +∞). */
export interface InvalidScore {
  readonly row: number;
  readonly value: unknown;
}

/** A probability in [0, 1] (within PROBABILITY_SLACK, then clamped), or null. */
export function asProbability(value: unknown): number | null {
  if (typeof value !== 'number' || !(value >= -PROBABILITY_SLACK && value <= 1 + PROBABILITY_SLACK))
    return null;
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * Mean loss over the training rows, weighted when weights are given:
 * log loss −Σw[y ln p + (1−y) ln(1−p)] / Σw (p clipped to [1e-15, 1 − 1e-15]);
 * Brier Σw(p − y)² / Σw (Brier 1950).
 * Returns +∞ when a score is not a probability, so line searches step back, and records the first such row.
 */
export function meanLoss(
  kind: ScriptObjective,
  score: ScoreFunction,
  params: Readonly<Record<string, number>>,
  data: ObjectiveRows,
  onInvalid: (invalid: InvalidScore) => void,
): number {
  const { rows, outcome, weight, indices } = data;
  let total = 0;
  let weightSum = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const raw = score(rows[i]!, params);
    const p = asProbability(raw);
    if (p === null) {
      onInvalid({ row: i, value: raw });
      return Number.POSITIVE_INFINITY;
    }
    const w = weight === null ? 1 : weight[i]!;
    const y = outcome[i]!;
    if (kind === 'logloss') {
      const q = p < LOG_LOSS_CLIP ? LOG_LOSS_CLIP : p > 1 - LOG_LOSS_CLIP ? 1 - LOG_LOSS_CLIP : p;
      total -= w * (y === 1 ? Math.log(q) : Math.log(1 - q));
    } else {
      const d = p - y;
      total += w * d * d;
    }
    weightSum += w;
  }
  return weightSum > 0 ? total / weightSum : Number.NaN;
}
