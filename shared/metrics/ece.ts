import type { BinStatistics } from './bins';

/**
 * Expected calibration error Σ_b (W_b / W) |ō_b - p̄_b| over bins (Naeini, Cooper & Hauskrecht 2015,
 * AAAI), with W_b the bin weight, ō_b and p̄_b the weighted observed rate and mean prediction.
 * Null at zero total weight.
 */
export function expectedCalibrationError(bins: BinStatistics): number | null {
  let total = 0;
  let sum = 0;
  for (let b = 0; b < bins.weight.length; b++) {
    const wb = bins.weight[b]!;
    if (wb > 0) {
      total += wb;
      sum += Math.abs(bins.sumObserved[b]! - bins.sumPredicted[b]!);
    }
  }
  return total > 0 ? sum / total : null;
}

/** Maximum calibration error max_b |ō_b - p̄_b| over non-empty bins (Naeini et al. 2015); null if all empty. */
export function maximumCalibrationError(bins: BinStatistics): number | null {
  let best: number | null = null;
  for (let b = 0; b < bins.weight.length; b++) {
    const wb = bins.weight[b]!;
    if (wb > 0) {
      const gap = Math.abs(bins.sumObserved[b]! - bins.sumPredicted[b]!) / wb;
      if (best === null || gap > best) best = gap;
    }
  }
  return best;
}

/**
 * Adaptive calibration error (Nixon et al. 2019, "Measuring Calibration in Deep Learning", CVPR
 * workshops): the unweighted mean of |ō_r - p̄_r| over the non-empty ranges of equal-mass
 * (quantile) bins. For a binary outcome the class-0 term equals the class-1 term, so averaging
 * over both classes changes nothing. Pass quantile-binned statistics. Null if all bins are empty.
 */
export function adaptiveCalibrationError(equalMassBins: BinStatistics): number | null {
  let sum = 0;
  let used = 0;
  for (let b = 0; b < equalMassBins.weight.length; b++) {
    const wb = equalMassBins.weight[b]!;
    if (wb > 0) {
      sum += Math.abs(equalMassBins.sumObserved[b]! - equalMassBins.sumPredicted[b]!) / wb;
      used++;
    }
  }
  return used > 0 ? sum / used : null;
}
