import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { DecodedColumn, DecodedScriptData } from '../../shared/scripting/decoded-script-data';

/**
 * The bundled 100k-row sample as a script sees it, read straight from the CSV (no engine), with
 * every row a training row and a seeded 30 % of them also marked as test rows.
 */
/** `limit` keeps the first rows only, for tests that fit many times. */
export function sampleScriptData(limit = Infinity): DecodedScriptData {
  const path = join(__dirname, '..', '..', 'resources', 'samples', 'liquidations-100k.csv.gz');
  const lines = gunzipSync(readFileSync(path))
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(0, limit + 1);
  const header = lines[0]!.split(',');
  const n = lines.length - 1;
  const col = (name: string) => header.indexOf(name);
  const numeric = ['leverage', 'collateral_ratio', 'horizon_days', 'realized_vol', 'long_run_vol', 'score'];
  const values = numeric.map(() => new Float64Array(n));
  const side = new Int32Array(n);
  const outcome = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1]!.split(',');
    numeric.forEach((name, k) => (values[k]![i] = Number(cells[col(name)])));
    side[i] = cells[col('side')] === 'long' ? 0 : 1;
    outcome[i] = Number(cells[col('liquidated')]);
  }
  const columns: DecodedColumn[] = [
    ...numeric.map((name, k) => ({ name, kind: 'number' as const, values: values[k]!, dictionary: null })),
    { name: 'side', kind: 'category', values: side, dictionary: ['long', 'short'] },
  ];
  const isTest = new Uint8Array(n);
  for (let i = 0; i < n; i++) isTest[i] = (Math.imul(i + 1, 2654435761) >>> 0) % 10 < 3 ? 1 : 0;
  const trainRows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => isTest[i] === 0);
  const testRows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => isTest[i] === 1);
  return { used: n, columns, outcome, weight: null, isTest, trainRows, testRows };
}
