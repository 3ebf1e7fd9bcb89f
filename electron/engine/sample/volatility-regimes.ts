export type VolRegime = 'calm' | 'stressed';

export interface MonthRegime {
  /** `YYYY-MM`, UTC. */
  month: string;
  regime: VolRegime;
  /** Realized volatility = long-run volatility × this × noise, for positions opened in the month. */
  volMultiplier: number;
  /** Relative number of positions opened per day in the month (traders are busier in a crash). */
  activity: number;
}

const calm = (month: string, volMultiplier: number): MonthRegime => ({
  month,
  regime: 'calm',
  volMultiplier,
  activity: 1,
});
const stressed = (month: string, volMultiplier: number): MonthRegime => ({
  month,
  regime: 'stressed',
  volMultiplier,
  activity: 1.3,
});

/**
 * Three crash clusters (2, 3 and 2 months) in otherwise calm markets. Each cluster peaks in its
 * first or second month; the first one comes after seven calm months so a model fitted on the
 * start of the sample has only seen calm markets.
 */
export const MONTH_REGIMES: readonly MonthRegime[] = [
  calm('2024-01', 0.8),
  calm('2024-02', 0.78),
  calm('2024-03', 0.85),
  calm('2024-04', 0.8),
  calm('2024-05', 0.76),
  calm('2024-06', 0.74),
  calm('2024-07', 0.8),
  stressed('2024-08', 1.6),
  stressed('2024-09', 1.4),
  calm('2024-10', 0.82),
  calm('2024-11', 0.86),
  calm('2024-12', 0.8),
  calm('2025-01', 0.78),
  stressed('2025-02', 1.45),
  stressed('2025-03', 1.75),
  stressed('2025-04', 1.4),
  calm('2025-05', 0.8),
  calm('2025-06', 0.75),
  calm('2025-07', 0.78),
  calm('2025-08', 0.82),
  calm('2025-09', 0.8),
  stressed('2025-10', 1.8),
  stressed('2025-11', 1.45),
  calm('2025-12', 0.82),
];

export const STRESSED_MONTHS: readonly string[] = MONTH_REGIMES.filter((m) => m.regime === 'stressed').map(
  (m) => m.month,
);
