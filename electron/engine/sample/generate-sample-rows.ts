import { DailyVolShocks } from './daily-vol-shocks';
import { MAINTENANCE_MARGIN, type PositionSide } from './liquidation-barrier';
import { OpeningCalendar, SAMPLE_DAYS } from './opening-calendar';
import { productionScore } from './production-score';
import { SAMPLE_ASSETS } from './sample-assets';
import type { SampleRow } from './sample-row';
import { SeededRandom } from './seeded-random';
import { trueLiquidationProbability } from './true-liquidation-probability';
import { MONTH_REGIMES } from './volatility-regimes';

export interface SampleSpec {
  /** Number of positions, a positive safe integer. */
  rows: number;
  /** Any safe integer; the same (rows, seed) always gives the same rows. */
  seed: number;
}

const LONG_SHARE = 0.62;
/**
 * Traders size leverage to their asset and horizon: they put the liquidation price k standard
 * deviations of the horizon's move away, δ = k · σ_lr · √T, with ln k ~ N(ln 2.5, 0.45²), so
 * L = c / (δ + m), rounded to 0.1 and clipped to the venue's 1.5x–50x.
 */
const SAFETY_MEDIAN = 2.5;
const SAFETY_LOG_SPREAD = 0.45;
const LEVERAGE_MIN = 1.5;
const LEVERAGE_MAX = 50;
/** collateral_ratio = 1 + 0.35 · Exp(1), capped at 3: most traders post little beyond the minimum. */
const EXTRA_COLLATERAL_MEAN = 0.35;
const COLLATERAL_RATIO_MAX = 3;
const HORIZON_DAYS = [1, 3, 7, 14, 30] as const;
const HORIZON_WEIGHTS = [0.3, 0.25, 0.25, 0.12, 0.08] as const;
/** Position-level volatility noise on top of the shared daily shock: exp(s·Z - s²/2). */
const POSITION_VOL_NOISE = 0.15;

/**
 * The synthetic liquidation dataset, one position at a time in opening-time order, pure and
 * deterministic in (rows, seed). Memory is constant in `rows`, so 10M rows stream as easily as 100.
 */
export function* generateSampleRows(spec: SampleSpec): Generator<SampleRow, void, undefined> {
  assertSampleSpec(spec);
  const { rows, seed } = spec;
  const calendar = new OpeningCalendar();
  const shocks = new DailyVolShocks(seed, SAMPLE_ASSETS.length, SAMPLE_DAYS);
  const random = new SeededRandom(seed, 2);
  const assetCumulative = cumulativeShares(SAMPLE_ASSETS.map((asset) => asset.weight));
  const horizonCumulative = cumulativeShares(HORIZON_WEIGHTS);

  for (let index = 0; index < rows; index++) {
    const openedAtMs = calendar.timeAt((index + random.uniform()) / rows);
    const day = calendar.dayOf(openedAtMs);
    const regime = MONTH_REGIMES[calendar.monthOfDay[day] ?? 0];
    const assetIndex = pick(assetCumulative, random.uniform());
    const asset = SAMPLE_ASSETS[assetIndex];
    if (!asset || !regime) throw new Error('The sample tables are inconsistent.');
    const side: PositionSide = random.uniform() < LONG_SHARE ? 'long' : 'short';
    const collateralRatio = roundTo(
      Math.min(COLLATERAL_RATIO_MAX, 1 + EXTRA_COLLATERAL_MEAN * random.exponential()),
      1000,
    );
    const horizonDays = HORIZON_DAYS[pick(horizonCumulative, random.uniform())] ?? 1;
    const safety = SAFETY_MEDIAN * Math.exp(SAFETY_LOG_SPREAD * random.normal());
    const targetMove = safety * asset.longRunVol * Math.sqrt(horizonDays / 365);
    const leverage = roundTo(
      clamp(collateralRatio / (targetMove + MAINTENANCE_MARGIN), LEVERAGE_MIN, LEVERAGE_MAX),
      10,
    );
    // σ_realized = σ_long-run × understatement × regime multiplier × daily shock × exp(sZ - s²/2)
    const positionNoise = Math.exp(POSITION_VOL_NOISE * random.normal() - 0.5 * POSITION_VOL_NOISE ** 2);
    const realizedVol = roundTo(
      asset.longRunVol *
        asset.volUnderstatement *
        regime.volMultiplier *
        shocks.factor(assetIndex, day) *
        positionNoise,
      10_000,
    );
    const trueProbability = trueLiquidationProbability({
      side,
      leverage,
      collateralRatio,
      horizonDays,
      realizedVol,
    });
    const liquidated: 0 | 1 = random.uniform() < trueProbability ? 1 : 0;
    const score = productionScore({
      side,
      leverage,
      collateralRatio,
      horizonDays,
      longRunVol: asset.longRunVol,
    });
    yield {
      positionId: index + 1,
      openedAtMs,
      asset: asset.ticker,
      side,
      leverage,
      collateralRatio,
      horizonDays,
      realizedVol,
      longRunVol: asset.longRunVol,
      score,
      liquidated,
      trueProbability,
    };
  }
}

export function assertSampleSpec(spec: SampleSpec): void {
  if (!Number.isSafeInteger(spec.rows) || spec.rows < 1) {
    throw new RangeError(`rows must be a positive integer, got ${spec.rows}.`);
  }
  if (!Number.isSafeInteger(spec.seed)) {
    throw new RangeError(`seed must be a safe integer, got ${spec.seed}.`);
  }
}

function cumulativeShares(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((weight, i) => {
    running += weight / total;
    cumulative[i] = running;
  });
  return cumulative;
}

/** The first category whose cumulative share exceeds u (inverse-CDF sampling of a discrete law). */
function pick(cumulative: Float64Array, u: number): number {
  for (let i = 0; i < cumulative.length - 1; i++) if (u < (cumulative[i] ?? 1)) return i;
  return cumulative.length - 1;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function roundTo(value: number, perUnit: number): number {
  return Math.round(value * perUnit) / perUnit;
}
