import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type {
  DriftInputSchema,
  DriftOutput,
  GroupsInputSchema,
  GroupsOutput,
} from '../../../shared/api/calls/analysis-calls';
import type { GroupCalibration } from '../../../shared/analysis/group-calibration';
import type { CallContext } from '../api/call-context';
import type { WorkerPool } from '../workers/worker-pool';
import type { AnalysisSampleCache } from './sample-cache';
import { groupRows } from './group-rows';

/** Calibration per segment, period or quantile group, measured in a worker thread. */
export async function calibrationByGroup(
  cache: AnalysisSampleCache,
  db: Database.Database,
  pool: WorkerPool,
  input: z.output<typeof GroupsInputSchema>,
  context: CallContext,
): Promise<GroupsOutput> {
  const sample = cache.get(input);
  const { groupOf, groups } = groupRows(db, sample, input.by);
  const measured = await pool.run<GroupCalibration[]>(
    'analysis.groups',
    { p: sample.p, y: sample.y, w: sample.w, groupOf, groups },
    { signal: context.signal, transfer: [groupOf.buffer as ArrayBuffer] },
  );
  return { usage: sample.usage, by: input.by, groups: measured };
}

/** Drift per period against the first periods, measured in a worker thread. */
export async function driftOverTime(
  cache: AnalysisSampleCache,
  db: Database.Database,
  pool: WorkerPool,
  input: z.output<typeof DriftInputSchema>,
  context: CallContext,
): Promise<DriftOutput> {
  const sample = cache.get(input);
  const { groupOf, groups } = groupRows(db, sample, { kind: 'period', period: input.period });
  const periods = await pool.run<DriftOutput['periods']>(
    'analysis.drift',
    {
      p: sample.p,
      y: sample.y,
      w: sample.w,
      periodOf: groupOf,
      periods: groups,
      referencePeriods: Math.min(input.referencePeriods, groups.length),
      hosmerLemeshowGroups: input.hosmerLemeshowGroups,
      thresholds: input.thresholds,
    },
    { signal: context.signal, transfer: [groupOf.buffer as ArrayBuffer] },
  );
  return {
    usage: sample.usage,
    period: input.period,
    referencePeriods: input.referencePeriods,
    thresholds: input.thresholds,
    periods,
  };
}
