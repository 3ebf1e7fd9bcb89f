import type { Progress } from '../../../shared/api/progress';
import { bootstrapTask, diagnosticTask } from './analysis-tasks';
import { driftTask, groupsTask } from './group-tasks';
import { fitEvaluateTask } from './calibration-tasks';
import { parseCsvChunkTask } from './import-tasks';
import { sortTask } from './reliability-tasks';
import { segmentedTask } from './segmented-tasks';
import { fitPeriodsTask, walkForwardStepTask } from './walk-forward-tasks';

export type TaskFunction = (payload: never, report: (progress: Progress) => void) => unknown;

/**
 * The computations a worker can run, by name. Each is a pure function of its payload; the engine
 * sends typed arrays and gets plain JSON (or typed arrays) back.
 */
export const workerTasks: Record<string, TaskFunction> = {
  'analysis.diagnostic': diagnosticTask,
  'analysis.bootstrap': bootstrapTask,
  'analysis.groups': groupsTask,
  'analysis.drift': driftTask,
  'analysis.sort': sortTask,
  'calibration.fitEvaluate': fitEvaluateTask,
  'import.parseCsvChunk': parseCsvChunkTask,
  'calibration.fitPeriods': fitPeriodsTask,
  'calibration.walkForwardStep': walkForwardStepTask,
  'calibration.segmented': segmentedTask,
  /** Used by tests of the pool itself: sums a Float64Array, optionally spinning to simulate work. */
  'self-test.sum': (payload: { values: Float64Array; spinMs?: number }, report) => {
    const until = Date.now() + (payload.spinMs ?? 0);
    let spins = 0;
    while (Date.now() < until) {
      if (++spins % 1_000_000 === 0)
        report({ phase: 'Spinning', done: spins, total: null, unit: 'steps', rate: null, etaSeconds: null });
    }
    let sum = 0;
    for (const value of payload.values) sum += value;
    return { sum, threadSeesDom: typeof (globalThis as { document?: unknown }).document !== 'undefined' };
  },
};
