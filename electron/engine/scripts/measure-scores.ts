import type { z } from 'zod';
import type { BootstrapRequestSchema } from '../../../shared/api/calls/analysis-calls';
import type { RocCurve } from '../../../shared/charts/roc-curve';
import type { Diagnostic, DiagnosticCi } from '../../../shared/metrics/diagnostic-schema';
import { bootstrapIntervals } from '../analysis/evaluate-dataset';
import { sharedFloat64, sharedUint8 } from '../analysis/shared-arrays';
import type { CallContext } from '../api/call-context';
import type { DiagnosticTask } from '../workers/analysis-tasks';
import type { WorkerPool } from '../workers/worker-pool';

export interface MeasuredScores {
  diagnostic: Diagnostic;
  ci: DiagnosticCi | null;
  roc: RocCurve;
}

export interface MeasureRequest {
  bins: number;
  binning: 'uniform' | 'quantile';
  bootstrap: z.output<typeof BootstrapRequestSchema> | undefined;
}

/**
 * The diagnostic, ROC curve and (on request) bootstrap intervals of probabilities against outcomes:
 * the `analysis.diagnostic` and `analysis.bootstrap` worker tasks that `analysis.evaluate` and
 * `calibration.run` use, so a script is measured by exactly the same code as every calibrator.
 */
export async function measureScores(
  pool: WorkerPool,
  rows: { p: Float64Array; y: Uint8Array; w: Float64Array | undefined },
  request: MeasureRequest,
  context: CallContext,
): Promise<MeasuredScores> {
  // Shared memory, so the diagnostic and every bootstrap block read the rows without a copy.
  const p = sharedFloat64(rows.p.length);
  p.set(rows.p);
  const y = sharedUint8(rows.y.length);
  y.set(rows.y);
  let w: Float64Array | undefined;
  if (rows.w) {
    w = sharedFloat64(rows.w.length);
    w.set(rows.w);
  }
  const task: DiagnosticTask = { p, y, w, options: { bins: request.bins, binning: request.binning } };
  const main = pool.run<{ diagnostic: Diagnostic; roc: RocCurve }>('analysis.diagnostic', task, {
    signal: context.signal,
  });
  const ci = request.bootstrap
    ? bootstrapIntervals(pool, task, request.bootstrap, context)
    : Promise.resolve(null);
  const [result, intervals] = await Promise.all([main, ci]);
  return { diagnostic: result.diagnostic, ci: intervals, roc: result.roc };
}
