import { calibrationSummary, type CalibrationSummary } from './calibration-summary';

/** Calibration of one group (segment, period or regime) of rows. */
export interface GroupCalibration extends CalibrationSummary {
  key: string;
  label: string;
  /** Periods and quantile groups: the interval the group covers ([from, to)). */
  from: number | null;
  to: number | null;
}

export interface GroupDefinition {
  key: string;
  label: string;
  from: number | null;
  to: number | null;
}

/** Splits rows by `groupOf[i]` (an index into `groups`, -1 to leave a row out) and summarises each group. */
export function groupCalibration(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  groupOf: Int32Array,
  groups: readonly GroupDefinition[],
): GroupCalibration[] {
  const members = rowsByGroup(groupOf, groups.length);
  return groups.map((group, g) => {
    const slice = gatherRows({ p, y, w }, members[g] as Uint32Array);
    return { ...group, ...calibrationSummary(slice.p, slice.y, slice.w) };
  });
}

/** Row indices of each group, in row order. */
export function rowsByGroup(groupOf: Int32Array, groups: number): Uint32Array[] {
  const sizes = new Int32Array(groups);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    if (g >= 0) sizes[g] = (sizes[g] as number) + 1;
  }
  const members = Array.from({ length: groups }, (_, g) => new Uint32Array(sizes[g] as number));
  const filled = new Int32Array(groups);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    if (g < 0) continue;
    (members[g] as Uint32Array)[filled[g] as number] = i;
    filled[g] = (filled[g] as number) + 1;
  }
  return members;
}

/** The rows `rows` of (p, y, w), copied into new arrays. */
export function gatherRows(
  data: { p: Float64Array; y: Uint8Array; w?: Float64Array | undefined },
  rows: Uint32Array,
): { p: Float64Array; y: Uint8Array; w: Float64Array | undefined } {
  const p = new Float64Array(rows.length);
  const y = new Uint8Array(rows.length);
  const w = data.w ? new Float64Array(rows.length) : undefined;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    p[k] = data.p[i] as number;
    y[k] = data.y[i] as number;
    if (w && data.w) w[k] = data.w[i] as number;
  }
  return { p, y, w };
}
