import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSampleFile } from '../electron/engine/sample/write-sample-file';
import type { BenchContext, BenchRow } from './bench-types';
import { findReferencePython } from './python-reference';
import { suites } from './suites';

/**
 * `npm run bench [-- --rows 10000000 --small 1000000 --only NAME]`: runs each suite, prints our
 * figure beside the reference tool's from the same run, with the ratio and the goal.
 */
async function main(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const rowsLarge = Number(option('rows') ?? 10_000_000);
  const rowsSmall = Number(option('small') ?? 1_000_000);
  const only = option('only');
  const workDir = option('work-dir') ?? path.join(os.tmpdir(), 'scorecal-bench');
  fs.mkdirSync(workDir, { recursive: true });
  const python = findReferencePython();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    python
      ? `Reference tools: ${python} (numpy, pandas, scikit-learn, SciPy).`
      : 'Reference tools ABSENT: no python3 with numpy, pandas, scikit-learn and SciPy; printing our figures only.',
  );
  const made = new Map<number, Promise<string>>();
  const context: BenchContext = {
    workDir,
    rowsLarge,
    rowsSmall,
    python,
    log,
    sampleCsv(rows) {
      let file = made.get(rows);
      if (!file) {
        const out = path.join(workDir, `sample-${rows}-seed7.csv`);
        file = fs.existsSync(out)
          ? Promise.resolve(out)
          : writeSampleFile({ rows, seed: 7, out }).then(() => out);
        made.set(rows, file);
      }
      return file;
    },
  };

  const rows: BenchRow[] = [];
  for (const suite of suites) {
    if (only && suite.name !== only) continue;
    log(`\n== ${suite.name} ==`);
    const results = await suite.run(context);
    rows.push(...results);
    for (const row of results) log(describe(row));
  }
  process.stdout.write(`\n${table(rows)}\n`);
  return 0;
}

function ratioOf(row: BenchRow): number | null {
  return row.reference === null || row.reference === 0 ? null : row.ours / row.reference;
}

function verdict(row: BenchRow): string {
  const ratio = ratioOf(row);
  if (row.goalAbsolute !== undefined) return row.ours <= row.goalAbsolute ? 'met' : 'MISSED';
  if (row.goalRatio === null) return '';
  if (ratio === null) return 'no reference';
  return ratio <= row.goalRatio ? 'met' : 'MISSED';
}

function describe(row: BenchRow): string {
  const ratio = ratioOf(row);
  return (
    `${row.name} (${row.rows.toLocaleString('en-US')} rows): ours ${row.ours.toFixed(3)} ${row.unit}` +
    (row.reference === null
      ? row.goalAbsolute !== undefined
        ? `, absolute goal ${row.goalAbsolute} ${row.unit}`
        : `, ${row.referenceName} absent`
      : `, ${row.referenceName} ${row.reference.toFixed(3)} ${row.unit}`) +
    (ratio === null ? '' : `, ratio ${ratio.toFixed(3)}`) +
    (row.note ? ` — ${row.note}` : '')
  );
}

function table(rows: BenchRow[]): string {
  const header = ['suite', 'measure', 'rows', 'ours', 'reference', 'ratio', 'goal', 'verdict'];
  const body = rows.map((row) => {
    const ratio = ratioOf(row);
    return [
      row.suite,
      row.name,
      row.rows.toLocaleString('en-US'),
      `${row.ours.toFixed(3)} ${row.unit}`,
      row.reference === null
        ? row.goalAbsolute !== undefined
          ? '— (absolute goal)'
          : `(${row.referenceName} absent)`
        : `${row.reference.toFixed(3)} ${row.unit} ${row.referenceName}`,
      ratio === null ? '—' : `${ratio.toFixed(3)}x`,
      row.goalAbsolute !== undefined
        ? `≤ ${row.goalAbsolute} ${row.unit}`
        : row.goalRatio === null
          ? '—'
          : `≤ ${row.goalRatio}x`,
      verdict(row),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
