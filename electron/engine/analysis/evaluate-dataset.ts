import type { z } from 'zod';
import type { EvaluateInputSchema, EvaluateOutput } from '../../../shared/api/calls/analysis-calls';
import { percentileInterval } from '../../../shared/metrics/bootstrap';
import type { DiagnosticCi } from '../../../shared/metrics/diagnostic-schema';
import type { CallContext } from '../api/call-context';
import type { WorkerPool } from '../workers/worker-pool';
import type { DiagnosticTask } from '../workers/analysis-tasks';
import type { AnalysisSampleCache } from './sample-cache';

type EvaluateInput = z.output<typeof EvaluateInputSchema>;

/** Resamples per worker task: small enough to spread evenly and report progress often. */
const RESAMPLES_PER_TASK = 25;

/** The diagnostic of a dataset's score, computed in worker threads, with optional bootstrap CIs. */
export async function evaluateDataset(
  cache: AnalysisSampleCache,
  pool: WorkerPool,
  input: EvaluateInput,
  context: CallContext,
): Promise<EvaluateOutput> {
  context.onProgress({
    phase: 'Reading columns',
    done: 0,
    total: null,
    unit: 'steps',
    rate: null,
    etaSeconds: null,
  });
  const sample = cache.get(input);
  const task: DiagnosticTask = {
    p: sample.p,
    y: sample.y,
    w: sample.w,
    options: {
      bins: input.bins,
      binning: input.binning,
      interval: input.interval,
      hosmerLemeshowGroups: input.hosmerLemeshowGroups,
    },
  };
  const main = pool.run<Pick<EvaluateOutput, 'diagnostic' | 'roc' | 'scoreHistogram'>>(
    'analysis.diagnostic',
    task,
    {
      signal: context.signal,
    },
  );
  const ci = input.bootstrap
    ? bootstrapIntervals(pool, task, input.bootstrap, context)
    : Promise.resolve(null);
  const [result, intervals] = await Promise.all([main, ci]);
  return { usage: sample.usage, ...result, ci: intervals };
}

export async function bootstrapIntervals(
  pool: WorkerPool,
  task: DiagnosticTask,
  request: NonNullable<EvaluateInput['bootstrap']>,
  context: CallContext,
): Promise<DiagnosticCi> {
  const blocks: Array<{ from: number; to: number }> = [];
  for (let from = 0; from < request.resamples; from += RESAMPLES_PER_TASK) {
    blocks.push({ from, to: Math.min(request.resamples, from + RESAMPLES_PER_TASK) });
  }
  const doneByBlock = new Float64Array(blocks.length);
  const started = performance.now();
  const report = () => {
    const done = doneByBlock.reduce((a, b) => a + b, 0);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : null;
    context.onProgress({
      phase: 'Bootstrap resamples',
      done,
      total: request.resamples,
      unit: 'steps',
      rate,
      etaSeconds: rate ? (request.resamples - done) / rate : null,
    });
  };
  const parts = await Promise.all(
    blocks.map((block, index) =>
      pool.run<Record<string, Float64Array>>(
        'analysis.bootstrap',
        { ...task, seed: request.seed, from: block.from, to: block.to },
        {
          signal: context.signal,
          onProgress: (progress) => {
            doneByBlock[index] = progress.done;
            report();
          },
        },
      ),
    ),
  );
  const alpha = 1 - request.level;
  const names = new Set(parts.flatMap((part) => Object.keys(part)));
  const ci: DiagnosticCi = {};
  for (const name of names) {
    const series = new Float64Array(request.resamples).fill(Number.NaN);
    parts.forEach((part, index) => {
      const values = part[name];
      if (values) series.set(values, (blocks[index] as { from: number }).from);
    });
    const interval = percentileInterval(series, alpha);
    ci[name] = interval ? [interval.low, interval.high] : null;
  }
  return ci;
}
