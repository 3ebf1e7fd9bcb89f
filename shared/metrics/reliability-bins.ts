import { jeffreysInterval, wilsonInterval } from '../statistics/proportion-interval';
import type { BinStatistics } from './bins';

/** Interval method for observed rates: bootstrap is not offered because it has zero width in all-0/all-1 bins. */
export type RateInterval = 'wilson' | 'jeffreys';

/** One bin of a reliability diagram. Empty bins are kept, with null rates and intervals. */
export interface ReliabilityBin {
  readonly lo: number;
  readonly hi: number;
  /** Rows (with positive weight) in the bin. */
  readonly n: number;
  readonly meanPredicted: number | null;
  readonly observedRate: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

/**
 * Reliability-diagram bins: weighted mean prediction, observed rate and its confidence interval.
 * The interval treats the bin's weight sum as the number of trials (frequency weights).
 */
export function reliabilityBins(
  bins: BinStatistics,
  interval: RateInterval = 'wilson',
  level = 0.95,
): ReliabilityBin[] {
  const result: ReliabilityBin[] = [];
  for (let b = 0; b < bins.weight.length; b++) {
    const wb = bins.weight[b]!;
    const lo = bins.edges[b]!;
    const hi = bins.edges[b + 1]!;
    const n = bins.count[b]!;
    if (!(wb > 0)) {
      result.push({ lo, hi, n, meanPredicted: null, observedRate: null, ciLow: null, ciHigh: null });
      continue;
    }
    const successes = bins.sumObserved[b]!;
    const ci =
      interval === 'wilson' ? wilsonInterval(successes, wb, level) : jeffreysInterval(successes, wb, level);
    result.push({
      lo,
      hi,
      n,
      meanPredicted: bins.sumPredicted[b]! / wb,
      observedRate: successes / wb,
      ciLow: ci.low,
      ciHigh: ci.high,
    });
  }
  return result;
}
