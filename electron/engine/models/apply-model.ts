import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import type { ApplyInputSchema, ApplyOutput, Monitoring } from '../../../shared/api/calls/model-calls';
import type { RocCurveSchema } from '../../../shared/charts/chart-schemas';
import type { DatasetDetails, StoredColumn } from '../../../shared/domain/dataset-details';
import type { Diagnostic } from '../../../shared/metrics/diagnostic-schema';
import { applyParamDocument } from '../../../shared/param-file/apply-param-document';
import type { ParamDocument } from '../../../shared/param-file/param-file-schema';
import { ScoreInputError } from '../../../shared/score-input/score-input-error';
import { CalibrationInputError } from '../../../shared/calibration/calibration-input-error';
import type { CallContext } from '../api/call-context';
import { MISSING_BOOLEAN } from '../store/column-spec';
import { getDatasetDetails } from '../store/dataset-details';
import { filterMask } from '../store/filter-rows';
import { readColumn } from '../store/read-column';
import { readDictionary } from '../store/read-dictionary';
import type { WorkerPool } from '../workers/worker-pool';
import { driftChecks, worstLight } from './drift-checks';
import { resolveParamsSource } from './params-source';
import { refuseScript } from './script-refusal';
import { writeScoredCsv, type ExtraColumn } from './scored-csv';

type ApplyInput = z.output<typeof ApplyInputSchema>;

/**
 * Scores a dataset with a parameter document: the calibrated probability (and the Venn-ABERS
 * interval) for every row with a score, written to a CSV next to the original columns; and, where
 * the rows have outcomes, calibration measured on them and compared with the training metrics.
 */
export async function applyModel(
  db: Database.Database,
  pool: WorkerPool,
  input: ApplyInput,
  context: CallContext,
): Promise<ApplyOutput> {
  const { document, label } = resolveParamsSource(db, input.source);
  refuseScript(document, label);
  const details = getDatasetDetails(db, input.dataset);
  const datasetName = details.summary.name;
  const rows = details.summary.rows;
  const score = requireColumn(details, input.scoreColumn ?? document.provenance.columns.score ?? '', [
    'number',
    'integer',
  ]);
  const outcome = pickOutcome(details, input.outcomeColumn, document);
  const weightName = document.provenance.columns.weight;
  const weight = weightName ? (details.columns.find((c) => c.name === weightName) ?? null) : null;
  progress(context, 'Scoring rows', 0, rows);

  const mask = input.filter ? filterMask(db, details.summary.id, input.filter) : null;
  const rawScore = readColumn(db, details.summary.id, score.name) as Float64Array;
  let afterFilter = 0;
  let scored = 0;
  for (let i = 0; i < rows; i++) {
    if (mask && mask[i] === 0) continue;
    afterFilter++;
    if (!Number.isNaN(rawScore[i]!)) scored++;
  }
  const rowOf = new Uint32Array(scored);
  const kept = new Float64Array(scored);
  for (let i = 0, k = 0; i < rows; i++) {
    if ((mask && mask[i] === 0) || Number.isNaN(rawScore[i]!)) continue;
    rowOf[k] = i;
    kept[k++] = rawScore[i]!;
  }
  const segments =
    document.params.method === 'segmented-platt'
      ? segmentLabels(db, details, document.params.column, rowOf)
      : undefined;
  const applied = applyOrExplain(document, kept, rowOf, score.name, segments);
  const perRow = (values: Float64Array) => {
    const out = new Float64Array(rows).fill(Number.NaN);
    for (let k = 0; k < scored; k++) out[rowOf[k]!] = values[k]!;
    return out;
  };

  let monitored = 0;
  let monitoring: Monitoring | null = null;
  if (outcome) {
    const sample = monitoredRows(db, details, outcome, weight, rowOf, applied.p);
    monitored = sample.p.length;
    if (monitored > 0) monitoring = await monitor(pool, document, sample, context);
  }

  let output: ApplyOutput['output'] = null;
  if (input.outPath) {
    const extras: ExtraColumn[] = [{ name: input.column, values: perRow(applied.p) }];
    if (applied.p0 && applied.p1) {
      extras.push({ name: `${input.column}_p0`, values: perRow(applied.p0) });
      extras.push({ name: `${input.column}_p1`, values: perRow(applied.p1) });
    }
    const bytes = writeScoredCsv(
      db,
      details,
      mask,
      extras,
      input.outPath,
      (done) => progress(context, 'Writing the scored CSV', done, rows),
      context.signal,
    );
    output = { path: input.outPath, columns: extras.map((e) => e.name), bytes };
  }
  return {
    method: document.method,
    datasetName,
    scoreColumn: score.name,
    outcomeColumn: outcome?.name ?? null,
    rows: { inDataset: rows, afterFilter, scored, missingScore: afterFilter - scored, monitored },
    output,
    monitoring,
  };
}

function applyOrExplain(
  document: ParamDocument,
  raw: Float64Array,
  rowOf: Uint32Array,
  column: string,
  segments: (string | null)[] | undefined,
) {
  try {
    return applyParamDocument(document, raw, segments);
  } catch (error) {
    if (error instanceof ScoreInputError || error instanceof CalibrationInputError) {
      const index =
        error instanceof ScoreInputError ? error.row : Number(/row (\d+)/.exec(error.message)?.[1] ?? 0);
      throw new ApiError(
        'invalid-input',
        `Score column "${column}" read as ${document.scoreInput.kind}: row ${rowOf[index]! + 1} holds ${raw[index]}, which the parameter file cannot read.`,
        'Check that the file was fitted on this kind of score, or name the score column.',
      );
    }
    throw error;
  }
}

/**
 * The segment label of each scored row, for a segmented file: the file names its column, and the
 * labels are compared as text with the ones it was fitted on (a missing value is null and takes the
 * global map, as does a label the file has no map for).
 */
export function segmentLabels(
  db: Database.Database,
  details: DatasetDetails,
  name: string,
  rowOf: Uint32Array,
): (string | null)[] {
  const column = details.columns.find((c) => c.name === name);
  if (!column) {
    throw new ApiError(
      'invalid-input',
      `Dataset "${details.summary.name}" has no column "${name}"; the segmented parameter file picks each row's map by it.`,
      'Score data that carries the segment column the file was fitted on.',
    );
  }
  const codes = readColumn(db, details.summary.id, column.name);
  if (column.kind === 'boolean') {
    return Array.from(rowOf, (row) => {
      const v = codes[row]!;
      return v === MISSING_BOOLEAN ? null : String(v);
    });
  }
  if (column.kind !== 'category' && column.kind !== 'text') {
    throw new ApiError(
      'invalid-input',
      `Column "${name}" is ${column.kind}; the segmented parameter file needs it as a category (its labels select the maps).`,
      'Import the data with the column as a segment (scorecal import --segment), so it is read as a category.',
    );
  }
  const labels = readDictionary(db, details.summary.id, column.name);
  return Array.from(rowOf, (row) => {
    const code = codes[row]!;
    return code >= 0 && code < labels.length ? labels[code]! : null;
  });
}

interface MonitoredSample {
  p: Float64Array;
  y: Uint8Array;
  w: Float64Array | undefined;
}

/** Scored rows that also have an outcome (and a finite weight when the file was weighted). */
function monitoredRows(
  db: Database.Database,
  details: DatasetDetails,
  outcome: StoredColumn,
  weight: StoredColumn | null,
  rowOf: Uint32Array,
  calibrated: Float64Array,
): MonitoredSample {
  const id = details.summary.id;
  const rawOutcome = readColumn(db, id, outcome.name);
  const rawWeight = weight ? (readColumn(db, id, weight.name) as Float64Array) : null;
  const take: number[] = [];
  for (let k = 0; k < rowOf.length; k++) {
    const row = rowOf[k]!;
    const o = rawOutcome[row]!;
    const ok = outcome.storage === 'uint8' ? o !== MISSING_BOOLEAN : o === 0 || o === 1;
    if (!ok) continue;
    if (rawWeight && !(rawWeight[row]! >= 0 && Number.isFinite(rawWeight[row]!))) continue;
    take.push(k);
  }
  const p = new Float64Array(take.length);
  const y = new Uint8Array(take.length);
  const w = rawWeight ? new Float64Array(take.length) : undefined;
  take.forEach((k, j) => {
    const row = rowOf[k]!;
    p[j] = calibrated[k]!;
    y[j] = rawOutcome[row]!;
    if (w && rawWeight) w[j] = rawWeight[row]!;
  });
  return { p, y, w };
}

async function monitor(
  pool: WorkerPool,
  document: ParamDocument,
  sample: MonitoredSample,
  context: CallContext,
): Promise<Monitoring> {
  progress(context, 'Measuring calibration on the new rows', 0, null);
  const bins = document.validationMetrics.bins;
  const result = await pool.run<{ diagnostic: Diagnostic; roc: z.infer<typeof RocCurveSchema> }>(
    'analysis.diagnostic',
    { ...sample, options: { bins: bins.count, binning: bins.binning } },
    { signal: context.signal },
  );
  const training = document.validationMetrics.calibrated;
  const checks = driftChecks(result.diagnostic, training.diagnostic, training.ci);
  return {
    diagnostic: result.diagnostic,
    roc: result.roc,
    training: training.diagnostic,
    checks,
    light: worstLight(checks.map((c) => c.light)),
  };
}

function pickOutcome(details: DatasetDetails, requested: string | undefined, document: ParamDocument) {
  if (requested) return requireColumn(details, requested, ['boolean', 'integer', 'number']);
  const named = details.columns.find((c) => c.name === document.provenance.columns.outcome);
  const byRole = details.columns.find((c) => c.role === 'outcome');
  const found = named ?? byRole ?? null;
  return found && ['boolean', 'integer', 'number'].includes(found.kind) ? found : null;
}

function requireColumn(details: DatasetDetails, name: string, kinds: StoredColumn['kind'][]): StoredColumn {
  const column = details.columns.find((c) => c.name === name);
  if (!column) {
    throw new ApiError(
      'invalid-input',
      `Dataset "${details.summary.name}" has no column "${name}".`,
      'Name the score column of this dataset (the parameter file was fitted on a column of that name).',
    );
  }
  if (!kinds.includes(column.kind)) {
    throw new ApiError(
      'invalid-input',
      `Column "${name}" is ${column.kind}; it must be ${kinds.join(' or ')}.`,
    );
  }
  return column;
}

function progress(context: CallContext, phase: string, done: number, total: number | null) {
  context.onProgress({ phase, done, total, unit: 'rows', rate: null, etaSeconds: null });
}
