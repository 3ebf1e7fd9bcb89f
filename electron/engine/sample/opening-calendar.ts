import { MONTH_REGIMES } from './volatility-regimes';

const DAY_MS = 86_400_000;
export const SAMPLE_START_MS = Date.UTC(2024, 0, 1);
export const SAMPLE_END_MS = Date.UTC(2026, 0, 1);
export const SAMPLE_DAYS = (SAMPLE_END_MS - SAMPLE_START_MS) / DAY_MS;

/** Weekend trading is thinner. */
const WEEKEND_ACTIVITY = 0.7;
/** The venue grows: the last day sees this many times the first day's positions (linear in between). */
const TWO_YEAR_GROWTH = 1.5;

/**
 * Spreads N positions over the two years in proportion to a daily activity (month regime ×
 * weekday × growth), by inverting the cumulative activity. Feeding it increasing fractions gives
 * non-decreasing times, so rows come out in time order without sorting or buffering.
 */
export class OpeningCalendar {
  private readonly cumulative = new Float64Array(SAMPLE_DAYS + 1);
  private readonly dailyActivity = new Float64Array(SAMPLE_DAYS);
  /** Index into MONTH_REGIMES of each day. */
  readonly monthOfDay = new Uint8Array(SAMPLE_DAYS);

  constructor() {
    for (let day = 0; day < SAMPLE_DAYS; day++) {
      const date = new Date(SAMPLE_START_MS + day * DAY_MS);
      const month = (date.getUTCFullYear() - 2024) * 12 + date.getUTCMonth();
      const regime = MONTH_REGIMES[month];
      if (!regime) throw new Error(`No regime for month ${month} of the sample.`);
      const weekday = date.getUTCDay();
      const weekFactor = weekday === 0 || weekday === 6 ? WEEKEND_ACTIVITY : 1;
      const growth = 1 + ((TWO_YEAR_GROWTH - 1) * day) / (SAMPLE_DAYS - 1);
      this.monthOfDay[day] = month;
      this.dailyActivity[day] = regime.activity * weekFactor * growth;
      this.cumulative[day + 1] = (this.cumulative[day] ?? 0) + (this.dailyActivity[day] ?? 0);
    }
  }

  /** The opening time (epoch ms, whole seconds) at `fraction` ∈ [0, 1) of the cumulative activity. */
  timeAt(fraction: number): number {
    const target = fraction * (this.cumulative[SAMPLE_DAYS] ?? 0);
    let low = 0;
    let high = SAMPLE_DAYS - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.cumulative[middle] ?? 0) <= target) low = middle;
      else high = middle - 1;
    }
    const intoDay = (target - (this.cumulative[low] ?? 0)) / (this.dailyActivity[low] ?? 1);
    const seconds = Math.min(86_399, Math.floor(intoDay * 86_400));
    return SAMPLE_START_MS + low * DAY_MS + seconds * 1000;
  }

  dayOf(epochMs: number): number {
    return Math.floor((epochMs - SAMPLE_START_MS) / DAY_MS);
  }
}
