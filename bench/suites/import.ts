import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchRow, BenchSuite } from '../bench-types';
import { runPythonJson } from '../python-reference';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

interface OurRun {
  importSeconds: number;
  loadSeconds: number;
  maxRssMB: number;
}

/**
 * Our import runs in a child process of its own, so that its peak memory (maxRSS) is the
 * import's alone, then loads score + outcome back as an analysis would.
 */
function runOurImport(csv: string, workspace: string): OurRun {
  const script = `
    require('tsx/cjs');
    const { openWorkspace } = require('./electron/engine/workspace/open-workspace.ts');
    const { importFile } = require('./electron/engine/import/import-file.ts');
    const { readColumn } = require('./electron/engine/store/read-column.ts');
    const { WorkerPool } = require('./electron/engine/workers/worker-pool.ts');
    (async () => {
      const ws = openWorkspace(process.argv[1]);
      // As in the engine: a fresh (cold) worker pool, whose start-up is part of the measured time.
      const pool = new WorkerPool();
      const context = { signal: new AbortController().signal, onProgress: () => {} };
      let t = performance.now();
      const { dataset } = await importFile(ws.db, { file: process.argv[2], read: {}, onError: 'refuse', ifExists: 'import-again' }, context, { pool });
      const importSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      const score = readColumn(ws.db, dataset.id, 'score');
      const outcome = readColumn(ws.db, dataset.id, 'liquidated');
      const loadSeconds = (performance.now() - t) / 1000;
      if (score.length !== dataset.rows || outcome.length !== dataset.rows) throw new Error('short column');
      await pool.close();
      ws.close();
      console.log(JSON.stringify({ importSeconds, loadSeconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const result = spawnSync(process.execPath, ['-e', script, workspace, csv], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`Our import failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as OurRun;
}

/** sqlite3's own `.import` of the same file into a plain table of a fresh database file. */
function runSqliteImport(csv: string, database: string): number | null {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const started = performance.now();
  const result = spawnSync('sqlite3', [database, '.mode csv', `.import '${csv.replace(/'/g, "''")}' t`], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`sqlite3 .import failed:\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

function runPandas(python: string | null, csv: string): number | null {
  if (!python) return null;
  const code = [
    'import sys, time, json, pandas',
    't = time.perf_counter()',
    'frame = pandas.read_csv(sys.argv[1])',
    'print(json.dumps({"seconds": time.perf_counter() - t, "rows": len(frame)}))',
  ].join('\n');
  return runPythonJson<{ seconds: number }>(python, code, [csv]).seconds;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

async function measure(context: BenchContext, rows: number): Promise<BenchRow[]> {
  const csv = await context.sampleCsv(rows);
  const ourDb = path.join(context.workDir, `import-bench-${rows}.scorecal.sqlite`);
  const sqliteDb = path.join(context.workDir, `import-bench-${rows}.sqlite3.db`);
  removeDatabase(ourDb);
  removeDatabase(sqliteDb);
  context.log(
    `import: ${rows.toLocaleString('en-US')} rows (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB)`,
  );
  const ours = runOurImport(csv, ourDb);
  const sqlite = runSqliteImport(csv, sqliteDb);
  const pandas = runPandas(context.python, csv);
  removeDatabase(ourDb);
  removeDatabase(sqliteDb);
  const base = { suite: 'import', rows };
  return [
    {
      ...base,
      name: 'import CSV into workspace',
      unit: 's',
      ours: ours.importSeconds,
      reference: sqlite,
      referenceName: 'sqlite3 .import',
      goalRatio: 0.35,
    },
    {
      ...base,
      name: 'import CSV into workspace',
      unit: 's',
      ours: ours.importSeconds,
      reference: pandas,
      referenceName: 'pandas.read_csv',
      goalRatio: 0.3,
    },
    {
      ...base,
      name: 'load score + outcome columns',
      unit: 's',
      ours: ours.loadSeconds,
      reference: ours.importSeconds,
      referenceName: 'our import',
      goalRatio: 0.05,
    },
    {
      ...base,
      name: 'peak memory of the import process',
      unit: 'MB',
      ours: ours.maxRssMB,
      reference: null,
      referenceName: 'none (absolute goal)',
      goalRatio: null,
      goalAbsolute: 1024,
    },
  ];
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run(context) {
    const rows: BenchRow[] = [];
    for (const count of [context.rowsSmall, context.rowsLarge]) rows.push(...(await measure(context, count)));
    return rows;
  },
};
