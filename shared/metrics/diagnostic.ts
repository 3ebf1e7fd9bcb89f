import { adaptiveCalibrationError, expectedCalibrationError, maximumCalibrationError } from './ece';
import { aucOfTable } from './auc';
import {
  binStatisticsOfTable,
  quantileEdgesOfTable,
  uniformEdges,
  type Binning,
  type BinStatistics,
} from './bins';
import { brierOfTable } from './brier';
import { calibrationFromLogits, finiteLogitsOfTable } from './calibration-intercept-slope';
import { outcomeCounts } from './counts';
import type { Diagnostic } from './diagnostic-schema';
import { giniFromAuc } from './gini';
import { hosmerLemeshowOfTable } from './hosmer-lemeshow';
import { ksOfTable } from './ks';
import { logLossOfTable } from './log-loss';
import { meanPredictedOfTable } from './mean-predicted';
import { dropZeroWeightRows, MetricInputError, validateMetricInput } from './metric-input';
import { murphyDecomposition } from './murphy-decomposition';
import { observedExpectedOfTable } from './observed-expected';
import { reliabilityBins, type RateInterval } from './reliability-bins';
import { scoreTable, type ScoreTable } from './score-table';
import { spiegelhalterOfTable } from './spiegelhalter';
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

function edgesFor(binning: Binning, bins: number, table: ScoreTable): Float64Array {
  return binning === 'uniform' ? uniformEdges(bins) : quantileEdgesOfTable(table, bins);
}

/**
 * Every calibration and discrimination metric of a scored sample, in the shape of
 * `scorecal evaluate --json` (DiagnosticSchema). One stable radix sort groups the rows by distinct
 * prediction (ScoreTable); every metric — AUC, KS, bins, Hosmer-Lemeshow, the logistic fits and
 * the lowess smoother — then runs on that table, and one logit transform serves the logistic
 * statistics. Throws MetricInputError for invalid input; degenerate input gives the documented nulls.
 */
export function computeDiagnostic(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
  options: DiagnosticOptions = {},
): Diagnostic {
  return computeDiagnosticWithTable(p, y, w, options).diagnostic;
}

/** computeDiagnostic, plus the table of distinct predictions it built (for charts drawn from it). */
export function computeDiagnosticWithTable(
  p: Float64Array,
  y: Uint8Array,
  w?: Float64Array,
  options: DiagnosticOptions = {},
): { diagnostic: Diagnostic; table: ScoreTable } {
  validateMetricInput(p, y, w);
  const settings = checkOptions(options);
  const rows = dropZeroWeightRows(p, y, w);
  const counts = outcomeCounts(rows.y, rows.w);
  const table = scoreTable(rows.p, rows.y, rows.w);

  const edges = counts.n > 0 ? edgesFor(settings.binning, settings.bins, table) : uniformEdges(settings.bins);
  const bins = binStatisticsOfTable(table, edges);
  const equalMassBins: BinStatistics | null =
    counts.n === 0
      ? null
      : settings.binning === 'quantile'
        ? bins
        : binStatisticsOfTable(table, quantileEdgesOfTable(table, settings.bins));
  const decomposition = murphyDecomposition(bins);

  const areaUnderCurve = aucOfTable(table);
  const logits = finiteLogitsOfTable(table);
  const calibration = calibrationFromLogits(logits);
  const spiegelhalter = spiegelhalterOfTable(table);
  const hosmerLemeshow = hosmerLemeshowOfTable(table, settings.hosmerLemeshowGroups);
  const rms = valProbStatistics(rows.p, rows.y, rows.w, { table, logits, jointFit: calibration.jointFit });

  const diagnostic: Diagnostic = {
    n: counts.n,
    positives: counts.positives,
    baseRate: finiteOrNull(counts.baseRate),
    meanPredicted: finiteOrNull(meanPredictedOfTable(table)),
    oeRatio: finiteOrNull(observedExpectedOfTable(table)),
    brier: finiteOrNull(brierOfTable(table)),
    brierDecomposition: {
      reliability: finiteOrNull(decomposition?.reliability),
      resolution: finiteOrNull(decomposition?.resolution),
      uncertainty: finiteOrNull(decomposition?.uncertainty),
    },
    logLoss: finiteOrNull(logLossOfTable(table)),
    auc: finiteOrNull(areaUnderCurve),
    gini: finiteOrNull(giniFromAuc(areaUnderCurve)),
    ks: finiteOrNull(ksOfTable(table)),
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
  return { diagnostic, table };
}
