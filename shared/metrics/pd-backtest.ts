import { betaCdf } from '../statistics/beta-distribution';
import { binomialUpperTail } from '../statistics/binomial';
import type { BinStatistics } from './bins';

/** Traffic light of a back-test by its confidence 1 - p: green < 95 %, yellow 95-99.9 %, red >= 99.9 %. */
export type TrafficLight = 'green' | 'yellow' | 'red';

/** Back-test of one rating grade or probability bin against its mean predicted PD. */
export interface PdBacktestRow {
  readonly label: string;
  /** Number of obligors (weight sum). */
  readonly n: number;
  /** Observed defaults (weighted). */
  readonly defaults: number;
  /** Mean predicted PD of the grade. */
  readonly meanPd: number;
  readonly observedRate: number;
  /** One-sided binomial p-value P(X >= defaults | n, PD): small means PD is too low. */
  readonly binomialP: number;
  /** Jeffreys p-value F_Beta(PD; d + 1/2, n - d + 1/2) (ECB 2019 validation instructions). */
  readonly jeffreysP: number;
  readonly binomialLight: TrafficLight;
  readonly jeffreysLight: TrafficLight;
}

/** Grade totals that a back-test needs. */
export interface GradeTotals {
  readonly label: string;
  readonly n: number;
  readonly defaults: number;
  readonly sumPd: number;
}

/** Light for a one-sided p-value: confidence 1 - p below 0.95 green, below 0.999 yellow, else red. */
export function trafficLight(pValue: number): TrafficLight {
  const confidence = 1 - pValue;
  if (confidence < 0.95) return 'green';
  if (confidence < 0.999) return 'yellow';
  return 'red';
}

/**
 * Binomial and Jeffreys PD back-tests per grade (Tasche 2008, "Validation of internal rating
 * systems and PD estimates"; ECB 2019, "Instructions for reporting the validation results of
 * internal models", §2.5.3.1). Both test H0 "the PD is not underestimated"; non-integer weighted
 * counts use the incomplete-beta forms of the binomial tail. Grades without weight are skipped.
 */
export function pdBacktest(grades: readonly GradeTotals[]): PdBacktestRow[] {
  const rows: PdBacktestRow[] = [];
  for (const grade of grades) {
    if (!(grade.n > 0)) continue;
    const meanPd = grade.sumPd / grade.n;
    const binomialP = binomialUpperTail(grade.defaults, grade.n, meanPd);
    const jeffreysP = betaCdf(meanPd, grade.defaults + 0.5, grade.n - grade.defaults + 0.5);
    rows.push({
      label: grade.label,
      n: grade.n,
      defaults: grade.defaults,
      meanPd,
      observedRate: grade.defaults / grade.n,
      binomialP,
      jeffreysP,
      binomialLight: trafficLight(binomialP),
      jeffreysLight: trafficLight(jeffreysP),
    });
  }
  return rows;
}

/** Back-test per probability bin (labelled "[lo, hi)"). */
export function pdBacktestByBins(bins: BinStatistics): PdBacktestRow[] {
  const k = bins.weight.length;
  return pdBacktest(
    Array.from({ length: k }, (_, b) => ({
      label: `[${bins.edges[b]}, ${bins.edges[b + 1]}${b === k - 1 ? ']' : ')'}`,
      n: bins.weight[b]!,
      defaults: bins.sumObserved[b]!,
      sumPd: bins.sumPredicted[b]!,
    })),
  );
}

/** Back-test per rating grade: `grade[i]` is row i's grade label (rows of zero weight are ignored). */
export function pdBacktestByGrade(
  p: Float64Array,
  y: Uint8Array,
  grade: ArrayLike<string | number>,
  w?: Float64Array,
): PdBacktestRow[] {
  const totals = new Map<string, { n: number; defaults: number; sumPd: number }>();
  for (let i = 0; i < p.length; i++) {
    const wi = w ? w[i]! : 1;
    if (!(wi > 0)) continue;
    const key = String(grade[i]);
    let t = totals.get(key);
    if (!t) {
      t = { n: 0, defaults: 0, sumPd: 0 };
      totals.set(key, t);
    }
    t.n += wi;
    t.defaults += wi * y[i]!;
    t.sumPd += wi * p[i]!;
  }
  return pdBacktest([...totals.entries()].map(([label, t]) => ({ label, ...t })));
}
