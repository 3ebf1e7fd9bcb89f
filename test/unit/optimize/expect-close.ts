import { expect } from 'vitest';

/** max |actualᵢ - expectedᵢ| / max(1, |expectedᵢ|) ≤ tolerance. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  what = '',
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    expect(error <= tolerance, `${what}[${i}]: ${actual[i]} vs ${expected[i]} (error ${error})`).toBe(true);
  }
}

/** Relative error per entry (no floor): for standard errors, which are small numbers. */
export function expectRelativeClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  what = '',
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!) / Math.abs(expected[i]!);
    expect(error <= tolerance, `${what}[${i}]: ${actual[i]} vs ${expected[i]} (error ${error})`).toBe(true);
  }
}
