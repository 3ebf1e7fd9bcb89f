import { driftByPeriod, type DriftThresholds } from '../../../shared/analysis/drift-by-period';
import { groupCalibration, type GroupDefinition } from '../../../shared/analysis/group-calibration';

export interface GroupsTask {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  groupOf: Int32Array;
  groups: GroupDefinition[];
}

export function groupsTask(task: GroupsTask) {
  return groupCalibration(task.p, task.y, task.w, task.groupOf, task.groups);
}

export interface DriftTask {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  periodOf: Int32Array;
  periods: GroupDefinition[];
  referencePeriods: number;
  hosmerLemeshowGroups: number;
  thresholds: DriftThresholds;
}

export function driftTask(task: DriftTask) {
  return driftByPeriod(
    task,
    task.periodOf,
    task.periods,
    task.referencePeriods,
    task.hosmerLemeshowGroups,
    task.thresholds,
  );
}
