import type Database from 'better-sqlite3';
import type { GroupCalibrationJson, Grouping } from '../../../shared/api/calls/analysis-calls';
import type { GroupCalibration } from '../../../shared/analysis/group-calibration';
import { stratifiedHoldout, timeSplit } from '../../../shared/analysis/validation-splits';
import type { RocCurve } from '../../../shared/charts/roc-curve';
import type { DatasetSummary } from '../../../shared/domain/dataset-summary';
import type { Diagnostic } from '../../../shared/metrics/diagnostic-schema';
import { applyCalibration } from '../../../shared/calibration/registry';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { loadAnalysisSample, type AnalysisSample } from '../analysis/analysis-sample';
import { segmentLabels } from '../models/apply-model';
import { applySegmentedParams } from '../../../shared/param-file/apply-param-document';
import { groupRows } from '../analysis/group-rows';
import { findDatasetsBySha256 } from '../store/find-dataset';
import { readColumn } from '../store/read-column';
import type { WorkerPool } from '../workers/worker-pool';

export interface GroupTable {
  title: string;
  groups: GroupCalibrationJson[];
}

/** What a report adds when the model's dataset is still in the workspace. */
export type DatasetExtras =
  | {
      available: true;
      dataset: DatasetSummary;
      /** Which rows the tables describe, in words. */
      rowsDescription: string;
      rows: number;
      roc: { calibrated: RocCurve; uncalibrated: RocCurve };
      tables: GroupTable[];
    }
  | { available: false; reason: string };

/**
 * Rebuilds the rows a model was measured on — the same dataset (found by source SHA-256, preferring
 * the recorded name), filter, columns and score rule, and the same split (the holdout and time
 * splits are deterministic; k-fold and none use every row) — and measures the calibrated
 * probability per segment column and per month, plus ROC curves before and after.
 */
export async function datasetExtras(
  db: Database.Database,
  pool: WorkerPool,
  document: ParamDocument,
  signal: AbortSignal,
): Promise<DatasetExtras> {
  if (document.params.method === 'script') {
    // Rebuilding the tables means scoring rows, which only the workbench's sandbox does for a script.
    return {
      available: false,
      reason:
        "a script model's rows can only be scored in the workbench's sandbox, so the report shows the metrics stored when it was fitted",
    };
  }
  const recorded = document.provenance.dataset;
  const candidates = findDatasetsBySha256(db, recorded.sourceSha256);
  const dataset = candidates.find((d) => d.name === recorded.name) ?? candidates[0];
  if (!dataset) {
    return {
      available: false,
      reason: `the dataset "${recorded.name}" (source SHA-256 ${recorded.sourceSha256.slice(0, 12)}…) is not in this workspace`,
    };
  }
  let sample: AnalysisSample;
  try {
    sample = loadAnalysisSample(db, {
      dataset: { id: dataset.id },
      scoreColumn: document.provenance.columns.score ?? undefined,
      outcomeColumn: document.provenance.columns.outcome,
      weightColumn: document.provenance.columns.weight ?? undefined,
      scoreInput: document.scoreInput,
      filter: document.provenance.filter ?? undefined,
    });
  } catch (error) {
    return {
      available: false,
      reason: `the dataset "${dataset.name}" cannot be read as recorded (${(error as Error).message})`,
    };
  }
  const { subset, description } = evaluationRows(db, sample, document);
  const params = document.params;
  const calibrated =
    params.method === 'segmented-platt'
      ? applySegmentedParams(
          params,
          subset.p,
          segmentLabels(db, subset.details, params.column, subset.rowIndex),
        )
      : applyCalibration(params, subset.p);

  const diagnosticOf = (p: Float64Array) =>
    pool.run<{ diagnostic: Diagnostic; roc: RocCurve }>(
      'analysis.diagnostic',
      {
        p,
        y: subset.y,
        w: subset.w,
        options: {
          bins: document.validationMetrics.bins.count,
          binning: document.validationMetrics.bins.binning,
        },
      },
      { signal },
    );
  const [after, before] = await Promise.all([diagnosticOf(calibrated), diagnosticOf(subset.p)]);

  const groupings: Array<{ title: string; by: Grouping }> = subset.details.columns
    .filter(
      (c) => c.role === 'segment' && (c.kind === 'category' || c.kind === 'boolean' || c.kind === 'text'),
    )
    .map((c) => ({ title: `By ${c.name}`, by: { kind: 'segment', column: c.name } }));
  if (subset.details.columns.some((c) => c.role === 'time')) {
    groupings.push({ title: 'Over time (by month)', by: { kind: 'period', period: 'month' } });
  }
  const tables: GroupTable[] = [];
  for (const grouping of groupings) {
    const { groupOf, groups } = groupRows(db, subset, grouping.by);
    const measured = await pool.run<GroupCalibration[]>(
      'analysis.groups',
      { p: calibrated, y: subset.y, w: subset.w, groupOf, groups },
      { signal },
    );
    tables.push({ title: grouping.title, groups: measured.filter((g) => g.n > 0) });
  }
  return {
    available: true,
    dataset,
    rowsDescription: description,
    rows: subset.p.length,
    roc: { calibrated: after.roc, uncalibrated: before.roc },
    tables,
  };
}

function evaluationRows(
  db: Database.Database,
  sample: AnalysisSample,
  document: ParamDocument,
): { subset: AnalysisSample; description: string } {
  const validation = document.provenance.validation;
  let keep: Uint8Array | null = null;
  let description = 'every used row (the map was fitted on these rows too)';
  if (validation.scheme === 'holdout') {
    keep = stratifiedHoldout(sample.y, validation.testFraction, validation.seed);
    description = `the holdout test rows (${Math.round(validation.testFraction * 100)} %, seed ${validation.seed})`;
  } else if (validation.scheme === 'time') {
    const timeColumn = sample.details.columns.find((c) => c.role === 'time');
    if (timeColumn) {
      const all = readColumn(db, sample.details.summary.id, timeColumn.name) as Float64Array;
      const times = Float64Array.from(sample.rowIndex, (row) => all[row]!);
      keep = timeSplit(times, Date.parse(validation.splitAt)).map((side) => (side === 1 ? 1 : 0));
      description = `the out-of-time test rows (from ${validation.splitAt})`;
    }
  } else if (validation.scheme === 'kfold') {
    description = 'every used row (k-fold: the kept map was fitted on all of them)';
  }
  if (!keep) return { subset: sample, description };
  const k = keep;
  const count = k.reduce((a, b) => a + b, 0);
  const p = new Float64Array(count);
  const y = new Uint8Array(count);
  const w = sample.w ? new Float64Array(count) : undefined;
  const rowIndex = new Uint32Array(count);
  for (let i = 0, j = 0; i < k.length; i++) {
    if (k[i] !== 1) continue;
    p[j] = sample.p[i]!;
    y[j] = sample.y[i]!;
    if (w && sample.w) w[j] = sample.w[i]!;
    rowIndex[j++] = sample.rowIndex[i]!;
  }
  return { subset: { ...sample, p, y, w, rowIndex }, description };
}
