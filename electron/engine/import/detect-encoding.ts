import type { TextEncoding } from '../../../shared/domain/import-options';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * UTF-8 when the sample decodes strictly (a BOM settles it), else Windows-1252, which reads any
 * byte and is what Latin-1 exports usually are. `complete`: the sample is the whole file, so a
 * multi-byte character cut at its end is an error, not the cut.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8';
  let end = sample.length;
  if (!complete) {
    // Step back over a character cut in the middle by the end of the sample.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((sample[end - back - 1] as number) & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && (sample[end - back - 1] as number) >= 0xc0) end = end - back - 1;
  }
  try {
    utf8.decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Text files do not hold NUL bytes; binary files almost always do near the start. */
export function firstNulByte(sample: Uint8Array): number {
  return sample.indexOf(0);
}
