import type { z } from 'zod';
import type { ReliabilityInputSchema, ReliabilityOutput } from '../../../shared/api/calls/analysis-calls';
import type { CallContext } from '../api/call-context';
import type { WorkerPool } from '../workers/worker-pool';
import type { AnalysisSampleCache, SortedRows } from './sample-cache';

/**
 * Reliability bins for new bin settings from the cached sample: uniform bins take one pass over
 * the rows, quantile bins one pass over the rows sorted once per sample. No column is re-read.
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
  const result = await pool.run<Omit<ReliabilityOutput, 'usage'>>(
    'analysis.reliability',
    { ...rows, bins: input.bins, binning: input.binning, interval: input.interval },
    { signal: context.signal },
  );
  return { usage: sample.usage, ...result };
}
