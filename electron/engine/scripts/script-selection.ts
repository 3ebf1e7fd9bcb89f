import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import { stratifiedHoldout, timeSplit } from '../../../shared/analysis/validation-splits';
import type { DatasetDetails, StoredColumn } from '../../../shared/domain/dataset-details';
import type { ScoreInput } from '../../../shared/score-input/score-input';
import type { ScriptData, ScriptSelectionSchema } from '../../../shared/scripting/script-data';
import { MISSING_BOOLEAN } from '../store/column-spec';
import { getDatasetDetails } from '../store/dataset-details';
import { filterMask } from '../store/filter-rows';
import { readColumn } from '../store/read-column';

export type ScriptSelectionInput = z.output<typeof ScriptSelectionSchema>;

/** The production score a script is compared with, and how it is read as a probability. */
export interface ProductionScore {
  column: StoredColumn;
  scoreInput: ScoreInput;
}

/**
 * The rows a script runs on, decided once here for both `scripts.data` and `scripts.saveRun`, so the
 * split the engine measures is, row for row, the split the sandbox fitted on.
 */
export interface ScriptRows {
  details: DatasetDetails;
  outcome: StoredColumn;
  weight: StoredColumn | null;
  score: ProductionScore | null;
  /** Dataset row number of each used row, in dataset order. */
  rowIndex: Uint32Array;
  /** Outcome 0/1 per used row. */
  y: Uint8Array;
  /** Weight per used row (all finite and positive); undefined without a weight column. */
  w: Float64Array | undefined;
  /** 1 test, 0 train per used row (`none`: all 1; every row is both). */
  isTest: Uint8Array;
  rows: ScriptData['rows'];
}

/**
 * Resolves the columns, applies the filter (the analyses' own `filterMask`), keeps the rows with an
 * outcome (and a positive weight; and a time, for a time split) and splits them: the holdout is
 * `stratifiedHoldout` over the used rows' outcomes, exactly as `calibration.run` draws it, so the
 * same seed on the same rows gives the same test set.
 */
export function resolveScriptRows(db: Database.Database, selection: ScriptSelectionInput): ScriptRows {
  const details = getDatasetDetails(db, selection.dataset);
  const id = details.summary.id;
  const outcome = pickColumn(details, selection.outcomeColumn, 'outcome', ['boolean', 'integer', 'number']);
  const weight = selection.weightColumn
    ? pickColumn(details, selection.weightColumn, 'weight', ['number', 'integer'])
    : null;
  const score = productionScore(details, selection);
  const validation = selection.validation;
  const timeColumn = validation.scheme === 'time' ? requireTimeColumn(details) : null;

  const rawOutcome = readColumn(db, id, outcome.name);
  const rawWeight = weight ? (readColumn(db, id, weight.name) as Float64Array) : null;
  const rawTime = timeColumn ? (readColumn(db, id, timeColumn.name) as Float64Array) : null;
  const mask = selection.filter ? filterMask(db, id, selection.filter) : null;
  const inDataset = details.summary.rows;

  let afterFilter = 0;
  const keep = new Uint8Array(inDataset);
  let used = 0;
  for (let i = 0; i < inDataset; i++) {
    if (mask && mask[i] === 0) continue;
    afterFilter++;
    const o = rawOutcome[i]!;
    if (outcome.storage !== 'uint8' && !Number.isNaN(o) && o !== 0 && o !== 1) {
      throw new ApiError(
        'invalid-input',
        `Outcome column "${outcome.name}" holds ${o} at row ${i + 1}; outcomes must be 0 or 1.`,
      );
    }
    const outcomeOk = outcome.storage === 'uint8' ? o !== MISSING_BOOLEAN : o === 0 || o === 1;
    if (!outcomeOk) continue;
    // A weight of zero (or below) says the row does not count; a script fit has no use for it.
    if (rawWeight && !(rawWeight[i]! > 0 && rawWeight[i]! < Infinity)) continue;
    if (rawTime && Number.isNaN(rawTime[i]!)) continue;
    keep[i] = 1;
    used++;
  }
  if (used === 0) {
    throw new ApiError(
      'invalid-input',
      `No rows of dataset "${details.summary.name}" are left to run a script on: ${afterFilter} rows pass the filter, and none has an outcome${weight ? ' and a positive weight' : ''}${timeColumn ? ' and a time' : ''}.`,
    );
  }

  const rowIndex = new Uint32Array(used);
  const y = new Uint8Array(used);
  const w = rawWeight ? new Float64Array(used) : undefined;
  const times = rawTime ? new Float64Array(used) : null;
  for (let i = 0, k = 0; i < inDataset; i++) {
    if (keep[i] !== 1) continue;
    rowIndex[k] = i;
    y[k] = rawOutcome[i]!;
    if (w && rawWeight) w[k] = rawWeight[i]!;
    if (times && rawTime) times[k] = rawTime[i]!;
    k++;
  }

  let isTest: Uint8Array;
  if (validation.scheme === 'holdout')
    isTest = stratifiedHoldout(y, validation.testFraction, validation.seed);
  else if (validation.scheme === 'time') isTest = timeSplit(times!, validation.splitAt);
  else isTest = new Uint8Array(used).fill(1);
  let test = 0;
  for (let k = 0; k < used; k++) test += isTest[k]!;
  const train = validation.scheme === 'none' ? used : used - test;
  if (validation.scheme !== 'none' && (train === 0 || test === 0)) {
    throw new ApiError(
      'invalid-input',
      validation.scheme === 'time'
        ? `The out-of-time split at ${new Date(validation.splitAt).toISOString()} leaves ${train} training and ${test} test rows; choose a date inside the data.`
        : `The holdout leaves ${train} training and ${test} test rows of ${used}; use more rows or another test fraction.`,
    );
  }
  return {
    details,
    outcome,
    weight,
    score,
    rowIndex,
    y,
    w,
    isTest,
    rows: { inDataset, afterFilter, missing: afterFilter - used, used, train, test },
  };
}

/** The columns a script may never read: the outcome and weight it is fitted to (by role and as chosen). */
export function forbiddenColumns(rows: ScriptRows): Map<string, string> {
  const forbidden = new Map<string, string>();
  for (const column of rows.details.columns) {
    if (column.role === 'outcome' || column.role === 'weight') forbidden.set(column.name, column.role);
  }
  forbidden.set(rows.outcome.name, 'outcome');
  if (rows.weight) forbidden.set(rows.weight.name, 'weight');
  return forbidden;
}

function productionScore(details: DatasetDetails, selection: ScriptSelectionInput): ProductionScore | null {
  const requested = selection.scoreColumn;
  const byRole = details.columns.find((c) => c.role === 'score');
  if (!requested && !byRole) return null;
  const column = pickColumn(details, requested, 'score', ['number', 'integer']);
  return { column, scoreInput: selection.scoreInput ?? defaultScoreInput(column) };
}

/** As analyses read a score column: its recorded scale; points need the scorecard's rule. */
function defaultScoreInput(score: StoredColumn): ScoreInput {
  if (score.scoreScale === 'logit') return { kind: 'logit' };
  if (score.scoreScale === 'points') {
    throw new ApiError(
      'invalid-input',
      `Score column "${score.name}" holds scorecard points; give the points offset, factor and direction (scoreInput) to compare the script with it.`,
    );
  }
  return { kind: 'probability' };
}

function requireTimeColumn(details: DatasetDetails): StoredColumn {
  const column = details.columns.find((c) => c.role === 'time');
  if (!column) {
    throw new ApiError(
      'invalid-input',
      `Dataset "${details.summary.name}" has no time column for an out-of-time split.`,
    );
  }
  return column;
}

function pickColumn(
  details: DatasetDetails,
  requested: string | undefined,
  role: 'score' | 'outcome' | 'weight',
  kinds: StoredColumn['kind'][],
): StoredColumn {
  const name = details.summary.name;
  const column = requested
    ? details.columns.find((c) => c.name === requested)
    : details.columns.find((c) => c.role === role);
  if (!column) {
    throw new ApiError(
      'invalid-input',
      requested
        ? `Dataset "${name}" has no column "${requested}".`
        : `Dataset "${name}" has no column with the ${role} role; name the ${role} column.`,
    );
  }
  if (!kinds.includes(column.kind)) {
    throw new ApiError(
      'invalid-input',
      `Column "${column.name}" is ${column.kind}; a ${role} column must be ${kinds.join(' or ')}.`,
    );
  }
  return column;
}
