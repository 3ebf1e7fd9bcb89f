import type { TimestampFormat } from '../../../shared/domain/column-schema';
import { isMissingText } from './missing-tokens';

const MS_PER_DAY = 86_400_000;
const ZERO = 48;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function epochMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = (bytes[i] as number) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * ISO 8601 straight from bytes: `YYYY-MM-DD`, optionally `T` or a space, `HH:MM[:SS[.fff]]`, and
 * `Z` or `±HH:MM`. Anything else answers NaN and goes to the text path.
 */
export function parseIsoBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 10 || b[start + 4] !== 45 || b[start + 7] !== 45) return NaN;
  const y = digitsAt(b, start, 4);
  const mo = digitsAt(b, start + 5, 2);
  const d = digitsAt(b, start + 8, 2);
  if (y < 0 || mo < 0 || d < 0) return NaN;
  if (n === 10) return epochMs(y, mo, d, 0, 0, 0, 0);
  const sep = b[start + 10];
  if ((sep !== 84 && sep !== 32) || n < 16 || b[start + 13] !== 58) return NaN;
  const h = digitsAt(b, start + 11, 2);
  const mi = digitsAt(b, start + 14, 2);
  if (h < 0 || mi < 0) return NaN;
  let i = start + 16;
  let s = 0;
  let ms = 0;
  if (i < end && b[i] === 58) {
    s = digitsAt(b, i + 1, 2);
    if (s < 0 || i + 3 > end) return NaN;
    i += 3;
    if (i < end && (b[i] === 46 || b[i] === 44)) {
      i++;
      let scale = 100;
      const fractionStart = i;
      while (i < end && (b[i] as number) >= ZERO && (b[i] as number) <= ZERO + 9) {
        ms += ((b[i] as number) - ZERO) * scale;
        scale /= 10;
        i++;
      }
      if (i === fractionStart) return NaN;
      ms = Math.floor(ms);
    }
  }
  let offsetMinutes = 0;
  if (i < end) {
    const z = b[i];
    const rest = end - i;
    const isUtc = z === 90 && rest === 1;
    if (!isUtc) {
      if ((z !== 43 && z !== 45) || (rest !== 6 && rest !== 5 && rest !== 3)) return NaN;
      const oh = digitsAt(b, i + 1, 2);
      const om = rest === 3 ? 0 : digitsAt(b, end - 2, 2);
      if (oh < 0 || om < 0 || (rest === 6 && b[i + 3] !== 58)) return NaN;
      offsetMinutes = (z === 43 ? 1 : -1) * (oh * 60 + om);
    }
  }
  const local = epochMs(y, mo, d, h, mi, s, ms);
  return local - offsetMinutes * 60_000;
}

const encoder = new TextEncoder();

const SLASHED =
  /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

function parseSlashed(text: string, order: 'ymd' | 'dmy' | 'mdy', separator: '/' | '.'): number {
  if (!text.includes(separator)) return NaN;
  const m = SLASHED.exec(text);
  if (!m) return NaN;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  if ((order === 'ymd' ? (m[1] as string) : (m[3] as string)).length !== 4) return NaN;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return epochMs(y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
}

export type TimestampParse = { ok: true; value: number } | { ok: false };

/** The text path for every format; missing tokens give NaN. */
export function parseTimestampText(text: string, format: TimestampFormat): TimestampParse {
  if (isMissingText(text)) return { ok: true, value: NaN };
  const t = text.trim();
  let value: number;
  switch (format) {
    case 'iso8601': {
      const bytes = encoder.encode(t);
      value = parseIsoBytes(bytes, 0, bytes.length);
      break;
    }
    case 'epoch-seconds':
    case 'epoch-milliseconds': {
      value = /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) * (format === 'epoch-seconds' ? 1000 : 1) : NaN;
      break;
    }
    case 'yyyy/mm/dd':
      value = parseSlashed(t, 'ymd', '/');
      break;
    case 'dd/mm/yyyy':
      value = parseSlashed(t, 'dmy', '/');
      break;
    case 'mm/dd/yyyy':
      value = parseSlashed(t, 'mdy', '/');
      break;
    case 'dd.mm.yyyy':
      value = parseSlashed(t, 'dmy', '.');
      break;
  }
  // Beyond ±275,000 years JavaScript dates cannot represent it either.
  return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? { ok: true, value } : { ok: false };
}

/** Epoch values are told apart by magnitude: seconds for 1973-2128, milliseconds for 1973 onwards. */
const EPOCH_SECONDS_MIN = 1e8;
const EPOCH_SECONDS_MAX = 5e9;
const EPOCH_MS_MIN = 1e11;
const EPOCH_MS_MAX = 5e12;

const TEXT_FORMATS: TimestampFormat[] = ['iso8601', 'yyyy/mm/dd', 'dd/mm/yyyy', 'mm/dd/yyyy', 'dd.mm.yyyy'];

/**
 * The first format that reads every sample value, or null. Day-first and month-first dates
 * are ambiguous until a day above 12 shows up; day-first wins a tie (most of the world).
 * Plain numbers are timestamps only when the column's name says so (`numericLooksTime`).
 */
export function inferTimestampFormat(
  values: readonly string[],
  numericLooksTime: boolean,
): TimestampFormat | null {
  const present = values.map((v) => v.trim()).filter((v) => !isMissingText(v));
  if (present.length === 0) return null;
  if (present.every((v) => /^\d+(\.\d+)?$/.test(v))) {
    if (!numericLooksTime) return null;
    const numbers = present.map(Number);
    if (numbers.every((n) => n >= EPOCH_SECONDS_MIN && n <= EPOCH_SECONDS_MAX)) return 'epoch-seconds';
    if (numbers.every((n) => n >= EPOCH_MS_MIN && n <= EPOCH_MS_MAX)) return 'epoch-milliseconds';
    return null;
  }
  // Most values (not all): a few unreadable dates are then reported by the import, not hidden.
  const needed = Math.ceil(present.length * 0.8);
  for (const format of TEXT_FORMATS) {
    let readable = 0;
    for (const v of present) if (parseTimestampText(v, format).ok) readable++;
    if (readable >= needed) return format;
  }
  return null;
}
