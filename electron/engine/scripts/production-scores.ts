import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import { toProbability } from '../../../shared/score-input/score-conversion';
import { ScoreInputError } from '../../../shared/score-input/score-input-error';
import { readColumn } from '../store/read-column';
import type { ScriptRows } from './script-selection';

export interface TestRows {
  p: Float64Array;
  y: Uint8Array;
  w: Float64Array | undefined;
}

/** The test rows' outcomes and weights, in dataset order, beside the given probabilities. */
export function testRowsOf(rows: ScriptRows, p: Float64Array): TestRows {
  const n = rows.rows.test;
  const y = new Uint8Array(n);
  const w = rows.w ? new Float64Array(n) : undefined;
  for (let k = 0, j = 0; k < rows.isTest.length; k++) {
    if (rows.isTest[k] !== 1) continue;
    y[j] = rows.y[k]!;
    if (w && rows.w) w[j] = rows.w[k]!;
    j++;
  }
  return { p, y, w };
}

/**
 * The production score on the test rows that have one, read as a probability by its score rule
 * (as analyses read it); null without a score column or when no test row has a score. A value the
 * rule cannot read stops the run with the dataset row, as in every analysis.
 */
export function productionTestRows(db: Database.Database, rows: ScriptRows): TestRows | null {
  if (!rows.score) return null;
  const { column, scoreInput } = rows.score;
  const raw = readColumn(db, rows.details.summary.id, column.name) as Float64Array;
  const take: number[] = [];
  for (let k = 0; k < rows.isTest.length; k++) {
    if (rows.isTest[k] === 1 && !Number.isNaN(raw[rows.rowIndex[k]!]!)) take.push(k);
  }
  if (take.length === 0) return null;
  const kept = Float64Array.from(take, (k) => raw[rows.rowIndex[k]!]!);
  let p: Float64Array;
  try {
    p = toProbability(scoreInput, kept);
  } catch (error) {
    if (error instanceof ScoreInputError) {
      const row = rows.rowIndex[take[error.row]!]! + 1;
      throw new ApiError(
        'invalid-input',
        `Score column "${column.name}" read as ${scoreInput.kind}: row ${row} holds ${kept[error.row]}, which is not a valid ${scoreInput.kind}.`,
        'Choose how the score is read (probability, logit or points) to match the column.',
      );
    }
    throw error;
  }
  const y = Uint8Array.from(take, (k) => rows.y[k]!);
  const w = rows.w ? Float64Array.from(take, (k) => rows.w![k]!) : undefined;
  return { p, y, w };
}
