const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_MS = 86_400_000;

/**
 * Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ` (ISO 8601, UTC, whole seconds). Rows come in
 * time order, so the date part is formatted once per day and reused; with millions of rows
 * Date#toISOString was the single largest cost of writing the CSV.
 */
export class UtcTimestampFormat {
  private cachedDay = Number.NaN;
  private cachedDatePrefix = '';

  format(epochMs: number): string {
    const day = Math.floor(epochMs / DAY_MS);
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.cachedDatePrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    const secondOfDay = Math.floor((epochMs - day * DAY_MS) / 1000);
    const hours = Math.floor(secondOfDay / 3600);
    const minutes = Math.floor((secondOfDay % 3600) / 60);
    return `${this.cachedDatePrefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondOfDay % 60]}Z`;
  }
}
