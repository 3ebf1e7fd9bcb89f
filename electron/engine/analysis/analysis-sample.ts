import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { AnalysisUsage } from '../../../shared/api/calls/analysis-calls';
import type { DatasetFilter } from '../../../shared/domain/dataset-filter';
import type { DatasetDetails, DatasetRef, StoredColumn } from '../../../shared/domain/dataset-details';
import { toProbability } from '../../../shared/score-input/score-conversion';
import type { ScoreInput } from '../../../shared/score-input/score-input';
import { ScoreInputError } from '../../../shared/score-input/score-input-error';
import { getDatasetDetails } from '../store/dataset-details';
import { filterMask } from '../store/filter-rows';
import { readColumn } from '../store/read-column';
import { MISSING_BOOLEAN } from '../store/column-spec';
import { sharedFloat64, sharedUint8 } from './shared-arrays';

export interface AnalysisSelectionResolved {
  dataset: DatasetRef;
  scoreColumn?: string | undefined;
  scoreInput?: ScoreInput | undefined;
  outcomeColumn?: string | undefined;
  weightColumn?: string | undefined;
  filter?: DatasetFilter | undefined;
}

/** Probabilities, outcomes and weights of the rows an analysis uses, in shared memory. */
export interface AnalysisSample {
  p: Float64Array;
  y: Uint8Array;
  w: Float64Array | undefined;
  /** Row number in the dataset of each used row (for per-row outputs and time/segment joins). */
  rowIndex: Uint32Array;
  usage: AnalysisUsage;
  details: DatasetDetails;
}

/** Reads the selected columns, applies the filter, drops rows with a missing value, converts scores. */
export function loadAnalysisSample(
  db: Database.Database,
  selection: AnalysisSelectionResolved,
): AnalysisSample {
  const details = getDatasetDetails(db, selection.dataset);
  const score = pickColumn(details, selection.scoreColumn, 'score', ['number', 'integer']);
  const outcome = pickColumn(details, selection.outcomeColumn, 'outcome', ['boolean', 'integer', 'number']);
  const weight = selection.weightColumn
    ? pickColumn(details, selection.weightColumn, 'weight', ['number', 'integer'])
    : null;
  const scoreInput = selection.scoreInput ?? defaultScoreInput(score);

  const id = details.summary.id;
  const rawScore = readColumn(db, id, score.name) as Float64Array;
  const rawOutcome = readColumn(db, id, outcome.name);
  const rawWeight = weight ? (readColumn(db, id, weight.name) as Float64Array) : null;
  const mask = selection.filter ? filterMask(db, id, selection.filter) : null;
  const rows = details.summary.rows;

  let afterFilter = 0;
  let used = 0;
  const keep = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    if (mask && mask[i] === 0) continue;
    afterFilter++;
    const o = rawOutcome[i] as number;
    const outcomeOk = outcome.storage === 'uint8' ? o !== MISSING_BOOLEAN : o === 0 || o === 1;
    if (outcome.storage !== 'uint8' && !Number.isNaN(o) && o !== 0 && o !== 1) {
      throw new ApiError(
        'invalid-input',
        `Outcome column "${outcome.name}" holds ${o} at row ${i + 1}; outcomes must be 0 or 1.`,
      );
    }
    if (!outcomeOk || Number.isNaN(rawScore[i] as number)) continue;
    if (rawWeight && !Number.isFinite(rawWeight[i] as number)) continue;
    keep[i] = 1;
    used++;
  }

  const rawKept = new Float64Array(used);
  const y = sharedUint8(used);
  const w = rawWeight ? sharedFloat64(used) : undefined;
  const rowIndex = new Uint32Array(used);
  for (let i = 0, k = 0; i < rows; i++) {
    if (keep[i] !== 1) continue;
    rawKept[k] = rawScore[i] as number;
    y[k] = rawOutcome[i] as number;
    if (w && rawWeight) w[k] = rawWeight[i] as number;
    rowIndex[k] = i;
    k++;
  }
  const p = sharedFloat64(used);
  try {
    p.set(toProbability(scoreInput, rawKept));
  } catch (error) {
    if (error instanceof ScoreInputError) {
      const row = (rowIndex[error.row] ?? 0) + 1;
      throw new ApiError(
        'invalid-input',
        `Score column "${score.name}" read as ${scoreInput.kind}: row ${row} holds ${rawKept[error.row]}, which is not a valid ${scoreInput.kind}.`,
        'Choose how the score is read (probability, logit or points) to match the column.',
      );
    }
    throw error;
  }
  return {
    p,
    y,
    w,
    rowIndex,
    details,
    usage: {
      datasetId: id,
      datasetName: details.summary.name,
      scoreColumn: score.name,
      scoreInput,
      outcomeColumn: outcome.name,
      weightColumn: weight?.name ?? null,
      rowsInDataset: rows,
      rowsAfterFilter: afterFilter,
      rowsMissing: afterFilter - used,
      rowsUsed: used,
    },
  };
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

function defaultScoreInput(score: StoredColumn): ScoreInput {
  if (score.scoreScale === 'logit') return { kind: 'logit' };
  if (score.scoreScale === 'points') {
    throw new ApiError(
      'invalid-input',
      `Score column "${score.name}" holds scorecard points; give the points offset, factor and direction.`,
    );
  }
  return { kind: 'probability' };
}
