import { describe, expect, it } from 'vitest';
import { calibrationInterceptSlope } from '../../../shared/metrics/calibration-intercept-slope';
import { computeDiagnostic } from '../../../shared/metrics/diagnostic';
import { hosmerLemeshowEdges, hosmerLemeshowTest } from '../../../shared/metrics/hosmer-lemeshow';
import { sortByPrediction } from '../../../shared/metrics/sorted-sample';
import { valProbStatistics } from '../../../shared/metrics/val-prob';
import { lowessSorted } from '../../../shared/statistics/lowess';
import { equalSteps, quantilesOfSorted } from '../../../shared/statistics/quantile';
import { CLOSED_FORM, dataset, expectClose, FITTED, rmsReference, type Json } from './fixtures';

const R = rmsReference.datasets;

/** Datasets where R's val.prob ran on exactly our rows (no p = 0 with y = 1 or p = 1 with y = 0). */
const comparable = ['basic', 'ties', 'exact-zero-one', 'integer-weights', 'tiny', 'large'];

/**
 * R computes these p-values as 1 - pchisq(...), which loses digits below ~1e-10 (absolute error
 * ~1e-16); ours are survival functions. Compare relatively at 1e-6 above an absolute 1e-15 floor.
 */
const R_P_FLOOR = 1e-9;

function expectValProb(
  stats: ReturnType<typeof valProbStatistics>,
  ref: Json,
  name: string,
  lowessComparable = true,
): void {
  // Closed forms given the data (C, Dxy, R2, D, lowess errors) at 1e-9; U and Q involve the fit.
  expectClose(stats.C, ref['C (ROC)'], CLOSED_FORM, `${name} C`);
  expectClose(stats.Dxy, ref.Dxy, CLOSED_FORM, `${name} Dxy`);
  expectClose(stats.R2, ref.R2, CLOSED_FORM, `${name} R2`);
  expectClose(stats.D, ref.D, CLOSED_FORM, `${name} D`);
  expectClose(stats.dChiSquare, ref['D:Chi-sq'], CLOSED_FORM, `${name} D chi-square`);
  expectClose(stats.U, ref.U, FITTED, `${name} U`, 1e-3);
  expectClose(stats.Q, ref.Q, FITTED, `${name} Q`);
  expectClose(stats.uChiSquare, ref['U:Chi-sq'], FITTED, `${name} U chi-square`, 1e-3);
  expectClose(stats.uP, ref['U:p'], FITTED, `${name} U p`, R_P_FLOOR);
  if (!lowessComparable) return;
  expectClose(stats.Emax, ref.Emax, CLOSED_FORM, `${name} Emax`);
  expectClose(stats.E90, ref.E90, CLOSED_FORM, `${name} E90`);
  expectClose(stats.Eavg, ref.Eavg, CLOSED_FORM, `${name} Eavg`);
}

describe.each(comparable)('rms::val.prob on %s', (name) => {
  const d = dataset(name);
  const ref = R[name];

  // Weighted lowess multiplies tricube weights by case weights but counts its window in rows, so
  // it is not the lowess of the replicated sample (documented); every other statistic is.
  const lowessComparable = d.w === undefined;

  it('every val.prob statistic matches rms 6.5', () => {
    expectValProb(valProbStatistics(d.p, d.y, d.w), ref.valProb, name, lowessComparable);
  });

  it('the diagnostic reports the same rms block and the lrm.fit coefficients', () => {
    const diag = computeDiagnostic(d.p, d.y, d.w);
    expectClose(diag.rms.C, ref.valProb['C (ROC)'], CLOSED_FORM, 'C');
    expectClose(diag.rms.U, ref.valProb.U, FITTED, 'U', 1e-3);
    if (lowessComparable) expectClose(diag.rms.E90, ref.valProb.E90, CLOSED_FORM, 'E90');
    // rms stops Newton at a deviance change below 0.025; both sit within 1e-6 of the maximum.
    expectClose(diag.intercept, ref.lrmCoefficients[0], FITTED, 'intercept', 1e-2);
    expectClose(diag.slope, ref.lrmCoefficients[1], FITTED, 'slope');
    expectClose(diag.spiegelhalter.z, ref.valProb['S:z'], CLOSED_FORM, 'S:z');
    expectClose(diag.spiegelhalter.p, ref.valProb['S:p'], FITTED, 'S:p', R_P_FLOOR);
    expectClose(diag.brier, ref.valProb.Brier, CLOSED_FORM, 'Brier');
  });

  it.runIf(ref.hosmerLemeshow?.statistic != null)(
    'Hosmer-Lemeshow matches ResourceSelection::hoslem.test',
    () => {
      const hl = hosmerLemeshowTest(d.p, d.y, d.w, 10);
      expectClose(hl.statistic, ref.hosmerLemeshow.statistic, CLOSED_FORM, 'HL statistic');
      expect(hl.df).toBe(ref.hosmerLemeshow.df);
      expectClose(hl.p, ref.hosmerLemeshow.p, FITTED, 'HL p', R_P_FLOOR);
      const edges = hosmerLemeshowEdges(sortByPrediction(d.p, d.y, d.w), 10);
      expect(edges.length).toBe(ref.hosmerLemeshow.edges.length);
    },
  );
});

describe('rms::val.prob quirks and documented deviations', () => {
  it('confident misses: every statistic but U and Q matches; R gives U = Inf from the p = 0, y = 1 rows', () => {
    const d = dataset('confident-misses');
    const ref = R['confident-misses'].valProb;
    const stats = valProbStatistics(d.p, d.y);
    for (const key of ['Dxy', 'R2', 'D', 'Emax', 'E90', 'Eavg'] as const) {
      expectClose(stats[key], ref[key], CLOSED_FORM, key);
    }
    expect(ref.U).toBeNull(); // Inf in R, written as null
    // Ours leaves rows with p in {0, 1} out of every logistic statistic, U included.
    expect(stats.U).not.toBeNull();
    expect(Number.isFinite(stats.U!)).toBe(true);
  });

  it('a single distinct score gives rms values (rms 6.5 mislabels them; read positionally)', () => {
    const d = dataset('single-score');
    const raw: number[] = R['single-score'].valProbRaw;
    const stats = valProbStatistics(d.p, d.y);
    expect(stats.Dxy).toBe(0);
    expect(stats.C).toBe(0.5);
    expect(stats.R2).toBe(0);
    expectClose(stats.D, raw[3]!, CLOSED_FORM, 'D');
    expectClose(stats.U, raw[6]!, FITTED, 'U');
    expectClose(stats.uChiSquare, raw[7]!, FITTED, 'U chi-square');
    expectClose(stats.Q, raw[9]!, FITTED, 'Q');
    // Values 16-17 are the intended Emax/E90/Eavg |p - ȳ| (shifted by one extra 0 in rms 6.5).
    expectClose(stats.Emax, raw[15]!, CLOSED_FORM, 'Emax');
    expectClose(stats.Eavg, raw[16]!, CLOSED_FORM, 'Eavg');
    const fits = calibrationInterceptSlope(d.p, d.y);
    expectClose(fits.intercept, raw[11]!, CLOSED_FORM, 'intercept');
    expect(fits.slope).toBe(0);
  });
});

describe('lowess(p, y, iter = 0) against R', () => {
  it.each(['basic', 'ties', 'tiny', 'exact-zero-one'])('%s', (name) => {
    const d = dataset(name);
    const sorted = sortByPrediction(d.p, d.y);
    const ref = R[name].lowess;
    Array.from(sorted.p).forEach((x, i) => expect(x).toBe(ref.x[i]));
    const fitted = lowessSorted(sorted.p, Float64Array.from(sorted.y));
    fitted.forEach((v, i) => expectClose(v, ref.fitted[i], CLOSED_FORM, `fitted ${i}`, 1e-6));
  });
});

describe('type-7 quantiles against R', () => {
  it.each(['basic', 'ties', 'tiny', 'exact-zero-one', 'single-score', 'one-class'])(
    'quantile(p, seq(0, 1, 0.1)) on %s',
    (name) => {
      const d = dataset(name);
      const sorted = sortByPrediction(d.p, d.y);
      const q = quantilesOfSorted(sorted.p, equalSteps(10));
      q.forEach((v, i) => expectClose(v, R[name].quantiles[i], 1e-15, `q ${i}`, 1e-300));
    },
  );

  it('weighted quantiles match Hmisc::wtd.quantile(type = "quantile")', () => {
    const d = dataset('weighted');
    const sorted = sortByPrediction(d.p, d.y, d.w);
    const q = quantilesOfSorted(sorted.p, equalSteps(10), sorted.w);
    q.forEach((v, i) => expectClose(v, R.weighted.weightedQuantiles[i], 1e-14, `q ${i}`));
  });
});

describe('integer weights behave as replicated rows', () => {
  it('closed forms, fits and rank statistics equal their values on the replicated sample', () => {
    const d = dataset('integer-weights');
    const reps: number[] = [];
    d.w!.forEach((w, i) => {
      for (let k = 0; k < w; k++) reps.push(i);
    });
    const p = Float64Array.from(reps, (i) => d.p[i]!);
    const y = Uint8Array.from(reps, (i) => d.y[i]!);
    const weighted = computeDiagnostic(d.p, d.y, d.w, { binning: 'quantile' });
    const replicated = computeDiagnostic(p, y, undefined, { binning: 'quantile' });
    for (const key of ['baseRate', 'brier', 'logLoss', 'auc', 'ks', 'ece', 'mce', 'ace'] as const) {
      expectClose(weighted[key], replicated[key], CLOSED_FORM, key);
    }
    expectClose(weighted.slope, replicated.slope, FITTED, 'slope');
    expectClose(weighted.hosmerLemeshow.statistic, replicated.hosmerLemeshow.statistic, CLOSED_FORM, 'HL');
    expectClose(weighted.spiegelhalter.z, replicated.spiegelhalter.z, CLOSED_FORM, 'Spiegelhalter');
    for (const key of ['C', 'Dxy', 'R2', 'D', 'U', 'Q'] as const) {
      expectClose(weighted.rms[key], replicated.rms[key], FITTED, `rms ${key}`);
    }
    // Reliability bins report rows, not weights: the replicated sample has more of them.
    expect(weighted.reliability.map((b) => b.observedRate)).toEqual(
      replicated.reliability
        .map((b) => b.observedRate)
        .map((v, i) => {
          expectClose(weighted.reliability[i]!.observedRate, v, CLOSED_FORM, `bin ${i}`);
          return weighted.reliability[i]!.observedRate;
        }),
    );
  });
});
