import type { Diagnostic, DiagnosticCi } from '../../../../shared/metrics/diagnostic-schema';
import { formatDecimal, formatPercent, formatPValue } from '../../format';

export interface MetricDefinition {
  /** The metric's path in the diagnostic, also the key of its bootstrap interval. */
  path: string;
  label: string;
  /** What the number means, shown on hover. */
  help: string;
  format: (value: number | null) => string;
}

export interface MetricGroup {
  title: string;
  metrics: MetricDefinition[];
}

const rate = (value: number | null) => formatPercent(value, 2);
const four = (value: number | null) => formatDecimal(value, 4);
const three = (value: number | null) => formatDecimal(value, 3);
const two = (value: number | null) => formatDecimal(value, 2);

/** The metrics panel, grouped the way a validation report reads: calibration first. */
export const METRIC_GROUPS: readonly MetricGroup[] = [
  {
    title: 'Calibration',
    metrics: [
      { path: 'baseRate', label: 'Observed rate', help: 'Share of rows with the event.', format: rate },
      {
        path: 'meanPredicted',
        label: 'Mean predicted',
        help: 'Average predicted probability.',
        format: rate,
      },
      {
        path: 'oeRatio',
        label: 'O/E ratio',
        help: 'Observed over expected events; 1 is calibrated in the large.',
        format: three,
      },
      {
        path: 'intercept',
        label: 'Calibration intercept',
        help: 'Logistic recalibration intercept with the slope fixed at 1; 0 is ideal.',
        format: three,
      },
      {
        path: 'slope',
        label: 'Calibration slope',
        help: 'Logistic recalibration slope; 1 is ideal, below 1 means too extreme.',
        format: three,
      },
      { path: 'ece', label: 'ECE', help: 'Expected calibration error over the chosen bins.', format: four },
      { path: 'mce', label: 'MCE', help: 'Largest calibration error of a bin.', format: four },
      { path: 'ace', label: 'ACE', help: 'Adaptive calibration error over equal-count bins.', format: four },
      {
        path: 'rms.Eavg',
        label: 'Eavg',
        help: 'Mean absolute error of the smoothed calibration curve.',
        format: four,
      },
      {
        path: 'rms.E90',
        label: 'E90',
        help: '90th percentile of the smoothed calibration error.',
        format: four,
      },
      {
        path: 'rms.Emax',
        label: 'Emax',
        help: 'Largest error of the smoothed calibration curve.',
        format: four,
      },
      {
        path: 'spiegelhalter.z',
        label: 'Spiegelhalter z',
        help: 'Test statistic of calibration; near 0 is calibrated.',
        format: two,
      },
      {
        path: 'spiegelhalter.p',
        label: 'Spiegelhalter p',
        help: 'p-value of the Spiegelhalter test.',
        format: formatPValue,
      },
      {
        path: 'hosmerLemeshow.statistic',
        label: 'Hosmer–Lemeshow χ²',
        help: 'Over the decile groups of the score.',
        format: two,
      },
      {
        path: 'hosmerLemeshow.p',
        label: 'Hosmer–Lemeshow p',
        help: 'p-value of the Hosmer–Lemeshow test.',
        format: formatPValue,
      },
    ],
  },
  {
    title: 'Discrimination',
    metrics: [
      { path: 'auc', label: 'AUC', help: 'Area under the ROC curve; 0.5 is a random ranking.', format: four },
      { path: 'gini', label: 'Gini', help: '2 AUC − 1.', format: four },
      {
        path: 'ks',
        label: 'KS',
        help: 'Kolmogorov–Smirnov distance between the score distributions of the two outcomes.',
        format: four,
      },
    ],
  },
  {
    title: 'Overall accuracy',
    metrics: [
      {
        path: 'brier',
        label: 'Brier score',
        help: 'Mean squared error of the probabilities; lower is better.',
        format: four,
      },
      {
        path: 'brierDecomposition.reliability',
        label: 'Brier reliability',
        help: 'Calibration part of the Brier score (Murphy).',
        format: four,
      },
      {
        path: 'brierDecomposition.resolution',
        label: 'Brier resolution',
        help: 'Discrimination part of the Brier score (Murphy).',
        format: four,
      },
      {
        path: 'logLoss',
        label: 'Log loss',
        help: 'Mean negative log-likelihood; lower is better.',
        format: four,
      },
      {
        path: 'rms.R2',
        label: 'Nagelkerke R²',
        help: 'Explained variation on the likelihood scale.',
        format: four,
      },
    ],
  },
];

/** A metric's value by its dotted path ("rms.Emax"); null where it is undefined. */
export function metricValue(diagnostic: Diagnostic, path: string): number | null {
  let node: unknown = diagnostic;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

export function metricInterval(ci: DiagnosticCi | null, metric: MetricDefinition): string | null {
  const interval = ci?.[metric.path];
  if (!interval) return null;
  return `${metric.format(interval[0])} – ${metric.format(interval[1])}`;
}
