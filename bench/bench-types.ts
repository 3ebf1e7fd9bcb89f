/** One measured figure beside the reference tool's figure for the same work, in the same run. */
export interface BenchRow {
  suite: string;
  name: string;
  rows: number;
  unit: 's' | 'ms' | 'MB';
  ours: number;
  /** null when the reference tool is absent on this machine (the note says so). */
  reference: number | null;
  referenceName: string;
  /** The goal as a ratio ours / reference (e.g. 0.5); null when the goal is absolute. */
  goalRatio: number | null;
  /** An absolute goal in `unit`, when there is one (e.g. peak memory under 1024 MB). */
  goalAbsolute?: number;
  note?: string;
}

export interface BenchContext {
  /** A scratch folder for generated files, kept across suites of one run. */
  workDir: string;
  /** The large and small row counts of this run (default 10M and 1M). */
  rowsLarge: number;
  rowsSmall: number;
  /** Debian's Python with numpy, pandas, scikit-learn and SciPy, or null when absent. */
  python: string | null;
  log(line: string): void;
  /** A generated sample CSV of that many rows (seed 7), made once per run and reused. */
  sampleCsv(rows: number): Promise<string>;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
