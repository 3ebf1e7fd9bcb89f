import { SAMPLE_COLUMNS } from './sample-columns';
import type { SampleRow } from './sample-row';
import { UtcTimestampFormat } from './utc-timestamp-format';

export const SAMPLE_CSV_HEADER = `${SAMPLE_COLUMNS.map((column) => column.name).join(',')}\n`;

/**
 * Turns rows into `\n`-terminated CSV lines. No field can contain a comma, quote or newline, so
 * nothing is quoted. The fixed decimals are exactly the rounding the generator applied, so the
 * file holds the very values the score and the outcome were computed from.
 */
export class SampleCsvFormat {
  private readonly timestamps = new UtcTimestampFormat();

  line(row: SampleRow): string {
    return (
      `${row.positionId},${this.timestamps.format(row.openedAtMs)},${row.asset},${row.side},` +
      `${row.leverage.toFixed(1)},${row.collateralRatio.toFixed(3)},${row.horizonDays},` +
      `${row.realizedVol.toFixed(4)},${row.longRunVol.toFixed(4)},${String(row.score)},${row.liquidated}\n`
    );
  }
}
