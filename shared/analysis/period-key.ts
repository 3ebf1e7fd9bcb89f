export type Period = 'week' | 'month' | 'quarter';

const DAY_MS = 86_400_000;

/** The UTC period containing an epoch-ms time: its start, end (exclusive) and a label. */
export function periodOf(time: number, period: Period): { start: number; end: number; label: string } {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (period) {
    case 'month': {
      const start = Date.UTC(year, month, 1);
      return {
        start,
        end: Date.UTC(year, month + 1, 1),
        label: `${year}-${String(month + 1).padStart(2, '0')}`,
      };
    }
    case 'quarter': {
      const q = Math.floor(month / 3);
      return {
        start: Date.UTC(year, q * 3, 1),
        end: Date.UTC(year, q * 3 + 3, 1),
        label: `${year}-Q${q + 1}`,
      };
    }
    case 'week': {
      // ISO 8601 weeks start on Monday; the label is the Monday's date.
      const dayStart = Date.UTC(year, month, date.getUTCDate());
      const weekday = (new Date(dayStart).getUTCDay() + 6) % 7;
      const start = dayStart - weekday * DAY_MS;
      return {
        start,
        end: start + 7 * DAY_MS,
        label: `week of ${new Date(start).toISOString().slice(0, 10)}`,
      };
    }
  }
}
