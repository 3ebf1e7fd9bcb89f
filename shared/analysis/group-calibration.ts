import { expectedCalibrationError } from '../metrics/ece';
import { binStatistics, uniformEdges } from '../metrics/bins';
import { betaCdf } from '../statistics/beta-distribution';
import { trafficLight, type TrafficLight } from '../metrics/pd-backtest';

/** Calibration of one group (segment, period or regime) of rows. */
export interface GroupCalibration {
  key: string;
  label: string;
  /** Periods and quantile groups: the interval the group covers ([from, to)). */
  from: number | null;
  to: number | null;
  n: number;
  positives: number;
  observedRate: number | null;
  meanPredicted: number | null;
  oeRatio: number | null;
  brier: number | null;
  ece: number | null;
  /** Jeffreys test of H0 "the PD is not underestimated": F_Beta(PD; d + 1/2, n - d + 1/2). */
  jeffreysP: number | null;
  light: TrafficLight | null;
}

export interface GroupDefinition {
  key: string;
  label: string;
  from: number | null;
  to: number | null;
}

/**
 * Splits rows by `groupOf[i]` (an index into `groups`, -1 to leave a row out) and measures each
 * group: observed and predicted rates, O/E, Brier, ECE (10 uniform bins), Jeffreys traffic light
 * (ECB 2019 instructions, §2.5.3.1).
 */
export function groupCalibration(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  groupOf: Int32Array,
  groups: readonly GroupDefinition[],
): GroupCalibration[] {
  const k = groups.length;
  const sizes = new Int32Array(k);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    if (g >= 0) sizes[g] = (sizes[g] as number) + 1;
  }
  const members = Array.from({ length: k }, (_, g) => new Uint32Array(sizes[g] as number));
  const filled = new Int32Array(k);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    if (g < 0) continue;
    (members[g] as Uint32Array)[filled[g] as number] = i;
    filled[g] = (filled[g] as number) + 1;
  }
  const edges = uniformEdges(10);
  return groups.map((group, g) => {
    const rows = members[g] as Uint32Array;
    const gp = new Float64Array(rows.length);
    const gy = new Uint8Array(rows.length);
    const gw = w ? new Float64Array(rows.length) : undefined;
    let weight = 0;
    let sumY = 0;
    let sumP = 0;
    let sumSq = 0;
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j] as number;
      const wi = w ? (w[i] as number) : 1;
      gp[j] = p[i] as number;
      gy[j] = y[i] as number;
      if (gw) gw[j] = wi;
      weight += wi;
      sumY += wi * (y[i] as number);
      sumP += wi * (p[i] as number);
      sumSq += wi * ((p[i] as number) - (y[i] as number)) ** 2;
    }
    const defined = weight > 0;
    const meanPredicted = defined ? sumP / weight : null;
    const observedRate = defined ? sumY / weight : null;
    const jeffreysP =
      defined && meanPredicted !== null ? betaCdf(meanPredicted, sumY + 0.5, weight - sumY + 0.5) : null;
    return {
      ...group,
      n: rows.length,
      positives: sumY,
      observedRate,
      meanPredicted,
      oeRatio: defined && sumP > 0 ? sumY / sumP : null,
      brier: defined ? sumSq / weight : null,
      ece: defined ? expectedCalibrationError(binStatistics(gp, gy, gw, edges)) : null,
      jeffreysP,
      light: jeffreysP === null ? null : trafficLight(jeffreysP),
    };
  });
}
