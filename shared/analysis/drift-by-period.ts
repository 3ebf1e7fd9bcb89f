import { hosmerLemeshowTest, type HosmerLemeshowTest } from '../metrics/hosmer-lemeshow';
import type { TrafficLight } from '../metrics/pd-backtest';
import { calibrationSummary } from './calibration-summary';
import { gatherRows, rowsByGroup, type GroupCalibration, type GroupDefinition } from './group-calibration';
import { binShares, populationStabilityIndex, psiEdges } from './population-stability';

export interface DriftThresholds {
  psiWarning: number;
  psiAlert: number;
  hosmerLemeshowP: number;
  oeTolerance: number;
}

export interface DriftPeriod extends GroupCalibration {
  hosmerLemeshow: HosmerLemeshowTest;
  psi: number;
  psiLight: TrafficLight;
  alerts: string[];
}

/**
 * Per period: the calibration summary, Hosmer-Lemeshow, and the PSI of the score against the
 * first `referencePeriods` periods, with plain-language alerts where a threshold is crossed.
 */
export function driftByPeriod(
  data: { p: Float64Array; y: Uint8Array; w?: Float64Array | undefined },
  periodOf: Int32Array,
  periods: readonly GroupDefinition[],
  referencePeriods: number,
  hosmerLemeshowGroups: number,
  thresholds: DriftThresholds,
): DriftPeriod[] {
  const members = rowsByGroup(periodOf, periods.length);
  const referenceRows = Uint32Array.from(
    members.slice(0, referencePeriods).flatMap((rows) => Array.from(rows)),
  );
  const reference = gatherRows(data, referenceRows);
  const edges = psiEdges(reference.p);
  const expected = binShares(reference.p, edges, reference.w);
  return periods.map((period, k) => {
    const slice = gatherRows(data, members[k] as Uint32Array);
    const summary = calibrationSummary(slice.p, slice.y, slice.w);
    const hosmerLemeshow = hosmerLemeshowTest(slice.p, slice.y, slice.w, hosmerLemeshowGroups);
    const psi = populationStabilityIndex(expected, binShares(slice.p, edges, slice.w));
    const psiLight: TrafficLight =
      psi >= thresholds.psiAlert ? 'red' : psi >= thresholds.psiWarning ? 'yellow' : 'green';
    const alerts: string[] = [];
    if (summary.light === 'red') alerts.push('events significantly above prediction (Jeffreys test, 99.9 %)');
    else if (summary.light === 'yellow') alerts.push('events above prediction (Jeffreys test, 95 %)');
    if (summary.oeRatio !== null && Math.abs(summary.oeRatio - 1) > thresholds.oeTolerance) {
      alerts.push(`observed/expected ${summary.oeRatio.toFixed(2)} is outside 1 ± ${thresholds.oeTolerance}`);
    }
    if (hosmerLemeshow.p !== null && hosmerLemeshow.p < thresholds.hosmerLemeshowP) {
      alerts.push(`Hosmer-Lemeshow p = ${hosmerLemeshow.p.toExponential(1)} < ${thresholds.hosmerLemeshowP}`);
    }
    if (psiLight !== 'green') alerts.push(`score distribution shifted (PSI ${psi.toFixed(3)})`);
    return { ...period, ...summary, hosmerLemeshow, psi, psiLight, alerts };
  });
}
