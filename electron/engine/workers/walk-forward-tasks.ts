import { calibrationSummary, type CalibrationSummary } from '../../../shared/analysis/calibration-summary';
import { gatherRows } from '../../../shared/analysis/group-calibration';
import type { Calibrator, CalibratorMethod } from '../../../shared/calibration/calibrator';
import { applyCalibration, calibrators, type CalibrationParams } from '../../../shared/calibration/registry';

type AnyCalibrator = Calibrator<unknown, CalibrationParams, Record<string, unknown>>;

interface PeriodRows {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  /** Period index of each row (shared memory, read by every step). */
  periodOf: Int32Array;
}

/** Rows whose period index lies in [from, to). */
function rowsInPeriods(periodOf: Int32Array, from: number, to: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < periodOf.length; i++) {
    const k = periodOf[i] as number;
    if (k >= from && k < to) count++;
  }
  const rows = new Uint32Array(count);
  for (let i = 0, j = 0; i < periodOf.length; i++) {
    const k = periodOf[i] as number;
    if (k >= from && k < to) rows[j++] = i;
  }
  return rows;
}

export interface FitPeriodsTask extends PeriodRows {
  from: number;
  to: number;
  method: CalibratorMethod;
  options: Record<string, unknown>;
}

/** Fits one calibrator on the rows of periods [from, to). */
export function fitPeriodsTask(task: FitPeriodsTask): CalibrationParams {
  const calibrator = calibrators[task.method] as unknown as AnyCalibrator;
  return calibrator.fit(gatherRows(task, rowsInPeriods(task.periodOf, task.from, task.to)), task.options);
}

export interface WalkForwardStepTask extends FitPeriodsTask {
  testPeriod: number;
  staticParams: CalibrationParams;
}

export interface WalkForwardStepResult {
  trainRows: number;
  testRows: number;
  uncalibrated: CalibrationSummary;
  static: CalibrationSummary;
  refit: CalibrationSummary;
  refitParams: CalibrationParams;
  /** Test rows' probabilities under each strategy, for the pooled diagnostics. */
  staticP: Float64Array;
  refitP: Float64Array;
}

/** One walk-forward step: refit on the window, then score the next period three ways. */
export function walkForwardStepTask(task: WalkForwardStepTask): WalkForwardStepResult {
  const trainRows = rowsInPeriods(task.periodOf, task.from, task.to);
  const calibrator = calibrators[task.method] as unknown as AnyCalibrator;
  const refitParams = calibrator.fit(gatherRows(task, trainRows), task.options);
  const test = gatherRows(task, rowsInPeriods(task.periodOf, task.testPeriod, task.testPeriod + 1));
  const staticP = applyCalibration(task.staticParams, test.p);
  const refitP = applyCalibration(refitParams, test.p);
  return {
    trainRows: trainRows.length,
    testRows: test.p.length,
    uncalibrated: calibrationSummary(test.p, test.y, test.w),
    static: calibrationSummary(staticP, test.y, test.w),
    refit: calibrationSummary(refitP, test.y, test.w),
    refitParams,
    staticP,
    refitP,
  };
}
