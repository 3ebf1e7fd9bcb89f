import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { GroupsInputSchema, GroupsOutput } from '../../../shared/api/calls/analysis-calls';
import type { GroupCalibration } from '../../../shared/analysis/group-calibration';
import type { CallContext } from '../api/call-context';
import type { WorkerPool } from '../workers/worker-pool';
import { loadAnalysisSample } from './analysis-sample';
import { groupRows } from './group-rows';

/** Calibration per segment, period or quantile group, measured in a worker thread. */
export async function calibrationByGroup(
  db: Database.Database,
  pool: WorkerPool,
  input: z.output<typeof GroupsInputSchema>,
  context: CallContext,
): Promise<GroupsOutput> {
  const sample = loadAnalysisSample(db, input);
  const { groupOf, groups } = groupRows(db, sample, input.by);
  const measured = await pool.run<GroupCalibration[]>(
    'analysis.groups',
    { p: sample.p, y: sample.y, w: sample.w, groupOf, groups },
    { signal: context.signal, transfer: [groupOf.buffer as ArrayBuffer] },
  );
  return { usage: sample.usage, by: input.by, groups: measured };
}
