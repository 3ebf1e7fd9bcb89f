import { readTextRecords } from './csv-text-records';
import type { CellTextDecoder } from './text-decoding';

const CANDIDATES = [',', '\t', ';', '|'];
const SNIFF_RECORDS = 100;

/**
 * Picks the delimiter that splits the first records into the same number (above one) of fields
 * most consistently; ties go to the earlier candidate. A one-column file gets the comma.
 */
export function sniffDelimiter(
  sample: Uint8Array,
  start: number,
  final: boolean,
  decoder: CellTextDecoder,
): string {
  let best = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const { records } = readTextRecords(
      sample,
      start,
      sample.length,
      final,
      candidate.charCodeAt(0),
      decoder,
      SNIFF_RECORDS,
    );
    if (records.length === 0) continue;
    const headerWidth = records[0]?.fields.length ?? 0;
    if (headerWidth < 2) continue;
    const agreeing = records.filter((record) => record.fields.length === headerWidth).length;
    // Consistency first, then more fields (a file split well by ';' may also hold one ',' per line).
    const score = (agreeing / records.length) * 1000 + Math.min(headerWidth, 999);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
