import { adaptiveCalibrationError, expectedCalibrationError, maximumCalibrationError } from './ece';
import { aucOfSorted } from './auc';
import { binStatistics, quantileEdges, uniformEdges, type Binning, type BinStatistics } from './bins';
import { brierScore } from './brier';
import { calibrationFromLogits, finiteLogits } from './calibration-intercept-slope';
import { outcomeCounts } from './counts';
import type { Diagnostic } from './diagnostic-schema';
import { giniFromAuc } from './gini';
import { hosmerLemeshowOfSorted } from './hosmer-lemeshow';
import { ksOfSorted } from './ks';
import { logLoss } from './log-loss';
import { meanPredicted } from './mean-predicted';
import { dropZeroWeightRows, MetricInputError, validateMetricInput } from './metric-input';
import { murphyDecomposition } from './murphy-decomposition';
import { observedExpectedRatio } from './observed-expected';
import { reliabilityBins, type RateInterval } from './reliability-bins';
import { sortByPrediction, type SortedSample } from './sorted-sample';
import { spiegelhalterTest } from './spiegelhalter';
import { valProbStatistics } from './val-prob';

export interface DiagnosticOptions {
  /** Number of reliability / ECE bins (default 10). */
  readonly bins?: number;
  /** Bin placement for the reliability diagram, ECE, MCE and Murphy's decomposition (default uniform). */
  readonly binning?: Binning;
  /** Hosmer-Lemeshow quantile groups (default 10). */
  readonly hosmerLemeshowGroups?: number;
  /** Interval for observed rates in reliability bins (default Wilson). */
  readonly interval?: RateInterval;
  /** Confidence level of those intervals (default 0.95). */
  readonly level?: number;
}

function checkOptions(options: DiagnosticOptions): Required<DiagnosticOptions> {
  const resolved = {
    bins: options.bins ?? 10,
    binning: options.binning ?? 'uniform',
    hosmerLemeshowGroups: options.hosmerLemeshowGroups ?? 10,
    interval: options.interval ?? 'wilson',
    level: options.level ?? 0.95,
  } as const;
  if (!Number.isInteger(resolved.bins) || resolved.bins < 1 || resolved.bins > 10_000) {
    throw new MetricInputError(`bins must be an integer from 1 to 10000 (got ${resolved.bins})`);
  }
  if (!Number.isInteger(resolved.hosmerLemeshowGroups) || resolved.hosmerLemeshowGroups < 2) {
    throw new MetricInputError(
      `hosmerLemeshowGroups must be an integer >= 2 (got ${resolved.hosmerLemeshowGroups})`,
    );
  }
  if (resolved.binning !== 'uniform' && resolved.binning !== 'quantile') {
    throw new MetricInputError(`binning must be "uniform" or "quantile" (got ${String(resolved.binning)})`);
  }
  if (resolved.interval !== 'wilson' && resolved.interval !== 'jeffreys') {
    throw new MetricInputError(`interval must be "wilson" or "jeffreys" (got ${String(resolved.interval)})`);
  }
  if (!(resolved.level > 0 && resolved.level < 1)) {
    throw new MetricInputError(`level must lie strictly between 0 and 1 (got ${resolved.level})`);
  }
  return resolved;
}

/** Guards the JSON contract: a metric is a finite number or null, never NaN or ±Infinity. */
function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

function edgesFor(binning: Binning, bins: number, sorted: SortedSample): Float64Array {
  return binning === 'uniform' ? uniformEdges(bins) : quantileEdges(sorted, bins);
}

/**
 * Every calibration and discrimination metric of a scored sample, in the shape of
 * `scorecal evaluate --json` (DiagnosticSchema). One stable sort is shared by AUC, KS, quantile
 * bins, Hosmer-Lemeshow and the lowess smoother; one logit transform by the logistic statistics.
 * Throws MetricInputError for invalid input; degenerate input gives the documented nulls.
 */
export function computeDiagnostic(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
  options: DiagnosticOptions = {},
): Diagnostic {
  validateMetricInput(p, y, w);
  const settings = checkOptions(options);
  const rows = dropZeroWeightRows(p, y, w);
  const counts = outcomeCounts(rows.y, rows.w);
  const sorted = sortByPrediction(rows.p, rows.y, rows.w);

  const edges =
    counts.n > 0 ? edgesFor(settings.binning, settings.bins, sorted) : uniformEdges(settings.bins);
  // Bin statistics over the sorted rows: neighbouring rows share bins, which is kinder to caches.
  const bins = binStatistics(sorted.p, sorted.y, sorted.w, edges);
  const equalMassBins: BinStatistics | null =
    counts.n === 0
      ? null
      : settings.binning === 'quantile'
        ? bins
        : binStatistics(sorted.p, sorted.y, sorted.w, quantileEdges(sorted, settings.bins));
  const decomposition = murphyDecomposition(bins);

  const areaUnderCurve = aucOfSorted(sorted);
  const logits = finiteLogits(rows.p, rows.y, rows.w);
  const calibration = calibrationFromLogits(logits);
  const spiegelhalter = spiegelhalterTest(rows.p, rows.y, rows.w);
  const hosmerLemeshow = hosmerLemeshowOfSorted(sorted, settings.hosmerLemeshowGroups);
  const rms = valProbStatistics(rows.p, rows.y, rows.w, { sorted, logits, jointFit: calibration.jointFit });

  return {
    n: counts.n,
    positives: counts.positives,
    baseRate: finiteOrNull(counts.baseRate),
    meanPredicted: finiteOrNull(meanPredicted(rows.p, rows.w)),
    oeRatio: finiteOrNull(observedExpectedRatio(rows.p, rows.y, rows.w)),
    brier: finiteOrNull(brierScore(rows.p, rows.y, rows.w)),
    brierDecomposition: {
      reliability: finiteOrNull(decomposition?.reliability),
      resolution: finiteOrNull(decomposition?.resolution),
      uncertainty: finiteOrNull(decomposition?.uncertainty),
    },
    logLoss: finiteOrNull(logLoss(rows.p, rows.y, rows.w)),
    auc: finiteOrNull(areaUnderCurve),
    gini: finiteOrNull(giniFromAuc(areaUnderCurve)),
    ks: finiteOrNull(ksOfSorted(sorted)),
    ece: finiteOrNull(expectedCalibrationError(bins)),
    mce: finiteOrNull(maximumCalibrationError(bins)),
    ace: equalMassBins ? finiteOrNull(adaptiveCalibrationError(equalMassBins)) : null,
    intercept: finiteOrNull(calibration.intercept),
    slope: finiteOrNull(calibration.slope),
    interceptOffset: finiteOrNull(calibration.interceptOffset),
    spiegelhalter: { z: finiteOrNull(spiegelhalter.z), p: finiteOrNull(spiegelhalter.p) },
    hosmerLemeshow: {
      statistic: finiteOrNull(hosmerLemeshow.statistic),
      df: hosmerLemeshow.df,
      p: finiteOrNull(hosmerLemeshow.p),
    },
    rms: {
      Dxy: finiteOrNull(rms.Dxy),
      C: finiteOrNull(rms.C),
      R2: finiteOrNull(rms.R2),
      D: finiteOrNull(rms.D),
      U: finiteOrNull(rms.U),
      Q: finiteOrNull(rms.Q),
      Emax: finiteOrNull(rms.Emax),
      E90: finiteOrNull(rms.E90),
      Eavg: finiteOrNull(rms.Eavg),
    },
    reliability: reliabilityBins(bins, settings.interval, settings.level).map((bin) => ({
      lo: bin.lo,
      hi: bin.hi,
      n: bin.n,
      meanPredicted: finiteOrNull(bin.meanPredicted),
      observedRate: finiteOrNull(bin.observedRate),
      ciLow: finiteOrNull(bin.ciLow),
      ciHigh: finiteOrNull(bin.ciHigh),
    })),
  };
}
