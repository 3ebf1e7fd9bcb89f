import { isMissingText } from './missing-tokens';

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const PLUS = 43;

/** Exact powers of ten: dividing an exact integer by one of these rounds correctly (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Returned by the byte fast path when the text needs the general parser. */
/**
 * Parses a plain decimal (`-12.345`) straight from bytes. Anything else (exponents, more than 15
 * significant digits, spaces, words) answer NaN so that the caller takes the
 * text path; the answer is then always the same as `Number(text)` would give.
 */
export function parseSimpleDecimal(
  bytes: Uint8Array,
  start: number,
  end: number,
  decimalByte: number,
): number {
  let i = start;
  let negative = false;
  const first = bytes[i] as number;
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= ZERO && b <= NINE) {
      mantissa = mantissa * 10 + (b - ZERO);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (b === decimalByte && fraction < 0) {
      fraction = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
  return negative ? -value : value;
}

export type NumberParse = { ok: true; value: number } | { ok: false };

/** The general path: missing tokens give NaN; anything not a finite number fails. */
export function parseNumberText(text: string, decimal: '.' | ','): NumberParse {
  if (isMissingText(text)) return { ok: true, value: NaN };
  let t = text.trim();
  if (decimal === ',') {
    if (t.includes('.')) return { ok: false };
    t = t.replace(',', '.');
  }
  // Number('') is 0 and Number('0x1f') is 31: neither is a decimal number in a data file.
  if (t === '' || /^[+-]?0[xXbBoO]/.test(t)) return { ok: false };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
