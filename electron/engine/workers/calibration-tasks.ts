import type { Progress } from '../../../shared/api/progress';
import type { Calibrator, CalibratorMethod } from '../../../shared/calibration/calibrator';
import { applyCalibration, calibrators, type CalibrationParams } from '../../../shared/calibration/registry';
import { computeDiagnostic, type DiagnosticOptions } from '../../../shared/metrics/diagnostic';
import { gatherRows } from '../../../shared/analysis/group-calibration';

type AnyCalibrator = Calibrator<unknown, CalibrationParams, Record<string, unknown>>;

export interface FitEvaluateTask {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  /**
   * Per row: the fold it is tested in (k-fold), or 0 = train / 1 = test / 2 = unused (holdout,
   * time); `mode` says which. `none` uses every row for both.
   */
  assignment: Int32Array | null;
  mode: 'none' | 'split' | 'folds';
  folds: number;
  method: CalibratorMethod | 'uncalibrated';
  options: Record<string, unknown>;
  diagnostic: DiagnosticOptions;
}

export interface FitEvaluateResult {
  params: CalibrationParams | null;
  /** Calibrated probabilities of the test rows (k-fold: out-of-fold), with their outcomes. */
  testP: Float64Array;
  testY: Uint8Array;
  testW: Float64Array | undefined;
  diagnostic: ReturnType<typeof computeDiagnostic>;
  fitSeconds: number;
}

/** Fits one method on the training rows and measures it on the test rows. */
export function fitEvaluateTask(
  task: FitEvaluateTask,
  report: (progress: Progress) => void,
): FitEvaluateResult {
  const started = performance.now();
  const fit = (rows: Uint32Array | null): CalibrationParams | null => {
    if (task.method === 'uncalibrated') return null;
    const calibrator = calibrators[task.method] as unknown as AnyCalibrator;
    return calibrator.fit(rows ? gatherRows(task, rows) : task, task.options);
  };
  const apply = (params: CalibrationParams | null, p: Float64Array) =>
    params ? applyCalibration(params, p) : p.slice();

  let params: CalibrationParams | null;
  let test: { p: Float64Array; y: Uint8Array; w: Float64Array | undefined };
  if (task.mode === 'none' || !task.assignment) {
    params = fit(null);
    test = { p: apply(params, task.p), y: task.y.slice(), w: task.w?.slice() };
  } else if (task.mode === 'split') {
    params = fit(rowsWhere(task.assignment, 0));
    const testRows = rowsWhere(task.assignment, 1);
    const s = gatherRows(task, testRows);
    test = { p: apply(params, s.p), y: s.y, w: s.w };
  } else {
    // k-fold: out-of-fold predictions from k fits, then the reported map is fitted on all rows.
    const out = new Float64Array(task.p.length);
    for (let fold = 0; fold < task.folds; fold++) {
      report({
        phase: `Fold ${fold + 1} of ${task.folds}`,
        done: fold,
        total: task.folds,
        unit: 'steps',
        rate: null,
        etaSeconds: null,
      });
      const foldParams = fit(rowsWhere(task.assignment, fold, true));
      const testRows = rowsWhere(task.assignment, fold);
      const predicted = apply(foldParams, gatherRows(task, testRows).p);
      testRows.forEach((row, k) => (out[row] = predicted[k] as number));
    }
    params = fit(null);
    test = { p: out, y: task.y.slice(), w: task.w?.slice() };
  }
  const fitSeconds = (performance.now() - started) / 1000;
  return {
    params,
    testP: test.p,
    testY: test.y,
    testW: test.w,
    diagnostic: computeDiagnostic(test.p, test.y, test.w, task.diagnostic),
    fitSeconds,
  };
}

/** Row indices whose assignment equals `value` (or differs from it, with `invert`). */
function rowsWhere(assignment: Int32Array, value: number, invert = false): Uint32Array {
  let count = 0;
  for (let i = 0; i < assignment.length; i++)
    if ((assignment[i] === value) !== invert && assignment[i]! >= 0) count++;
  const rows = new Uint32Array(count);
  for (let i = 0, k = 0; i < assignment.length; i++) {
    if ((assignment[i] === value) !== invert && assignment[i]! >= 0) rows[k++] = i;
  }
  return rows;
}
