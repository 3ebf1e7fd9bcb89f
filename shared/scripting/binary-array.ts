import { z } from 'zod';

/**
 * Typed arrays travel through every transport (IPC, HTTP JSON, in-process) as base64 of their
 * little-endian bytes: one encoding that JSON carries, about 4/3 of the raw size.
 */
export const BinaryArraySchema = z.strictObject({
  type: z.enum(['float64', 'int32', 'uint8']),
  length: z.number().int().nonnegative(),
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type BinaryArray = z.infer<typeof BinaryArraySchema>;

type ArrayOf<T extends BinaryArray['type']> = T extends 'float64'
  ? Float64Array
  : T extends 'int32'
    ? Int32Array
    : Uint8Array;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const BYTES_PER_ELEMENT = { float64: 8, int32: 4, uint8: 1 } as const;

/** Encodes a typed array (little-endian hosts only, which is every platform Scorecal ships for). */
export function encodeBinaryArray(values: Float64Array | Int32Array | Uint8Array): BinaryArray {
  const type = values instanceof Float64Array ? 'float64' : values instanceof Int32Array ? 'int32' : 'uint8';
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return { type, length: values.length, base64: bytesToBase64(bytes) };
}

/** Decodes and checks that the byte count matches the declared type and length. */
export function decodeBinaryArray<T extends BinaryArray['type']>(
  array: BinaryArray & { type: T },
): ArrayOf<T> {
  const bytes = base64ToBytes(array.base64);
  const expected = array.length * BYTES_PER_ELEMENT[array.type];
  if (bytes.length !== expected) {
    throw new RangeError(
      `binary array holds ${bytes.length} bytes, but ${array.length} ${array.type} values need ${expected}`,
    );
  }
  const buffer = bytes.buffer;
  if (array.type === 'float64') return new Float64Array(buffer, 0, array.length) as ArrayOf<T>;
  if (array.type === 'int32') return new Int32Array(buffer, 0, array.length) as ArrayOf<T>;
  return bytes as ArrayOf<T>;
}

/** RFC 4648 §4 base64 with padding. Built in pieces so a 100 MB column never needs one huge concat. */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  const chunk = 3 * 16384;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes.push(
        ALPHABET.charCodeAt(n >>> 18),
        ALPHABET.charCodeAt((n >>> 12) & 63),
        ALPHABET.charCodeAt((n >>> 6) & 63),
        ALPHABET.charCodeAt(n & 63),
      );
    }
    const rest = end - i;
    if (rest > 0) {
      const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
      codes.push(ALPHABET.charCodeAt(n >>> 18), ALPHABET.charCodeAt((n >>> 12) & 63));
      codes.push(rest === 2 ? ALPHABET.charCodeAt((n >>> 6) & 63) : 61, 61);
    }
    pieces.push(String.fromCharCode(...codes));
  }
  return pieces.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new RangeError('base64 length must be a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = text.charCodeAt(i + 2) === 61 ? 0 : sextet(text, i + 2);
    const d = text.charCodeAt(i + 3) === 61 ? 0 : sextet(text, i + 3);
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? DECODE[code]! : -1;
  if (value < 0) throw new RangeError(`not a base64 character at offset ${index}`);
  return value;
}
