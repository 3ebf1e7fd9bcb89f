import type Database from 'better-sqlite3';
import { encodeBinaryArray } from '../../../shared/scripting/binary-array';
import type { ScriptColumn, ScriptData } from '../../../shared/scripting/script-data';
import type { CallContext } from '../api/call-context';
import { checkpoint } from './call-checkpoint';
import { checkScriptColumns, encodeScriptColumn } from './script-columns';
import { resolveScriptRows, type ScriptSelectionInput } from './script-selection';

/**
 * `scripts.data`: the rows a script is fitted and tested on, with the columns it reads, the
 * outcome, the weights and the split. Everything the sandbox needs and nothing more: the outcome and
 * weight travel separately and never as a script column.
 */
export async function scriptData(
  db: Database.Database,
  selection: ScriptSelectionInput,
  context: CallContext,
): Promise<ScriptData> {
  const total = selection.columns.length + 1;
  await checkpoint(context, 'Reading the script data', 'Selecting rows', 0, total);
  const rows = resolveScriptRows(db, selection);
  const wanted = checkScriptColumns(rows, selection.columns);
  const columns: ScriptColumn[] = [];
  for (const [index, column] of wanted.entries()) {
    await checkpoint(context, 'Reading the script data', 'Reading columns', index + 1, total);
    columns.push(encodeScriptColumn(db, rows, column));
  }
  context.onProgress({
    phase: 'Reading columns',
    done: total,
    total,
    unit: 'steps',
    rate: null,
    etaSeconds: null,
  });
  return {
    datasetId: rows.details.summary.id,
    datasetName: rows.details.summary.name,
    outcomeColumn: rows.outcome.name,
    weightColumn: rows.weight?.name ?? null,
    scoreColumn: rows.score?.column.name ?? null,
    validation: selection.validation,
    rows: rows.rows,
    columns,
    outcome: encodeBinaryArray(rows.y),
    weight: rows.w ? encodeBinaryArray(rows.w) : null,
    isTest: encodeBinaryArray(rows.isTest),
  };
}
