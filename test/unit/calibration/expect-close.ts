import { expect } from 'vitest';

/** |actual - expected| ≤ tolerance · max(|expected|, 1e-6): relative, with a floor for values near 0. */
export function expectRelativeClose(actual: number, expected: number, tolerance: number, what = ''): void {
  const allowed = tolerance * Math.max(Math.abs(expected), 1e-6);
  const error = Math.abs(actual - expected);
  expect(error <= allowed, `${what}: ${actual} vs ${expected} (error ${error}, allowed ${allowed})`).toBe(
    true,
  );
}

export function expectAllRelativeClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  what = '',
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expectRelativeClose(actual[i]!, expected[i]!, tolerance, `${what}[${i}]`);
}
