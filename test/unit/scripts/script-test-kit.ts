import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import type { ImportColumnInput } from '../../../shared/domain/import-options';
import { decodeBinaryArray, type BinaryArray } from '../../../shared/scripting/binary-array';
import type { FitReport } from '../../../shared/scripting/fit-report';
import type { ScriptData } from '../../../shared/scripting/script-data';
import { createEngine, type Engine } from '../../../electron/engine/engine';

/** What a saved script holds; the engine stores it and never runs it. */
export const LEVERAGE_SCRIPT = `export default defineScript({
  name: 'leverage logit',
  params: { a: { init: -3 }, b: { init: 0.5, lower: 0, upper: 5 } },
  score: (row, p) => stats.logistic(p.a + p.b * Math.log(row.leverage)),
  scenario: (row) => ({ ...row, leverage: row.leverage * 1.5 }),
  scenarioName: 'leverage x 1.5',
});
`;

/** A fit report as the sandbox would send it for parameters a and b. */
export function fitReport(trainRows: number, overrides: Partial<FitReport> = {}): FitReport {
  return {
    scriptName: 'leverage logit',
    objective: 'logloss',
    requestedMethod: 'auto',
    method: 'lbfgsb',
    status: 'converged',
    converged: true,
    message: 'relative reduction of f below factr·epsmch',
    iterations: 12,
    evaluations: 15,
    objectiveValue: 0.31,
    fallback: null,
    params: [
      { name: 'a', init: -3, lower: null, upper: null, value: -2.5, standardError: 0.04 },
      { name: 'b', init: 0.5, lower: 0, upper: 5, value: 0.8, standardError: null },
    ],
    standardErrorNote: 'b: no standard error (illustration)',
    scenario: 'leverage x 1.5',
    trainRows,
    seconds: 0.5,
    ...overrides,
  };
}

export const decodeF64 = (array: BinaryArray) =>
  decodeBinaryArray(array as BinaryArray & { type: 'float64' });
export const decodeI32 = (array: BinaryArray) => decodeBinaryArray(array as BinaryArray & { type: 'int32' });
export const decodeU8 = (array: BinaryArray) => decodeBinaryArray(array as BinaryArray & { type: 'uint8' });

/** A column of the script data by name, decoded. */
export function columnOf(data: ScriptData, name: string) {
  const column = data.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name}`);
  return column;
}

/** Indices (into the used rows) of the test rows. */
export function testIndices(data: ScriptData): number[] {
  const isTest = decodeU8(data.isTest);
  return Array.from(isTest.keys()).filter((k) => isTest[k] === 1);
}

export interface SmallEngine {
  engine: Engine;
  client: ApiClient;
  folder: string;
  close(): void;
}

/** A real engine over an empty temporary workspace. */
export function emptyEngine(): SmallEngine {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecal-scripts-'));
  const engine = createEngine({ workspacePath: path.join(folder, 'w.sqlite'), host: 'test' });
  return {
    engine,
    client: createApiClient(engine.transport),
    folder,
    close() {
      engine.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Twelve rows with every column kind and missing values where a script sees them: an outcome without
 * the outcome role (so rows may lack it), a weight, a score column and a time column.
 */
export const SMALL_CSV = [
  'id,opened,desk,flag,note,x,n,w,s,y',
  '1,2024-01-01T00:00:00Z,FX,1,alpha,0.5,3,1,0.10,0',
  '2,2024-01-02T00:00:00Z,RATES,0,beta,,4,2,0.20,1',
  '3,2024-01-03T00:00:00Z,,,,1.5,,1,0.30,0',
  '4,2024-01-04T00:00:00Z,FX,,gamma,2.5,6,1,0.40,',
  '5,,RATES,0,alpha,3.5,7,1,0.50,1',
  '6,2024-02-01T00:00:00Z,FX,1,beta,4.5,8,0,0.60,0',
  '7,2024-02-02T00:00:00Z,EQ,0,gamma,5.5,9,1,,1',
  '8,2024-02-03T00:00:00Z,FX,1,alpha,6.5,10,3,0.80,0',
  '9,2024-02-04T00:00:00Z,RATES,0,beta,7.5,11,1,0.90,1',
  '10,2024-02-05T00:00:00Z,EQ,1,gamma,8.5,12,1,0.15,0',
  '11,2024-02-06T00:00:00Z,FX,0,alpha,9.5,13,1,0.25,1',
  '12,2024-02-07T00:00:00Z,RATES,1,beta,10.5,14,1,0.35,0',
].join('\n');

export const SMALL_COLUMNS: ImportColumnInput[] = [
  { source: 'id', kind: 'integer', role: 'id' },
  { source: 'opened', kind: 'timestamp', role: 'time' },
  { source: 'desk', kind: 'category', role: 'segment' },
  { source: 'flag', kind: 'boolean', role: null },
  { source: 'note', kind: 'text', role: null },
  { source: 'x', kind: 'number', role: 'feature' },
  { source: 'n', kind: 'integer', role: 'feature' },
  { source: 'w', kind: 'number', role: null },
  { source: 's', kind: 'number', role: null },
  { source: 'y', kind: 'integer', role: null },
];

/** Imports SMALL_CSV as dataset "small" into the engine. */
export async function importSmall(small: SmallEngine): Promise<number> {
  const file = path.join(small.folder, 'small.csv');
  fs.writeFileSync(file, `${SMALL_CSV}\n`);
  const result = await small.client.call('datasets.import', {
    file,
    name: 'small',
    columns: SMALL_COLUMNS,
  });
  return result.dataset.id;
}
