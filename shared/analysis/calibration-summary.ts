import { binStatistics, uniformEdges } from '../metrics/bins';
import { brierScore } from '../metrics/brier';
import { expectedCalibrationError } from '../metrics/ece';
import { logLoss } from '../metrics/log-loss';
import { trafficLight, type TrafficLight } from '../metrics/pd-backtest';
import { betaCdf } from '../statistics/beta-distribution';

/** The few numbers that say whether a slice of rows (a period, a segment) is calibrated. */
export interface CalibrationSummary {
  n: number;
  /** Weighted count of events. */
  positives: number;
  observedRate: number | null;
  meanPredicted: number | null;
  oeRatio: number | null;
  brier: number | null;
  logLoss: number | null;
  /** ECE over 10 uniform bins. */
  ece: number | null;
  /** Jeffreys test of H0 "the PD is not underestimated": F_Beta(PD; d + 1/2, n - d + 1/2) (ECB 2019, §2.5.3.1). */
  jeffreysP: number | null;
  light: TrafficLight | null;
}

const TEN_BINS = uniformEdges(10);

export function calibrationSummary(p: Float64Array, y: Uint8Array, w?: Float64Array): CalibrationSummary {
  let weight = 0;
  let events = 0;
  let predicted = 0;
  for (let i = 0; i < p.length; i++) {
    const wi = w ? (w[i] as number) : 1;
    weight += wi;
    events += wi * (y[i] as number);
    predicted += wi * (p[i] as number);
  }
  if (!(weight > 0)) {
    return {
      n: p.length,
      positives: 0,
      observedRate: null,
      meanPredicted: null,
      oeRatio: null,
      brier: null,
      logLoss: null,
      ece: null,
      jeffreysP: null,
      light: null,
    };
  }
  const meanPredicted = predicted / weight;
  const jeffreysP = betaCdf(meanPredicted, events + 0.5, weight - events + 0.5);
  return {
    n: p.length,
    positives: events,
    observedRate: events / weight,
    meanPredicted,
    oeRatio: predicted > 0 ? events / predicted : null,
    brier: brierScore(p, y, w),
    logLoss: logLoss(p, y, w),
    ece: expectedCalibrationError(binStatistics(p, y, w, TEN_BINS)),
    jeffreysP,
    light: trafficLight(jeffreysP),
  };
}
