import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import type { WalkForwardInputSchema, WalkForwardOutput } from '../../../shared/api/calls/calibration-calls';
import type { CalibrationParams } from '../../../shared/calibration/registry';
import type { Diagnostic } from '../../../shared/metrics/diagnostic-schema';
import type { CallContext } from '../api/call-context';
import type { WalkForwardStepResult } from '../workers/walk-forward-tasks';
import type { WorkerPool } from '../workers/worker-pool';
import type { AnalysisSampleCache } from './sample-cache';
import { bootstrapIntervals } from './evaluate-dataset';
import { groupRows } from './group-rows';

type WalkForwardInput = z.output<typeof WalkForwardInputSchema>;
const STRATEGIES = ['uncalibrated', 'static', 'refit'] as const;

/**
 * Walk-forward recalibration (Tashman 2000, Int. J. Forecasting 16:437): for each period after the
 * first window, refit on the window before it (expanding or rolling) and score the period; beside
 * it, the map fitted once on the first window and the raw score. Steps run in parallel workers
 * over the rows in shared memory.
 */
export async function walkForward(
  cache: AnalysisSampleCache,
  db: Database.Database,
  pool: WorkerPool,
  input: WalkForwardInput,
  context: CallContext,
): Promise<WalkForwardOutput> {
  const sample = cache.get(input);
  const { groupOf, groups: periods } = groupRows(db, sample, { kind: 'period', period: input.period });
  if (periods.length <= input.initialPeriods) {
    throw new ApiError(
      'invalid-input',
      `The data spans ${periods.length} ${input.period}s; a walk-forward with ${input.initialPeriods} initial ${input.period}s needs at least ${input.initialPeriods + 1}.`,
    );
  }
  const periodOf = new Int32Array(new SharedArrayBuffer(groupOf.byteLength));
  periodOf.set(groupOf);
  const rows = { p: sample.p, y: sample.y, w: sample.w, periodOf };
  const method = input.method.method;
  const options = input.method.options;
  const windowStart = (t: number) =>
    input.window.kind === 'rolling' ? Math.max(0, t - input.window.periods) : 0;

  const staticParams = await pool.run<CalibrationParams>(
    'calibration.fitPeriods',
    { ...rows, from: 0, to: input.initialPeriods, method, options },
    { signal: context.signal },
  );
  const testPeriods = periods.map((_, t) => t).filter((t) => t >= input.initialPeriods);
  let finished = 0;
  const started = performance.now();
  const steps = await Promise.all(
    testPeriods.map(async (t) => {
      const result = await pool.run<WalkForwardStepResult>(
        'calibration.walkForwardStep',
        { ...rows, from: windowStart(t), to: t, testPeriod: t, method, options, staticParams },
        { signal: context.signal },
      );
      finished++;
      const seconds = (performance.now() - started) / 1000;
      const rate = finished / seconds;
      context.onProgress({
        phase: 'Walk-forward periods',
        done: finished,
        total: testPeriods.length,
        unit: 'steps',
        rate,
        etaSeconds: (testPeriods.length - finished) / rate,
      });
      return { t, result };
    }),
  );

  // Pooled test rows in period order, for the full diagnostic of each strategy.
  const pooledRows = steps.reduce((sum, step) => sum + step.result.testRows, 0);
  const pooled = {
    uncalibrated: new Float64Array(pooledRows),
    static: new Float64Array(pooledRows),
    refit: new Float64Array(pooledRows),
    y: new Uint8Array(pooledRows),
    w: sample.w ? new Float64Array(pooledRows) : undefined,
  };
  let offset = 0;
  for (const { t, result } of steps) {
    for (let i = 0, k = offset; i < periodOf.length; i++) {
      if (periodOf[i] !== t) continue;
      pooled.uncalibrated[k] = sample.p[i] as number;
      pooled.y[k] = sample.y[i] as number;
      if (pooled.w && sample.w) pooled.w[k] = sample.w[i] as number;
      k++;
    }
    pooled.static.set(result.staticP, offset);
    pooled.refit.set(result.refitP, offset);
    offset += result.testRows;
  }
  const diagnosticOptions = { bins: input.bins, binning: input.binning };
  const diagnostics = await Promise.all(
    STRATEGIES.map((strategy) =>
      pool
        .run<{ diagnostic: Diagnostic }>(
          'analysis.diagnostic',
          { p: pooled[strategy], y: pooled.y, w: pooled.w, options: diagnosticOptions },
          { signal: context.signal },
        )
        .then((r) => r.diagnostic),
    ),
  );
  const pooledCi = input.bootstrap
    ? await Promise.all(
        STRATEGIES.map((strategy) =>
          bootstrapIntervals(
            pool,
            { p: pooled[strategy], y: pooled.y, w: pooled.w, options: diagnosticOptions },
            input.bootstrap!,
            {
              signal: context.signal,
              onProgress: () => undefined,
            },
          ),
        ),
      )
    : null;

  const last = steps[steps.length - 1]?.result;
  if (!last) throw new ApiError('internal', 'The walk-forward produced no step.');
  return {
    usage: sample.usage,
    method,
    period: input.period,
    window: input.window,
    initialPeriods: input.initialPeriods,
    steps: steps.map(({ t, result }) => {
      const period = periods[t]!;
      return {
        label: period.label,
        from: period.from ?? 0,
        to: period.to ?? 0,
        trainRows: result.trainRows,
        testRows: result.testRows,
        uncalibrated: result.uncalibrated,
        static: result.static,
        refit: result.refit,
      };
    }),
    pooled: { uncalibrated: diagnostics[0]!, static: diagnostics[1]!, refit: diagnostics[2]! },
    pooledCi: pooledCi ? { uncalibrated: pooledCi[0]!, static: pooledCi[1]!, refit: pooledCi[2]! } : null,
    latestParams: last.refitParams,
  };
}
