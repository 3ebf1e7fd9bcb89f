import type { z } from 'zod';
import type { ReliabilityInputSchema, ReliabilityOutput } from '../../../shared/api/calls/analysis-calls';
import type { CallContext } from '../api/call-context';
import { reliabilityTask } from '../workers/reliability-tasks';
import type { WorkerPool } from '../workers/worker-pool';
import type { AnalysisSampleCache, SortedRows } from './sample-cache';

/**
 * Reliability bins for new bin settings from the cached sample: uniform bins take one pass over
 * the rows, quantile bins one pass over the rows sorted once per sample (the sort runs in a
 * worker). No column is re-read, so a diagram redraws fast however large the dataset.
 */
export async function reliabilityRedraw(
  cache: AnalysisSampleCache,
  pool: WorkerPool,
  input: z.output<typeof ReliabilityInputSchema>,
  context: CallContext,
): Promise<ReliabilityOutput> {
  const sample = cache.get(input);
  const rows =
    input.binning === 'quantile'
      ? await cache.sorted(input, (s) =>
          pool.run<SortedRows>('analysis.sort', { p: s.p, y: s.y, w: s.w }, { signal: context.signal }),
        )
      : { p: sample.p, y: sample.y, w: sample.w };
  // One pass over the rows (~50 ms for 10M): run here rather than queue behind a busy worker.
  const result = reliabilityTask({
    ...rows,
    bins: input.bins,
    binning: input.binning,
    interval: input.interval,
  });
  return { usage: sample.usage, ...result };
}
