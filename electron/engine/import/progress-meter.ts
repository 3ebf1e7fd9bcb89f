import type { Progress } from '../../../shared/api/progress';

/** Turns raw counters into throttled progress reports with a rate and an ETA. */
export class ProgressMeter {
  private readonly startedAt = performance.now();
  private lastReportAt = 0;

  constructor(
    private readonly phase: string,
    private readonly unit: Progress['unit'],
    private readonly total: number | null,
    private readonly report: (progress: Progress) => void,
    private readonly minIntervalMs = 100,
  ) {}

  update(done: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastReportAt < this.minIntervalMs) return;
    this.lastReportAt = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : null;
    const etaSeconds =
      this.total !== null && rate !== null && rate > 0 ? Math.max(0, (this.total - done) / rate) : null;
    this.report({ phase: this.phase, done, total: this.total, unit: this.unit, rate, etaSeconds });
  }
}
