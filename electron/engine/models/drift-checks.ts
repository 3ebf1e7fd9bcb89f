import type { DriftCheck } from '../../../shared/api/calls/model-calls';
import type { Diagnostic, DiagnosticCi } from '../../../shared/metrics/diagnostic-schema';
import { trafficLight, type TrafficLight } from '../../../shared/metrics/pd-backtest';
import { betaCdf } from '../../../shared/statistics/beta-distribution';

const ORDER: Record<TrafficLight, number> = { green: 0, yellow: 1, red: 2 };

/** The worst of several lights; null when none was decided. */
export function worstLight(lights: Array<TrafficLight | null>): TrafficLight | null {
  let worst: TrafficLight | null = null;
  for (const light of lights) if (light && (worst === null || ORDER[light] > ORDER[worst])) worst = light;
  return worst;
}

/**
 * Drift of a calibrated score on new data against what its parameter file recorded at training time
 * (docs/parameter-file.md, "Monitoring"):
 *
 * 1. Calibration in the large — Jeffreys test (ECB 2019 validation instructions, §2.5.3.1) of the
 *    new event count against the new mean prediction, in both directions: p_under =
 *    F_Beta(PD; d + ½, n − d + ½) (small: probabilities too low), p_over = 1 − p_under (small: too
 *    high); each gets the ECB light (green below 95 % confidence, yellow below 99.9 %, red above) and
 *    the check takes the worse.
 * 2. ECE — the new ECE against the upper end of the training bootstrap interval for ECE (without a
 *    bootstrap: 1.5 × the training ECE): green at or below it, yellow up to twice it, red above.
 * 3. AUC — the new AUC against the lower end of the training interval (without one: training AUC −
 *    0.02): green at or above it, yellow within 0.05 below it, red further below. Calibration maps
 *    cannot mend ranking, so a fall here means the score itself has drifted.
 */
export function driftChecks(
  current: Diagnostic,
  training: Diagnostic,
  trainingCi: DiagnosticCi | null,
): DriftCheck[] {
  return [
    calibrationInTheLarge(current),
    eceCheck(current, training, trainingCi),
    aucCheck(current, training, trainingCi),
  ];
}

function calibrationInTheLarge(current: Diagnostic): DriftCheck {
  const { n, baseRate, meanPredicted } = current;
  const label = 'Calibration in the large (Jeffreys)';
  if (n === 0 || baseRate === null || meanPredicted === null) {
    return {
      id: 'calibration-in-the-large',
      label,
      value: null,
      reference: null,
      light: null,
      explanation: 'No rows with an outcome.',
    };
  }
  const events = baseRate * n;
  const under = betaCdf(meanPredicted, events + 0.5, n - events + 0.5);
  const over = 1 - under;
  const light = worstLight([trafficLight(under), trafficLight(over)]);
  const direction =
    light === 'green' ? 'consistent with the observed rate' : under < over ? 'too low' : 'too high';
  return {
    id: 'calibration-in-the-large',
    label,
    value: baseRate,
    reference: meanPredicted,
    light,
    explanation:
      `Observed rate ${pct(baseRate)} vs mean predicted ${pct(meanPredicted)} on ${n.toLocaleString('en-US')} rows; ` +
      `the predictions look ${direction} (one-sided Jeffreys p = ${Math.min(under, over).toPrecision(3)}).`,
  };
}

function eceCheck(current: Diagnostic, training: Diagnostic, ci: DiagnosticCi | null): DriftCheck {
  const label = 'Expected calibration error';
  const interval = ci?.ece ?? null;
  const reference = interval ? interval[1] : training.ece === null ? null : 1.5 * training.ece;
  if (current.ece === null || reference === null) {
    return {
      id: 'ece',
      label,
      value: current.ece,
      reference,
      light: null,
      explanation: 'ECE undefined on the new or the training data.',
    };
  }
  // A perfectly calibrated training fit (ECE 0) still needs some room: one hundredth of a percent point.
  const limit = Math.max(reference, 1e-4);
  const light: TrafficLight = current.ece <= limit ? 'green' : current.ece <= 2 * limit ? 'yellow' : 'red';
  return {
    id: 'ece',
    label,
    value: current.ece,
    reference: limit,
    light,
    explanation: `ECE ${current.ece.toFixed(4)} on the new data vs ${interval ? 'the training interval upper end' : '1.5 × the training ECE'} ${limit.toFixed(4)}.`,
  };
}

function aucCheck(current: Diagnostic, training: Diagnostic, ci: DiagnosticCi | null): DriftCheck {
  const label = 'Discrimination (AUC)';
  const interval = ci?.auc ?? null;
  const reference = interval ? interval[0] : training.auc === null ? null : training.auc - 0.02;
  if (current.auc === null || reference === null) {
    return {
      id: 'auc',
      label,
      value: current.auc,
      reference,
      light: null,
      explanation: 'AUC undefined (one outcome only).',
    };
  }
  const light: TrafficLight =
    current.auc >= reference ? 'green' : current.auc >= reference - 0.05 ? 'yellow' : 'red';
  return {
    id: 'auc',
    label,
    value: current.auc,
    reference,
    light,
    explanation: `AUC ${current.auc.toFixed(4)} on the new data vs ${interval ? 'the training interval lower end' : 'the training AUC − 0.02'} ${reference.toFixed(4)}.`,
  };
}

const pct = (v: number) => `${(100 * v).toFixed(2)} %`;
