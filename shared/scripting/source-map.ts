import { z } from 'zod';
import type { GeneratedLocation } from './stack-location';

const SourceMapSchema = z.object({ version: z.literal(3), mappings: z.string() });

interface Segment {
  /** 0-based generated column. */
  readonly column: number;
  readonly sourceLine: number;
  readonly sourceColumn: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Maps a position in compiled JavaScript back to the TypeScript source with the compiler's
 * source map (Source Map Revision 3: `;` separates generated lines, `,` segments, fields are
 * base64 VLQ deltas). Returns 1-based positions; null when the map has nothing for that line.
 */
export function originalLocation(sourceMapText: string, at: GeneratedLocation): GeneratedLocation | null {
  let parsed: z.infer<typeof SourceMapSchema>;
  try {
    parsed = SourceMapSchema.parse(JSON.parse(sourceMapText));
  } catch {
    return null;
  }
  const lines = decodeMappings(parsed.mappings);
  const segments = lines[at.line - 1];
  if (!segments || segments.length === 0) return null;
  // The last segment starting at or before the column (else the line's first).
  let best = segments[0]!;
  for (const segment of segments) if (segment.column <= at.column - 1) best = segment;
  return { line: best.sourceLine + 1, column: best.sourceColumn + 1 };
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceLine += fields[2]!;
        sourceColumn += fields[3]!;
        segments.push({ column, sourceLine, sourceColumn });
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** Base64 VLQ: 5 data bits per digit, bit 6 continues, the lowest bit of the value is the sign. */
function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) return values;
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}
