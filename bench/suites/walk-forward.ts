import fs from 'node:fs';
import path from 'node:path';
import { periodOf } from '../../shared/analysis/period-key';
import type { CalibrationParams } from '../../shared/calibration/registry';
import { generateSampleRows } from '../../electron/engine/sample/generate-sample-rows';
import type { WalkForwardStepResult } from '../../electron/engine/workers/walk-forward-tasks';
import { WorkerPool } from '../../electron/engine/workers/worker-pool';
import type { BenchContext, BenchRow, BenchSuite } from '../bench-types';
import { runPythonJson } from '../python-reference';
import { sampleArrays } from '../sample-arrays';

const REFERENCE = `
import sys, json, time, numpy as np, pandas as pd
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import log_loss
p = np.fromfile(sys.argv[1], dtype='<f8'); y = np.fromfile(sys.argv[2], dtype='u1'); m = np.fromfile(sys.argv[3], dtype='<i4')
df = pd.DataFrame({'p': p, 'y': y, 'month': m})
start = time.perf_counter()
months = sorted(df['month'].unique()); first = df[df['month'] == months[0]]
static = IsotonicRegression(out_of_bounds='clip').fit(first['p'], first['y'])
losses = []
for t in months[1:]:
    train = df[df['month'] < t]; test = df[df['month'] == t]
    refit = IsotonicRegression(out_of_bounds='clip').fit(train['p'], train['y'])
    losses.append((log_loss(test['y'], np.clip(refit.predict(test['p']), 1e-15, 1 - 1e-15), labels=[0, 1]),
                   log_loss(test['y'], np.clip(static.predict(test['p']), 1e-15, 1 - 1e-15), labels=[0, 1])))
print(json.dumps({'seconds': time.perf_counter() - start, 'steps': len(losses)}))
`;

/** Month index (0 = first month) of each generated row, cached beside the score and outcome files. */
function monthIndex(workDir: string, rows: number, seed = 7): { months: Int32Array; file: string } {
  const file = path.join(workDir, `month-${rows}-seed${seed}.i32`);
  if (fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    return {
      months: new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
      file,
    };
  }
  const months = new Int32Array(rows);
  let i = 0;
  let first = -1;
  for (const row of generateSampleRows({ rows, seed })) {
    const start = periodOf(row.openedAtMs, 'month').start;
    const d = new Date(start);
    const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (first < 0) first = index;
    months[i++] = index - first;
  }
  fs.writeFileSync(file, Buffer.from(months.buffer));
  return { months, file };
}

/** Issue 8's goal: walk-forward isotonic over the monthly windows, in worker threads vs pandas + scikit-learn. */
export const walkForwardSuite: BenchSuite = {
  name: 'walk-forward',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const rows = context.rowsLarge;
    const data = sampleArrays(context.workDir, rows);
    const { months, file } = monthIndex(context.workDir, rows);
    const shared = <T extends Float64Array | Uint8Array | Int32Array>(
      source: T,
      make: (b: SharedArrayBuffer) => T,
    ): T => {
      const copy = make(new SharedArrayBuffer(source.byteLength));
      copy.set(source as never);
      return copy;
    };
    const p = shared(data.p, (b) => new Float64Array(b));
    const y = shared(data.y, (b) => new Uint8Array(b));
    const periodOfRows = shared(months, (b) => new Int32Array(b));
    const periods = months.reduce((max, m) => Math.max(max, m), 0) + 1;
    const pool = new WorkerPool();
    try {
      const started = performance.now();
      const task = { p, y, periodOf: periodOfRows, method: 'isotonic', options: {} };
      const staticParams = await pool.run<CalibrationParams>('calibration.fitPeriods', {
        ...task,
        from: 0,
        to: 1,
      });
      const steps = await Promise.all(
        Array.from({ length: periods - 1 }, (_, k) =>
          pool.run<WalkForwardStepResult>('calibration.walkForwardStep', {
            ...task,
            from: 0,
            to: k + 1,
            testPeriod: k + 1,
            staticParams,
          }),
        ),
      );
      const ours = (performance.now() - started) / 1000;
      const reference = context.python
        ? runPythonJson<{ seconds: number; steps: number }>(context.python, REFERENCE, [
            data.pFile,
            data.yFile,
            file,
          ])
        : null;
      return [
        {
          suite: 'walk-forward',
          name: `walk-forward isotonic, ${steps.length} monthly steps (expanding)`,
          rows,
          unit: 's',
          ours,
          reference: reference?.seconds ?? null,
          referenceName: 'pandas + sklearn loop',
          goalRatio: 1.0,
          note: `ours in ${pool.size} worker threads on shared memory`,
        },
      ];
    } finally {
      await pool.close();
    }
  },
};
