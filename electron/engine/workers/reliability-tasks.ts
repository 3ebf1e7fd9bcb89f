import { binStatistics, quantileEdges, uniformEdges } from '../../../shared/metrics/bins';
import { expectedCalibrationError, maximumCalibrationError } from '../../../shared/metrics/ece';
import { reliabilityBins } from '../../../shared/metrics/reliability-bins';
import { sortByPrediction } from '../../../shared/metrics/sorted-sample';

export interface SortTask {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
}

/** The rows in ascending order of p, computed once per sample and cached by the engine. */
export function sortTask(task: SortTask) {
  return sortByPrediction(task.p, task.y, task.w);
}

export interface ReliabilityTask {
  /** Rows sorted by p (quantile bins need the order; uniform bins do not care). */
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  bins: number;
  binning: 'uniform' | 'quantile';
  interval: 'wilson' | 'jeffreys';
}

/** Reliability bins, ECE and MCE in one pass: what a redraw with other bins needs, nothing more. */
export function reliabilityTask(task: ReliabilityTask) {
  const edges =
    task.binning === 'uniform'
      ? uniformEdges(task.bins)
      : quantileEdges({ p: task.p, y: task.y, w: task.w }, task.bins);
  const stats = binStatistics(task.p, task.y, task.w, edges);
  return {
    reliability: reliabilityBins(stats, task.interval),
    ece: expectedCalibrationError(stats),
    mce: maximumCalibrationError(stats),
  };
}
