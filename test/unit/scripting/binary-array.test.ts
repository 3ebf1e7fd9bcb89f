import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodeBinaryArray,
  encodeBinaryArray,
} from '../../../shared/scripting/binary-array';

describe('binary arrays', () => {
  it('encodes bytes exactly as Node does (RFC 4648 with padding)', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 3 * 16384 + 2]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919) % 256);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
    }
  });

  it('round-trips typed arrays, NaN and signed zero included', () => {
    const floats = Float64Array.from([0, -0, 1.5, Number.NaN, -Infinity, 1e-310]);
    const back = decodeBinaryArray(encodeBinaryArray(floats));
    expect(back).toBeInstanceOf(Float64Array);
    expect(Array.from(back)).toEqual(Array.from(floats));
    expect(Object.is(back[1], -0)).toBe(true);
    const codes = Int32Array.from([-1, 0, 2147483647]);
    expect(Array.from(decodeBinaryArray(encodeBinaryArray(codes)))).toEqual([-1, 0, 2147483647]);
  });

  it('refuses a byte count that does not match the declared length, and foreign characters', () => {
    const encoded = encodeBinaryArray(Float64Array.from([1, 2]));
    expect(() => decodeBinaryArray({ ...encoded, length: 3 })).toThrow(
      /holds 16 bytes, but 3 float64 values need 24/,
    );
    expect(() => base64ToBytes('ab$d')).toThrow(/not a base64 character at offset 2/);
  });
});
