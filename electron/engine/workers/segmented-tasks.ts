import { calibrationSummary } from '../../../shared/analysis/calibration-summary';
import { gatherRows, rowsByGroup } from '../../../shared/analysis/group-calibration';
import { applySegmentedPlatt, fitSegmentedPlatt } from '../../../shared/analysis/segment-shrinkage';
import { plattCalibrator } from '../../../shared/calibration/platt';
import { computeDiagnostic } from '../../../shared/metrics/diagnostic';

export interface SegmentedTask {
  p: Float64Array;
  y: Uint8Array;
  w?: Float64Array | undefined;
  /** Segment code of each row (-1 when missing). */
  segmentOf: Int32Array;
  labels: string[];
  isTest: Uint8Array;
  column: string;
  minEvents: number;
  bins: number;
}

/** Fits global and segmented Platt maps on the training rows and compares them on the test rows. */
export function segmentedTask(task: SegmentedTask) {
  const trainRows: number[] = [];
  const testRows: number[] = [];
  task.isTest.forEach((flag, i) => (flag === 1 ? testRows : trainRows).push(i));
  const train = gatherRows(task, Uint32Array.from(trainRows));
  const trainSegments = Int32Array.from(trainRows, (i) => task.segmentOf[i] as number);
  const fit = fitSegmentedPlatt(train, trainSegments, task.labels, task.column, task.minEvents);

  const test = gatherRows(task, Uint32Array.from(testRows));
  const testSegments = Int32Array.from(testRows, (i) => task.segmentOf[i] as number);
  const labelsOfTest = Array.from(testSegments, (code) => (code >= 0 ? (task.labels[code] ?? null) : null));
  const globalP = plattCalibrator.apply(fit.params.global, test.p);
  const segmentedP = applySegmentedPlatt(fit.params, test.p, labelsOfTest);
  const bySegment = rowsByGroup(testSegments, task.labels.length);
  const options = { bins: task.bins };
  return {
    tau2: fit.tau2,
    params: fit.params,
    segments: fit.segments.map((segment, s) => {
      const rows = bySegment[s] as Uint32Array;
      const y = gatherRows({ p: globalP, y: test.y, w: test.w }, rows);
      const seg = gatherRows({ p: segmentedP, y: test.y, w: test.w }, rows);
      return {
        label: segment.label,
        trainRows: segment.n,
        trainEvents: segment.events,
        map: segment.map,
        raw: segment.raw,
        shrinkage: segment.shrinkage,
        intercept: segment.params.intercept,
        slope: segment.params.slope,
        testGlobal: calibrationSummary(y.p, y.y, y.w),
        testSegmented: calibrationSummary(seg.p, seg.y, seg.w),
      };
    }),
    test: {
      uncalibrated: computeDiagnostic(test.p, test.y, test.w, options),
      global: computeDiagnostic(globalP, test.y, test.w, options),
      segmented: computeDiagnostic(segmentedP, test.y, test.w, options),
    },
    rows: { train: trainRows.length, test: testRows.length },
  };
}
