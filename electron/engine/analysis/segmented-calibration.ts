import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { SegmentedInputSchema, SegmentedOutput } from '../../../shared/api/calls/calibration-calls';
import { stratifiedHoldout } from '../../../shared/analysis/validation-splits';
import type { CallContext } from '../api/call-context';
import type { WorkerPool } from '../workers/worker-pool';
import type { AnalysisSampleCache } from './sample-cache';
import { groupRows } from './group-rows';

/** Global versus per-segment (shrunk) calibration, fitted and compared in a worker thread. */
export async function segmentedCalibration(
  cache: AnalysisSampleCache,
  db: Database.Database,
  pool: WorkerPool,
  input: z.output<typeof SegmentedInputSchema>,
  context: CallContext,
): Promise<SegmentedOutput> {
  const sample = cache.get(input);
  const { groupOf, groups } = groupRows(db, sample, { kind: 'segment', column: input.segmentColumn });
  context.onProgress({
    phase: 'Fitting segment maps',
    done: 0,
    total: null,
    unit: 'steps',
    rate: null,
    etaSeconds: null,
  });
  const result = await pool.run<Omit<SegmentedOutput, 'usage'>>(
    'calibration.segmented',
    {
      p: sample.p,
      y: sample.y,
      w: sample.w,
      segmentOf: groupOf,
      labels: groups.map((g) => g.label),
      isTest: stratifiedHoldout(sample.y, input.testFraction, input.seed),
      column: input.segmentColumn,
      minEvents: input.minEvents,
      bins: input.bins,
    },
    { signal: context.signal },
  );
  return { usage: sample.usage, ...result };
}
