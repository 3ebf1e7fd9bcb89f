import { describe, expect, it } from 'vitest';
import { parseNumberText, parseSimpleDecimal } from '../../../electron/engine/import/decode-number';
import {
  inferTimestampFormat,
  parseIsoBytes,
  parseTimestampText,
} from '../../../electron/engine/import/decode-timestamp';
import { parseBooleanText } from '../../../electron/engine/import/decode-boolean';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('the byte-level number parser', () => {
  it('gives exactly what Number() gives for plain decimals, or defers', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const digits = Math.floor(random() * 16);
      const text = `${random() < 0.3 ? '-' : ''}${Math.floor(random() * 10 ** (digits % 8))}.${String(Math.floor(random() * 10 ** digits)).padStart(digits, '0')}`;
      const b = bytes(text);
      const fast = parseSimpleDecimal(b, 0, b.length, 46);
      if (!Number.isNaN(fast)) expect(fast).toBe(Number(text));
    }
    for (const text of ['1e5', '0x10', ' 1', 'abc', '1.2.3', '-', '12345678901234567']) {
      const b = bytes(text);
      expect(Number.isNaN(parseSimpleDecimal(b, 0, b.length, 46))).toBe(true);
    }
  });

  it('reads a decimal comma, missing tokens, and refuses what is not a finite decimal', () => {
    const b = bytes('-3,25');
    expect(parseSimpleDecimal(b, 0, b.length, 44)).toBe(-3.25);
    expect(parseNumberText('1,5', ',')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberText('NA', '.')).toEqual({ ok: true, value: NaN });
    expect(parseNumberText(' 2.5e3 ', '.')).toEqual({ ok: true, value: 2500 });
    for (const bad of ['abc', 'Infinity', '0x1f', '1e999', '1.5.'])
      expect(parseNumberText(bad, '.').ok).toBe(false);
  });
});

describe('timestamps', () => {
  it('reads ISO 8601 from bytes as UTC, with offsets and fractions', () => {
    const iso = (t: string) => parseIsoBytes(bytes(t), 0, t.length);
    expect(iso('2024-01-01T00:01:07Z')).toBe(Date.UTC(2024, 0, 1, 0, 1, 7));
    expect(iso('2024-02-29 23:59:59.250')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 250));
    expect(iso('2024-03-10T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 10, 10));
    expect(iso('1969-12-31')).toBe(Date.UTC(1969, 11, 31));
    for (const bad of ['2023-02-29', '2024-13-01', '2024-01-01T25:00', '2024/01/01', 'yesterday']) {
      expect(Number.isNaN(iso(bad))).toBe(true);
    }
  });

  it('infers day-first, month-first and epoch formats', () => {
    expect(inferTimestampFormat(['13/01/2024', '02/03/2024'], false)).toBe('dd/mm/yyyy');
    expect(inferTimestampFormat(['01/13/2024', '02/03/2024'], false)).toBe('mm/dd/yyyy');
    expect(inferTimestampFormat(['1704067200', '1704153600'], true)).toBe('epoch-seconds');
    expect(inferTimestampFormat(['1704067200', '1704153600'], false)).toBeNull();
    expect(inferTimestampFormat(['1704067200000'], true)).toBe('epoch-milliseconds');
    expect(parseTimestampText('31.12.2023 18:30', 'dd.mm.yyyy')).toEqual({
      ok: true,
      value: Date.UTC(2023, 11, 31, 18, 30),
    });
  });

  it('reads yes/no answers as booleans', () => {
    expect(['1', 'TRUE', 'yes', 'Y'].map(parseBooleanText)).toEqual([1, 1, 1, 1]);
    expect(['0', 'false', 'No'].map(parseBooleanText)).toEqual([0, 0, 0]);
    expect(parseBooleanText('')).toBeNaN();
    expect(parseBooleanText('2')).toBeNull();
  });
});
