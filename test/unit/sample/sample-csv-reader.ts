import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** One parsed line of the sample CSV, read back independently of the writer's own types. */
export interface ParsedPosition {
  positionId: number;
  openedAt: string;
  asset: string;
  side: string;
  leverage: number;
  collateralRatio: number;
  horizonDays: number;
  realizedVol: number;
  longRunVol: number;
  score: number;
  liquidated: number;
}

export function readSampleText(file: string): string {
  const bytes = fs.readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Splits the text into its header and positions; throws on any line with the wrong field count. */
export function parseSampleCsv(text: string): { header: string; positions: ParsedPosition[] } {
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new Error('The file does not end with a newline.');
  lines.pop();
  const header = lines.shift() ?? '';
  const positions = lines.map((line, i) => {
    const fields = line.split(',');
    if (fields.length !== 11) throw new Error(`Line ${i + 2} has ${fields.length} fields: ${line}`);
    const [id, openedAt, asset, side, leverage, collateral, horizon, realized, longRun, score, liquidated] =
      fields;
    return {
      positionId: Number(id),
      openedAt: openedAt ?? '',
      asset: asset ?? '',
      side: side ?? '',
      leverage: Number(leverage),
      collateralRatio: Number(collateral),
      horizonDays: Number(horizon),
      realizedVol: Number(realized),
      longRunVol: Number(longRun),
      score: Number(score),
      liquidated: Number(liquidated),
    };
  });
  return { header, positions };
}
