import { describe, expect, it } from 'vitest';
import { generateSampleRows } from '../../../electron/engine/sample/generate-sample-rows';
import { normalCdf } from '../../../electron/engine/sample/normal-cdf';
import { SAMPLE_ASSETS } from '../../../electron/engine/sample/sample-assets';
import type { SampleRow } from '../../../electron/engine/sample/sample-row';
import { STRESSED_MONTHS } from '../../../electron/engine/sample/volatility-regimes';

const rowsOf = (rows: number, seed: number): SampleRow[] => [...generateSampleRows({ rows, seed })];
const month = (row: SampleRow) => new Date(row.openedAtMs).toISOString().slice(0, 7);

describe('generateSampleRows', () => {
  const rows = rowsOf(20_000, 42);

  it('is deterministic in (rows, seed) and changes with the seed', () => {
    expect(rowsOf(20_000, 42)).toEqual(rows);
    const other = rowsOf(20_000, 43);
    const sameAssetAndScore = other.filter(
      (row, i) => row.score === rows[i]?.score && row.asset === rows[i]?.asset,
    ).length;
    // Only floor-clipped scores (1e-6) on the same asset coincide by chance.
    expect(sameAssetAndScore).toBeLessThan(500);
  });

  it('numbers positions 1..N in non-decreasing opening time across the two years', () => {
    expect(rows.map((row) => row.positionId)).toEqual(rows.map((_, i) => i + 1));
    const backwards = rows.filter((row, i) => i > 0 && row.openedAtMs < rows[i - 1]!.openedAtMs);
    expect(backwards).toEqual([]);
    expect(rows[0]!.openedAtMs).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1));
    expect(rows.at(-1)!.openedAtMs).toBeLessThan(Date.UTC(2026, 0, 1));
    expect(new Set(rows.map(month)).size).toBe(24);
    expect(rows.every((row) => row.openedAtMs % 1000 === 0)).toBe(true);
  });

  it('keeps every column in its documented range and precision', () => {
    // Collect the offending rows rather than asserting per row: 20,000 × 10 expects is slow.
    const offending = rows.filter(
      (row) =>
        !(row.side === 'long' || row.side === 'short') ||
        ![1, 3, 7, 14, 30].includes(row.horizonDays) ||
        !(row.leverage >= 1.5 && row.leverage <= 50) ||
        Math.round(row.leverage * 10) / 10 !== row.leverage ||
        !(row.collateralRatio >= 1 && row.collateralRatio <= 3) ||
        Math.round(row.collateralRatio * 1000) / 1000 !== row.collateralRatio ||
        !(row.realizedVol > 0) ||
        Math.round(row.realizedVol * 10_000) / 10_000 !== row.realizedVol ||
        !(row.score >= 1e-6 && row.score <= 1 - 1e-6) ||
        Number(row.score.toPrecision(6)) !== row.score ||
        !(row.liquidated === 0 || row.liquidated === 1),
    );
    expect(offending).toEqual([]);
    expect(rows.some((row) => row.leverage === 50)).toBe(true);
    expect(rows.some((row) => row.score === 1e-6)).toBe(true);
  });

  it('draws all twelve assets with BTC the most frequent and PEPE among the rarest', () => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.asset, (counts.get(row.asset) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(SAMPLE_ASSETS.map((asset) => asset.ticker).sort());
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]?.[0]).toBe('BTC');
    expect(sorted.slice(-3).map(([ticker]) => ticker)).toContain('PEPE');
  });

  it('publishes a score anyone can recompute from the row: 2Φ(-d/(σ_lr√T)), clipped, 6 digits', () => {
    const mismatches = rows.filter((row) => {
      const move = row.collateralRatio / row.leverage - 0.005;
      const distance =
        row.side === 'long'
          ? move >= 1
            ? Number.POSITIVE_INFINITY
            : -Math.log(1 - move)
          : Math.log(1 + move);
      const raw = 2 * normalCdf(-distance / (row.longRunVol * Math.sqrt(row.horizonDays / 365)));
      const expected = Math.min(1 - 1e-6, Math.max(1e-6, raw));
      // Six significant digits: within half a unit of the sixth digit.
      return !(Math.abs(row.score - expected) <= 5e-6 * expected);
    });
    expect(mismatches).toEqual([]);
  });

  it('draws outcomes from the true probability: positives match Σ p within 4 standard errors', () => {
    const expected = rows.reduce((sum, row) => sum + row.trueProbability, 0);
    const variance = rows.reduce((sum, row) => sum + row.trueProbability * (1 - row.trueProbability), 0);
    const positives = rows.reduce((sum, row) => sum + row.liquidated, 0);
    expect(Math.abs(positives - expected)).toBeLessThan(4 * Math.sqrt(variance));
  });

  it('raises realized volatility above the long-run estimate in stressed months only', () => {
    const medianRatio = (selected: SampleRow[]) => {
      const ratios = selected.map((row) => row.realizedVol / row.longRunVol).sort((a, b) => a - b);
      return ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
    };
    const stressed = rows.filter((row) => STRESSED_MONTHS.includes(month(row)) && row.asset !== 'PEPE');
    const calm = rows.filter((row) => !STRESSED_MONTHS.includes(month(row)) && row.asset !== 'PEPE');
    expect(medianRatio(stressed)).toBeGreaterThan(1.4);
    expect(medianRatio(calm)).toBeLessThan(0.9);
    expect(medianRatio(rows.filter((row) => row.asset === 'PEPE'))).toBeGreaterThan(1.1);
  });

  it('rejects row counts and seeds that are not integers', () => {
    expect(() => rowsOf(0, 1)).toThrow(/rows/);
    expect(() => rowsOf(1.5, 1)).toThrow(/rows/);
    expect(() => rowsOf(10, Number.NaN)).toThrow(/seed/);
  });
});
