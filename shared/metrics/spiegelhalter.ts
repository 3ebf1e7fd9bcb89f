import { normalTwoSidedP } from '../statistics/normal';
import type { ScoreTable } from './score-table';

/** Spiegelhalter's test of calibration. */
export interface SpiegelhalterTest {
  readonly z: number | null;
  /** Two-sided p-value 2 Φ(-|z|). */
  readonly p: number | null;
}

/**
 * Spiegelhalter (1986, Stat. Med. 5:421-433) z = Σ w (y - p)(1 - 2p) / √(Σ w (1 - 2p)² p (1 - p)),
 * as rms::val.prob computes it; weights are frequency weights. Null when the variance is zero
 * (every p is 0, 1/2 or 1) or there are no rows.
 */
export function spiegelhalterTest(p: Float64Array, y: Uint8Array, w?: Float64Array): SpiegelhalterTest {
  let numerator = 0;
  let variance = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    const wi = w ? w[i]! : 1;
    const s = 1 - 2 * pi;
    numerator += wi * (y[i]! - pi) * s;
    variance += wi * s * s * pi * (1 - pi);
  }
  if (!(variance > 0)) return { z: null, p: null };
  const z = numerator / Math.sqrt(variance);
  return { z, p: normalTwoSidedP(z) };
}

/** spiegelhalterTest over the table of distinct predictions. */
export function spiegelhalterOfTable(table: ScoreTable): SpiegelhalterTest {
  const { value, weight0, weight1 } = table;
  let numerator = 0;
  let variance = 0;
  for (let g = 0; g < value.length; g++) {
    const pi = value[g]!;
    const w1 = weight1[g]!;
    const w = weight0[g]! + w1;
    const s = 1 - 2 * pi;
    // Σ w (y - p)(1 - 2p) over the rows of this value = (W₁ - W p)(1 - 2p).
    numerator += (w1 - w * pi) * s;
    variance += w * s * s * pi * (1 - pi);
  }
  if (!(variance > 0)) return { z: null, p: null };
  const z = numerator / Math.sqrt(variance);
  return { z, p: normalTwoSidedP(z) };
}
