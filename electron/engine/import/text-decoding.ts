import type { TextEncoding } from '../../../shared/domain/import-options';

/** Decodes cell bytes in the file's encoding; invalid UTF-8 answers null instead of U+FFFD. */
export class CellTextDecoder {
  private readonly strict: TextDecoder;
  private readonly lenient: TextDecoder;

  constructor(readonly encoding: TextEncoding) {
    this.strict = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.lenient = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  }

  decode(bytes: Uint8Array, start: number, end: number): string | null {
    if (isAscii(bytes, start, end)) return latin1(bytes, start, end);
    try {
      return this.strict.decode(bytes.subarray(start, end));
    } catch {
      return null;
    }
  }

  /** For messages: never fails, shows bad bytes as U+FFFD. */
  decodeForDisplay(bytes: Uint8Array, start: number, end: number): string {
    return this.lenient.decode(bytes.subarray(start, end));
  }
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) > 127) return false;
  return true;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start < 64) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
    return s;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
