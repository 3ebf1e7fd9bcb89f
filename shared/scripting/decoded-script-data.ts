import { decodeBinaryArray } from './binary-array';
import type { ScriptColumn, ScriptData } from './script-data';

export interface DecodedColumn {
  readonly name: string;
  readonly kind: ScriptColumn['kind'];
  readonly values: Float64Array | Int32Array | Uint8Array;
  readonly dictionary: readonly string[] | null;
}

/** ScriptData with its arrays decoded and their lengths checked against the row count. */
export interface DecodedScriptData {
  readonly used: number;
  readonly columns: readonly DecodedColumn[];
  readonly outcome: Uint8Array;
  readonly weight: Float64Array | null;
  readonly isTest: Uint8Array;
  /** Indices of the rows the parameters are fitted on (with no validation: every row). */
  readonly trainRows: Uint32Array;
  readonly testRows: Uint32Array;
}

const ENCODING: Record<ScriptColumn['kind'], 'float64' | 'int32' | 'uint8'> = {
  number: 'float64',
  integer: 'float64',
  timestamp: 'float64',
  boolean: 'uint8',
  category: 'int32',
  text: 'int32',
};

export function decodeScriptData(data: ScriptData): DecodedScriptData {
  const used = data.rows.used;
  const checked = <T extends { length: number }>(what: string, values: T): T => {
    if (values.length !== used) throw new RangeError(`${what} has ${values.length} values for ${used} rows`);
    return values;
  };
  const columns = data.columns.map((column): DecodedColumn => {
    const expected = ENCODING[column.kind];
    if (column.values.type !== expected) {
      throw new TypeError(`column ${column.name} (${column.kind}) must be encoded as ${expected}`);
    }
    if ((column.kind === 'category' || column.kind === 'text') && column.dictionary === null) {
      throw new TypeError(`column ${column.name} (${column.kind}) needs its dictionary`);
    }
    return {
      name: column.name,
      kind: column.kind,
      values: checked(`column ${column.name}`, decodeBinaryArray(column.values)),
      dictionary: column.dictionary,
    };
  });
  const isTest = checked('the split', decodeBinaryArray({ ...data.isTest, type: 'uint8' as const }));
  const validated = data.validation.scheme !== 'none';
  let train = 0;
  let test = 0;
  for (let i = 0; i < used; i++) {
    if (isTest[i] === 1) test++;
    if (isTest[i] === 0 || !validated) train++;
  }
  const trainRows = new Uint32Array(train);
  const testRows = new Uint32Array(test);
  for (let i = 0, a = 0, b = 0; i < used; i++) {
    if (isTest[i] === 1) testRows[b++] = i;
    if (isTest[i] === 0 || !validated) trainRows[a++] = i;
  }
  return {
    used,
    columns,
    outcome: checked('the outcome', decodeBinaryArray({ ...data.outcome, type: 'uint8' as const })),
    weight: data.weight
      ? checked('the weight', decodeBinaryArray({ ...data.weight, type: 'float64' as const }))
      : null,
    isTest,
    trainRows,
    testRows,
  };
}
