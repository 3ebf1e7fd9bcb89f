import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/api-error';
import type { StoredColumn } from '../../../shared/domain/dataset-details';
import { encodeBinaryArray } from '../../../shared/scripting/binary-array';
import type { ScriptColumn } from '../../../shared/scripting/script-data';
import { MISSING_BOOLEAN } from '../store/column-spec';
import { readColumn } from '../store/read-column';
import { readDictionary } from '../store/read-dictionary';
import { forbiddenColumns, type ScriptRows } from './script-selection';

/** What a script's rows see for a missing boolean (0 and 1 are the values; see ScriptColumnSchema). */
export const SCRIPT_MISSING_BOOLEAN = 2;

/**
 * Checks the requested column names before anything is read: each must exist, appear once, and be
 * neither the outcome nor the weight (a formula must not read the answer it is fitted to).
 */
export function checkScriptColumns(rows: ScriptRows, names: readonly string[]): StoredColumn[] {
  const forbidden = forbiddenColumns(rows);
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) {
      throw new ApiError('invalid-input', `Column "${name}" is named twice; name each script column once.`);
    }
    seen.add(name);
    const role = forbidden.get(name);
    if (role) {
      throw new ApiError(
        'invalid-input',
        `Column "${name}" is the ${role} column; a script's rows never carry the ${role}, so the formula cannot read what it is fitted to.`,
      );
    }
    const column = rows.details.columns.find((c) => c.name === name);
    if (!column) {
      throw new ApiError('invalid-input', `Dataset "${rows.details.summary.name}" has no column "${name}".`);
    }
    return column;
  });
}

/**
 * One column's values on the used rows, encoded by kind (ScriptColumnSchema): numbers and timestamps
 * float64 with NaN missing (as stored), booleans uint8 0/1 with 2 missing, categories and text int32
 * codes into the stored dictionary with -1 missing (as stored).
 */
export function encodeScriptColumn(
  db: Database.Database,
  rows: ScriptRows,
  column: StoredColumn,
): ScriptColumn {
  const id = rows.details.summary.id;
  const stored = readColumn(db, id, column.name);
  const n = rows.rowIndex.length;
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(out: T): T => {
    for (let k = 0; k < n; k++) out[k] = stored[rows.rowIndex[k]!]!;
    return out;
  };
  switch (column.kind) {
    case 'number':
    case 'integer':
    case 'timestamp':
      return {
        name: column.name,
        kind: column.kind,
        values: encodeBinaryArray(pick(new Float64Array(n))),
        dictionary: null,
      };
    case 'boolean': {
      const values = pick(new Uint8Array(n));
      for (let k = 0; k < n; k++) if (values[k] === MISSING_BOOLEAN) values[k] = SCRIPT_MISSING_BOOLEAN;
      return { name: column.name, kind: 'boolean', values: encodeBinaryArray(values), dictionary: null };
    }
    case 'category':
    case 'text':
      return {
        name: column.name,
        kind: column.kind,
        values: encodeBinaryArray(pick(new Int32Array(n))),
        dictionary: readDictionary(db, id, column.name),
      };
  }
}
