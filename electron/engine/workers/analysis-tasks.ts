import type { Progress } from '../../../shared/api/progress';
import { diagnosticScalars } from '../../../shared/analysis/diagnostic-scalars';
import { rocCurveOfSorted } from '../../../shared/charts/roc-curve';
import { scoreHistogram } from '../../../shared/charts/score-histogram';
import { bootstrapReplicates } from '../../../shared/metrics/bootstrap';
import {
  computeDiagnostic,
  computeDiagnosticWithTable,
  type DiagnosticOptions,
} from '../../../shared/metrics/diagnostic';
import { pooledRows } from '../../../shared/metrics/score-table';

export interface DiagnosticTask {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  options: DiagnosticOptions;
}

/**
 * The full diagnostic plus what the charts draw, computed where the rows are. The ROC curve comes
 * from the diagnostic's table of distinct predictions (already sorted), not from a second sort.
 */
export function diagnosticTask(task: DiagnosticTask) {
  const { diagnostic, table } = computeDiagnosticWithTable(task.p, task.y, task.w, task.options);
  const sorted = pooledRows(table);
  return {
    diagnostic,
    roc: rocCurveOfSorted(sorted.p, sorted.y, sorted.w),
    scoreHistogram: scoreHistogram(task.p, task.y, task.w),
  };
}

export interface BootstrapTask extends DiagnosticTask {
  seed: number;
  from: number;
  to: number;
}

/** Replicates of every scalar metric for resamples from..to-1; resample b is seeded by (seed, b). */
export function bootstrapTask(
  task: BootstrapTask,
  report: (progress: Progress) => void,
): Record<string, Float64Array> {
  let done = 0;
  return bootstrapReplicates(
    (sample) => {
      const scalars = diagnosticScalars(computeDiagnostic(sample.p, sample.y, sample.w, task.options));
      done++;
      report({
        phase: 'Bootstrap',
        done,
        total: task.to - task.from,
        unit: 'steps',
        rate: null,
        etaSeconds: null,
      });
      return scalars;
    },
    task.w ? { p: task.p, y: task.y, w: task.w } : { p: task.p, y: task.y },
    task.seed,
    task.from,
    task.to,
  );
}
