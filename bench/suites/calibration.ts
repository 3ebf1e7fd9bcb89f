import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { isotonicCalibrator } from '../../shared/calibration/isotonic';
import { plattCalibrator } from '../../shared/calibration/platt';
import { uniformEdges } from '../../shared/metrics/bins';
import { bootstrapBrierEce } from '../../shared/metrics/bootstrap';
import { computeDiagnostic } from '../../shared/metrics/diagnostic';
import type { BenchContext, BenchRow, BenchSuite } from '../bench-types';
import { runPythonJson } from '../python-reference';
import { bestOf, sampleArrays } from '../sample-arrays';

const REFERENCE = `
import sys, json, time, numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.calibration import calibration_curve
p = np.fromfile(sys.argv[1], dtype='<f8'); y = np.fromfile(sys.argv[2], dtype='u1').astype(np.float64)
what = sys.argv[3]
def best(f, r=2):
    b = 1e9
    for _ in range(r):
        t = time.perf_counter(); f(); b = min(b, time.perf_counter() - t)
    return b
if what == 'isotonic':
    out = best(lambda: IsotonicRegression(out_of_bounds='clip').fit(p, y).predict(p))
elif what == 'platt':
    x = np.log(p / (1 - p)).reshape(-1, 1)
    out = best(lambda: LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(x, y))
elif what == 'diagnostic':
    def diag():
        brier_score_loss(y, p); log_loss(y, p); roc_auc_score(y, p); calibration_curve(y, p, n_bins=10, strategy='uniform')
    out = best(diag)
elif what == 'bootstrap':
    B = int(sys.argv[4]); rng = np.random.default_rng(1); n = len(p)
    edges = np.linspace(0, 1, 11); bins = np.clip(np.digitize(p, edges[1:-1]), 0, 9)
    def boot():
        for _ in range(B):
            idx = rng.integers(0, n, n); pb = p[idx]; yb = y[idx]; bb = bins[idx]
            np.mean((pb - yb) ** 2)
            cnt = np.bincount(bb, minlength=10); sp = np.bincount(bb, pb, 10); sy = np.bincount(bb, yb, 10)
            np.sum(np.abs(sp - sy)) / n
    out = best(boot, 1)
print(json.dumps({'seconds': out}))
`;

/** Issue 3's speed goals: our core beside scikit-learn/numpy on the same in-memory rows. */
export const calibrationSuite: BenchSuite = {
  name: 'calibration',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    for (const n of [context.rowsSmall, context.rowsLarge]) {
      context.log(`generating ${n.toLocaleString('en-US')} sample rows (cached after the first run)`);
      const data = sampleArrays(context.workDir, n);
      const reference = (what: string, extra: string[] = []) =>
        context.python
          ? runPythonJson<{ seconds: number }>(context.python, REFERENCE, [
              data.pFile,
              data.yFile,
              what,
              ...extra,
            ]).seconds
          : null;
      const row = (
        name: string,
        ours: number,
        ref: number | null,
        referenceName: string,
        goalRatio: number,
      ): BenchRow => ({
        suite: 'calibration',
        name,
        rows: n,
        unit: 's',
        ours,
        reference: ref,
        referenceName,
        goalRatio,
      });

      const iso = bestOf(2, () =>
        isotonicCalibrator.apply(isotonicCalibrator.fit({ p: data.p, y: data.y }), data.p),
      );
      rows.push(row('isotonic fit + apply', iso, reference('isotonic'), 'sklearn IsotonicRegression', 0.5));
      const platt = bestOf(2, () => plattCalibrator.fit({ p: data.p, y: data.y }));
      rows.push(row('platt fit', platt, reference('platt'), 'sklearn LogisticRegression', 0.5));
      const diagnostic = bestOf(2, () => computeDiagnostic(data.p, data.y));
      rows.push(
        row(
          'full diagnostic (no bootstrap)',
          diagnostic,
          reference('diagnostic'),
          'sklearn brier+log_loss+auc+calibration_curve',
          0.5,
        ),
      );
      if (n === context.rowsSmall) {
        const resamples = 1000;
        const boot = bestOf(1, () =>
          bootstrapBrierEce(data.p, data.y, undefined, uniformEdges(10), { resamples, seed: 1 }),
        );
        rows.push(
          row(
            `bootstrap ${resamples}x Brier + ECE`,
            boot,
            reference('bootstrap', [String(resamples)]),
            'numpy vectorised loop',
            0.25,
          ),
        );
      }
    }
    rows.push(...(await peakMemoryRows(context)));
    return rows;
  },
};

/** Peak RSS of the whole 10M-row diagnostic from the CSV, ours vs pandas + scikit-learn. */
async function peakMemoryRows(context: BenchContext): Promise<BenchRow[]> {
  const n = context.rowsLarge;
  const csv = await context.sampleCsv(n);
  const root = path.resolve(__dirname, '..', '..');
  const ours = spawnSync(
    process.execPath,
    [
      '--require',
      path.join(root, 'bench', 'report-peak-rss.cjs'),
      path.join(root, 'bin', 'scorecal.cjs'),
      'evaluate',
      csv,
      '--score',
      'score',
      '--outcome',
      'liquidated',
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const peak = /PEAK_RSS_KB=(\d+)/.exec(ours.stderr);
  if (ours.status !== 0 || !peak)
    throw new Error(`scorecal evaluate failed in the memory bench:\n${ours.stderr}`);
  const reference = context.python
    ? runPythonJson<{ kb: number }>(
        context.python,
        `
import sys, json, resource, pandas as pd
from sklearn.isotonic import IsotonicRegression
df = pd.read_csv(sys.argv[1])
IsotonicRegression(out_of_bounds='clip').fit(df['score'].to_numpy(), df['liquidated'].to_numpy())
print(json.dumps({'kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
`,
        [csv],
      ).kb
    : null;
  return [
    {
      suite: 'calibration',
      name: 'peak memory: diagnostic from the CSV',
      rows: n,
      unit: 'MB',
      ours: Number(peak[1]) / 1024,
      reference: reference === null ? null : reference / 1024,
      referenceName: 'pandas read_csv + sklearn isotonic',
      goalRatio: 0.5,
      note: 'ours: scorecal evaluate on the CSV (import into a scratch workspace, then the full diagnostic)',
    },
  ];
}
