import type Database from 'better-sqlite3';
import { getDatasetDetails } from '../store/dataset-details';
import { loadAnalysisSample, type AnalysisSample, type AnalysisSelectionResolved } from './analysis-sample';
import { sharedFloat64, sharedUint8 } from './shared-arrays';

/** The sample sorted by predicted probability, for quantile bins. */
export interface SortedRows {
  p: Float64Array;
  y: Uint8Array;
  w: Float64Array | undefined;
}

interface Entry {
  key: string;
  sample: AnalysisSample;
  sorted: Promise<SortedRows> | null;
}

/**
 * The last analysis sample, kept so that redrawing a diagram with other bins does not re-read
 * millions of rows from the workspace. One entry: a 10M-row sample holds about 250 MB. The key
 * includes the dataset's import time, so a deleted and re-imported dataset never hits a stale entry.
 */
export class AnalysisSampleCache {
  private entry: Entry | null = null;

  constructor(private readonly db: Database.Database) {}

  get(selection: AnalysisSelectionResolved): AnalysisSample {
    const key = this.keyOf(selection);
    if (this.entry?.key === key) return this.entry.sample;
    const sample = loadAnalysisSample(this.db, selection);
    this.entry = { key, sample, sorted: null };
    return sample;
  }

  /** The cached sample sorted by p, computed once (by `sort`, e.g. in a worker) per sample. */
  sorted(
    selection: AnalysisSelectionResolved,
    sort: (sample: AnalysisSample) => Promise<SortedRows>,
  ): Promise<SortedRows> {
    const sample = this.get(selection);
    const entry = this.entry as Entry;
    entry.sorted ??= sort(sample).then((rows) => {
      // Shared memory, so that every later task reads the sorted rows without a copy.
      const p = sharedFloat64(rows.p.length);
      p.set(rows.p);
      const y = sharedUint8(rows.y.length);
      y.set(rows.y);
      const w = rows.w ? sharedFloat64(rows.w.length) : undefined;
      if (w && rows.w) w.set(rows.w);
      return { p, y, w };
    });
    entry.sorted.catch(() => {
      if (this.entry === entry) entry.sorted = null;
    });
    return entry.sorted;
  }

  clear(): void {
    this.entry = null;
  }

  private keyOf(selection: AnalysisSelectionResolved): string {
    const { summary } = getDatasetDetails(this.db, selection.dataset);
    // Only what decides the rows and their probabilities: calls add their own settings (bins...).
    const rest = [
      selection.scoreColumn ?? null,
      selection.scoreInput ?? null,
      selection.outcomeColumn ?? null,
      selection.weightColumn ?? null,
      selection.filter ?? null,
    ];
    return JSON.stringify({ id: summary.id, importedAt: summary.importedAt, rows: summary.rows, rest });
  }
}
