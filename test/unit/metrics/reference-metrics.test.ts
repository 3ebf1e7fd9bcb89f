import { describe, expect, it } from 'vitest';
import {
  adaptiveCalibrationError,
  expectedCalibrationError,
  maximumCalibrationError,
} from '../../../shared/metrics/ece';
import { auc } from '../../../shared/metrics/auc';
import { binStatistics, quantileEdges, uniformEdges } from '../../../shared/metrics/bins';
import { brierScore } from '../../../shared/metrics/brier';
import { calibrationInterceptSlope } from '../../../shared/metrics/calibration-intercept-slope';
import { computeDiagnostic } from '../../../shared/metrics/diagnostic';
import { DiagnosticSchema } from '../../../shared/metrics/diagnostic-schema';
import { ksStatistic } from '../../../shared/metrics/ks';
import { logLoss } from '../../../shared/metrics/log-loss';
import { murphyDecomposition } from '../../../shared/metrics/murphy-decomposition';
import { pdBacktestByBins } from '../../../shared/metrics/pd-backtest';
import { reliabilityBins } from '../../../shared/metrics/reliability-bins';
import { sortByPrediction } from '../../../shared/metrics/sorted-sample';
import { spiegelhalterTest } from '../../../shared/metrics/spiegelhalter';
import {
  CLOSED_FORM,
  dataset,
  datasetNames,
  expectClose,
  FITTED,
  pythonReference,
  type Json,
} from './fixtures';

function expectBins(actual: Json[], expected: Json[], label: string): void {
  expect(actual.length, label).toBe(expected.length);
  expected.forEach((bin: Json, b: number) => {
    const got = actual[b];
    expect(got.lo, `${label} bin ${b} lo`).toBe(bin.lo);
    expect(got.hi, `${label} bin ${b} hi`).toBe(bin.hi);
    expect(got.n, `${label} bin ${b} n`).toBe(bin.n);
    expectClose(got.meanPredicted, bin.meanPredicted, CLOSED_FORM, `${label} bin ${b} meanPredicted`);
    expectClose(got.observedRate, bin.observedRate, CLOSED_FORM, `${label} bin ${b} observedRate`);
    // Interval limits are closed forms (Wilson) or a root of the incomplete beta (Jeffreys).
    expectClose(got.ciLow, bin.ciLow, FITTED, `${label} bin ${b} ciLow`, 1e-9);
    expectClose(got.ciHigh, bin.ciHigh, FITTED, `${label} bin ${b} ciHigh`, 1e-9);
  });
}

describe.each(datasetNames)('dataset %s against scikit-learn / SciPy / statsmodels', (name) => {
  const ref = pythonReference.datasets[name];
  const d = dataset(name);

  it('computeDiagnostic matches every reference value and the schema', () => {
    const diag = computeDiagnostic(d.p, d.y, d.w);
    expect(DiagnosticSchema.parse(diag)).toEqual(diag);
    expect(diag.n).toBe(ref.n);
    expect(diag.positives).toBe(ref.positives);
    for (const key of [
      'baseRate',
      'meanPredicted',
      'oeRatio',
      'brier',
      'logLoss',
      'auc',
      'gini',
      'ks',
      'ece',
      'mce',
      'ace',
    ]) {
      expectClose(diag[key as keyof typeof diag] as number | null, ref[key], CLOSED_FORM, key);
    }
    for (const key of ['reliability', 'resolution', 'uncertainty'] as const) {
      expectClose(diag.brierDecomposition[key], ref.brierDecomposition[key], CLOSED_FORM, key);
    }
    expectBins(diag.reliability, ref.reliabilityWilson, 'reliability');
    if (ref.calibration) {
      expectClose(diag.intercept, ref.calibration.intercept, FITTED, 'intercept', 1e-3);
      expectClose(diag.slope, ref.calibration.slope, FITTED, 'slope');
      expectClose(diag.interceptOffset, ref.calibration.interceptOffset, FITTED, 'interceptOffset', 1e-3);
    }
    if (ref.spiegelhalter) {
      expectClose(diag.spiegelhalter.z, ref.spiegelhalter.z, CLOSED_FORM, 'spiegelhalter z');
      expectClose(diag.spiegelhalter.p, ref.spiegelhalter.p, FITTED, 'spiegelhalter p');
    }
  });

  it('standalone metric functions agree with the references', () => {
    expectClose(brierScore(d.p, d.y, d.w), ref.brier, CLOSED_FORM, 'brier');
    expectClose(logLoss(d.p, d.y, d.w), ref.logLoss, CLOSED_FORM, 'logLoss');
    expectClose(auc(d.p, d.y, d.w), ref.auc, CLOSED_FORM, 'auc');
    expectClose(ksStatistic(d.p, d.y, d.w), ref.ks, CLOSED_FORM, 'ks');
    const s = spiegelhalterTest(d.p, d.y, d.w);
    expectClose(s.z, ref.spiegelhalter?.z ?? null, CLOSED_FORM, 'spiegelhalter z');
    const fits = calibrationInterceptSlope(d.p, d.y, d.w);
    if (ref.calibration) expectClose(fits.slope, ref.calibration.slope, FITTED, 'slope');
  });

  it('uniform and quantile bins, ECE family and Murphy terms', () => {
    const sorted = sortByPrediction(d.p, d.y, d.w);
    const qe = quantileEdges(sorted, 10);
    expect(Array.from(uniformEdges(10))).toEqual(ref.uniformEdges);
    Array.from(qe).forEach((edge, i) => expectClose(edge, ref.quantileEdges[i], 1e-14, `quantile edge ${i}`));

    const quantileBins = binStatistics(d.p, d.y, d.w, qe);
    expectClose(expectedCalibrationError(quantileBins), ref.quantileBinning.ece, CLOSED_FORM, 'quantile ece');
    expectClose(maximumCalibrationError(quantileBins), ref.quantileBinning.mce, CLOSED_FORM, 'quantile mce');
    expectClose(adaptiveCalibrationError(quantileBins), ref.ace, CLOSED_FORM, 'ace');
    const qm = murphyDecomposition(quantileBins)!;
    expectClose(
      qm.reliability,
      ref.quantileBinning.brierDecomposition.reliability,
      CLOSED_FORM,
      'q reliability',
    );
    expectClose(
      qm.resolution,
      ref.quantileBinning.brierDecomposition.resolution,
      CLOSED_FORM,
      'q resolution',
    );
    expectBins(
      reliabilityBins(quantileBins, 'wilson'),
      ref.reliabilityQuantileWilson,
      'quantile reliability',
    );

    const uniformBins = binStatistics(d.p, d.y, d.w, uniformEdges(10));
    expectBins(reliabilityBins(uniformBins, 'jeffreys'), ref.reliabilityJeffreys, 'jeffreys reliability');
  });

  it.runIf(ref.sklearnCalibrationCurve !== undefined)(
    'non-empty uniform bins equal sklearn calibration_curve',
    () => {
      const bins = computeDiagnostic(d.p, d.y).reliability.filter((b) => b.n > 0);
      const curve = ref.sklearnCalibrationCurve;
      expect(bins.length).toBe(curve.probTrue.length);
      bins.forEach((b, i) => {
        expectClose(b.observedRate, curve.probTrue[i], CLOSED_FORM, `probTrue ${i}`);
        expectClose(b.meanPredicted, curve.probPred[i], CLOSED_FORM, `probPred ${i}`);
      });
    },
  );

  it.runIf(ref.pdBacktest !== undefined)('binomial and Jeffreys back-tests per uniform bin', () => {
    const rows = pdBacktestByBins(binStatistics(d.p, d.y, d.w, uniformEdges(10)));
    expect(rows.length).toBe(ref.pdBacktest.length);
    ref.pdBacktest.forEach((expected: Json, i: number) => {
      const row = rows[i]!;
      expect(row.n).toBe(expected.n);
      expect(row.defaults).toBe(expected.defaults);
      expectClose(row.meanPd, expected.meanPd, CLOSED_FORM, `meanPd ${i}`);
      expectClose(row.binomialP, expected.binomialP, FITTED, `binomial p ${i}`, 1e-300);
      expectClose(row.jeffreysP, expected.jeffreysP, FITTED, `jeffreys p ${i}`, 1e-300);
    });
  });
});
