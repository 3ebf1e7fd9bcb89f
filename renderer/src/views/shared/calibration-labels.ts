import type { CalibratorMethod } from '../../../../shared/calibration/calibrator-method';
import type { FileValidationScheme } from '../../../../shared/param-file/param-file-schema';
import { formatDate, formatDecimal, formatPercent } from '../../format';

/** What each calibrator is called and, in a line, what it does (docs/calibrators.md). */
const KNOWN_METHODS: Record<
  CalibratorMethod | 'uncalibrated' | 'segmented-platt' | 'script',
  { label: string; help: string }
> = {
  uncalibrated: { label: 'Uncalibrated', help: 'The score as it is: the baseline every map must beat.' },
  platt: { label: 'Platt', help: 'Logistic map on the logit: σ(a + b · logit p). Two parameters.' },
  temperature: { label: 'Temperature', help: 'One parameter: σ(logit p / T). Keeps the 50 % point.' },
  isotonic: { label: 'Isotonic', help: 'Non-decreasing step map fitted by pool-adjacent-violators.' },
  beta: { label: 'Beta', help: 'σ(c + a ln p − b ln(1 − p)): bends each tail separately.' },
  histogram: { label: 'Histogram', help: 'Observed rate per score bin (histogram binning).' },
  spline: { label: 'Spline', help: 'Smooth monotone P-spline on the logit, smoothing by cross-validation.' },
  'venn-abers': {
    label: 'Venn-ABERS',
    help: 'Inductive Venn-ABERS: a probability with a [p0, p1] interval per score.',
  },
  'base-rate': {
    label: 'Base rate',
    help: 'Shifts every logit by one constant so the mean prediction meets a target rate.',
  },
  'segmented-platt': {
    label: 'Segmented Platt',
    help: 'A Platt map per segment, shrunk toward the global map.',
  },
  script: {
    label: 'Script',
    help: 'A custom scoring script (Scripts view): its TypeScript source with fitted parameters.',
  },
};

/** Label and help of a method by name; a name this build does not know is shown as it is. */
export function methodInfo(method: string): { label: string; help: string } {
  return (
    (KNOWN_METHODS as Record<string, { label: string; help: string } | undefined>)[method] ?? {
      label: method,
      help: '',
    }
  );
}

/** The options a run used, in a few words ("bins 10, quantile"); empty for none. */
export function optionsSummary(options: Record<string, unknown>): string {
  return Object.entries(options)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length > 6))
    .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

/** A validation scheme in words, with its split. */
export function validationSummary(
  validation: { scheme: 'none' } | FileValidationScheme | { scheme: 'time'; splitAt: number | string },
): string {
  switch (validation.scheme) {
    case 'none':
      return 'No validation (measured on the training rows)';
    case 'holdout':
      return `Stratified holdout, ${formatPercent(validation.testFraction, 0)} test, seed ${validation.seed}`;
    case 'kfold':
      return `Stratified ${validation.folds}-fold, seed ${validation.seed}`;
    case 'time': {
      const at = typeof validation.splitAt === 'number' ? validation.splitAt : Date.parse(validation.splitAt);
      return `Out of time: train before ${formatDate(at)} (UTC)`;
    }
    default:
      return String((validation as { scheme: string }).scheme);
  }
}

/** The few numbers that say what a fitted map is, per method. */
export function paramsSummary(params: Record<string, unknown> & { method: string }): Array<[string, string]> {
  const num = (key: string, digits = 4) =>
    formatDecimal(typeof params[key] === 'number' ? params[key] : null, digits);
  const length = (key: string) => (Array.isArray(params[key]) ? params[key].length : 0);
  switch (params.method) {
    case 'platt':
      return [
        ['Intercept a', num('intercept')],
        ['Slope b', num('slope')],
        ['Targets', String(params.targets ?? 'labels')],
      ];
    case 'temperature':
      return [['Temperature T', num('temperature')]];
    case 'beta':
      return [
        ['a (ln p)', num('a')],
        ['b (−ln(1 − p))', num('b')],
        ['c (intercept)', num('c')],
      ];
    case 'isotonic':
      return [
        ['Thresholds', String(length('x'))],
        ['Out of bounds', String(params.outOfBounds ?? 'clip')],
      ];
    case 'histogram':
      return [['Bins', String(Math.max(0, length('edges') - 1))]];
    case 'spline':
      return [
        ['Segments', String(Math.max(0, length('knots') - 1))],
        ['Smoothing κ', typeof params.kappa === 'number' ? params.kappa.toExponential(1) : '—'],
        ['Monotone', params.monotone ? 'yes' : 'no'],
      ];
    case 'venn-abers':
      return [['Calibration scores', String(length('scores'))]];
    case 'base-rate':
      return [
        ['Logit shift δ', num('shift')],
        ['Target rate', formatPercent(typeof params.targetRate === 'number' ? params.targetRate : null, 3)],
      ];
    case 'script': {
      const values = (params.values ?? {}) as Record<string, number>;
      const errors = (params.standardErrors ?? {}) as Record<string, number | null>;
      return Object.entries(values).map(([name, value]) => {
        const se = errors[name];
        return [
          name,
          typeof se === 'number'
            ? `${formatDecimal(value, 4)} ± ${formatDecimal(se, 4)}`
            : formatDecimal(value, 4),
        ];
      });
    }
    default:
      return [];
  }
}

/** The metrics a comparison ranks by; lower is better for all three. */
export const RANK_METRIC_INFO = {
  logLoss: { label: 'Log loss', help: 'Mean negative log-likelihood; lower is better.' },
  brier: { label: 'Brier', help: 'Mean squared error of the probabilities; lower is better.' },
  ece: { label: 'ECE', help: 'Expected calibration error over the bins; lower is better.' },
} as const;
