import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import type {
  CalibrateInputSchema,
  CalibrateOutput,
  MethodResult,
} from '../../../shared/api/calls/calibration-calls';
import { stratifiedFolds, stratifiedHoldout, timeSplit } from '../../../shared/analysis/validation-splits';
import type { CallContext } from '../api/call-context';
import { readColumn } from '../store/read-column';
import type { FitEvaluateResult, FitEvaluateTask } from '../workers/calibration-tasks';
import type { WorkerPool } from '../workers/worker-pool';
import type { AnalysisSample } from './analysis-sample';
import type { AnalysisSampleCache } from './sample-cache';
import { bootstrapIntervals } from './evaluate-dataset';

type CalibrateInput = z.output<typeof CalibrateInputSchema>;

/**
 * Fits each requested calibrator on the training rows (in worker threads, one method per task)
 * and measures it, and the raw score, on the same test rows.
 */
export async function runCalibration(
  cache: AnalysisSampleCache,
  db: Database.Database,
  pool: WorkerPool,
  input: CalibrateInput,
  context: CallContext,
): Promise<CalibrateOutput> {
  const sample = cache.get(input);
  const { assignment, mode, folds, rows } = assignRows(db, sample, input.validation);
  const methods = [{ method: 'uncalibrated' as const, options: {} }, ...input.methods];
  let finished = 0;
  const started = performance.now();
  const report = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? finished / seconds : null;
    context.onProgress({
      phase: 'Fitting calibrators',
      done: finished,
      total: methods.length,
      unit: 'steps',
      rate,
      etaSeconds: rate ? (methods.length - finished) / rate : null,
    });
  };
  report();
  const results = await Promise.all(
    methods.map(async (request): Promise<MethodResult> => {
      const task: FitEvaluateTask = {
        p: sample.p,
        y: sample.y,
        w: sample.w,
        assignment,
        mode,
        folds,
        method: request.method,
        options: request.options,
        diagnostic: { bins: input.bins, binning: input.binning },
      };
      const fitted = await pool.run<FitEvaluateResult>('calibration.fitEvaluate', task, {
        signal: context.signal,
      });
      const ci = input.bootstrap
        ? await bootstrapIntervals(
            pool,
            {
              p: fitted.testP,
              y: fitted.testY,
              w: fitted.testW,
              options: { bins: input.bins, binning: input.binning },
            },
            input.bootstrap,
            { signal: context.signal, onProgress: () => undefined },
          )
        : null;
      finished++;
      report();
      return {
        method: request.method,
        options: request.options,
        params: fitted.params,
        test: fitted.diagnostic,
        ci,
        fitSeconds: fitted.fitSeconds,
      };
    }),
  );
  return { usage: sample.usage, validation: input.validation, rows, results };
}

function assignRows(db: Database.Database, sample: AnalysisSample, validation: CalibrateInput['validation']) {
  const n = sample.p.length;
  switch (validation.scheme) {
    case 'none':
      return { assignment: null, mode: 'none' as const, folds: 0, rows: { train: n, test: n } };
    case 'holdout': {
      const isTest = stratifiedHoldout(sample.y, validation.testFraction, validation.seed);
      return splitOf(Int32Array.from(isTest));
    }
    case 'kfold':
      return {
        assignment: stratifiedFolds(sample.y, validation.folds, validation.seed),
        mode: 'folds' as const,
        folds: validation.folds,
        rows: { train: n, test: n },
      };
    case 'time': {
      const timeColumn = sample.details.columns.find((c) => c.role === 'time');
      if (!timeColumn) {
        throw new ApiError(
          'invalid-input',
          `Dataset "${sample.details.summary.name}" has no time column for an out-of-time split.`,
        );
      }
      const allTimes = readColumn(db, sample.details.summary.id, timeColumn.name) as Float64Array;
      const times = new Float64Array(n);
      for (let k = 0; k < n; k++) times[k] = allTimes[sample.rowIndex[k] as number] as number;
      const split = splitOf(Int32Array.from(timeSplit(times, validation.splitAt)));
      if (split.rows.train === 0 || split.rows.test === 0) {
        throw new ApiError(
          'invalid-input',
          `The out-of-time split at ${new Date(validation.splitAt).toISOString()} leaves ${split.rows.train} training and ${split.rows.test} test rows; choose a date inside the data.`,
        );
      }
      return split;
    }
  }
}

function splitOf(assignment: Int32Array) {
  let train = 0;
  let test = 0;
  for (const side of assignment) {
    if (side === 0) train++;
    else if (side === 1) test++;
  }
  return { assignment, mode: 'split' as const, folds: 0, rows: { train, test } };
}
