import type { Progress } from '../../../shared/api/progress';

/**
 * Throttled progress over the file's bytes (which give the ETA), with the rows so far and their
 * rate in the phase text, since a progress report carries one counter.
 */
export class ImportProgress {
  private readonly startedAt = performance.now();
  private lastReportAt = -Infinity;

  constructor(
    private readonly totalBytes: number,
    private readonly report: (progress: Progress) => void,
    private readonly minIntervalMs = 100,
  ) {}

  update(bytes: number, rows: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastReportAt < this.minIntervalMs) return;
    this.lastReportAt = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? bytes / seconds : null;
    const rowRate = seconds > 0 ? Math.round(rows / seconds) : 0;
    const etaSeconds = rate !== null && rate > 0 ? Math.max(0, (this.totalBytes - bytes) / rate) : null;
    this.report({
      phase: `Importing: ${rows.toLocaleString('en-US')} rows, ${rowRate.toLocaleString('en-US')} rows/s`,
      done: Math.min(bytes, this.totalBytes),
      total: this.totalBytes,
      unit: 'bytes',
      rate,
      etaSeconds,
    });
  }
}
