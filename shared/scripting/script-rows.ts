import type { DecodedColumn } from './decoded-script-data';

export type ScriptRowValue = number | string | boolean | null;
export type ScriptRow = Record<string, ScriptRowValue>;

/**
 * One plain object per row, all built with the same keys in the same order, so the engine running
 * the script gives them one hidden class and `row.leverage` in a score function stays a
 * monomorphic property load (rebuilding rows per evaluation, or a reused cursor written with
 * computed keys, measured several times slower). Rows are frozen: a score function cannot change
 * the data the next evaluation sees.
 */
export function buildScriptRows(columns: readonly DecodedColumn[], count: number): ScriptRow[] {
  const rows = new Array<ScriptRow>(count);
  for (let i = 0; i < count; i++) {
    const row: ScriptRow = {};
    for (const column of columns) row[column.name] = cellValue(column, i);
    rows[i] = Object.freeze(row);
  }
  return rows;
}

function cellValue(column: DecodedColumn, i: number): ScriptRowValue {
  const raw = column.values[i]!;
  switch (column.kind) {
    case 'number':
    case 'integer':
    case 'timestamp':
      return raw;
    case 'boolean':
      return raw === 2 ? null : raw === 1;
    case 'category':
    case 'text':
      return raw < 0 ? null : (column.dictionary![raw] ?? null);
  }
}
