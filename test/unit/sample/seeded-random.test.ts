import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../electron/engine/sample/seeded-random';

const draw = (random: SeededRandom, count: number) =>
  Array.from({ length: count }, () => random.nextUint32());

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and stream, and only then', () => {
    const first = draw(new SeededRandom(42), 1000);
    expect(draw(new SeededRandom(42), 1000)).toEqual(first);
    expect(draw(new SeededRandom(43), 1000)).not.toEqual(first);
    expect(draw(new SeededRandom(42, 1), 1000)).not.toEqual(first);
    // The high 32 bits of the seed count too, and so does the sign.
    expect(draw(new SeededRandom(2 ** 32 + 42), 1000)).not.toEqual(first);
    expect(draw(new SeededRandom(-42), 1000)).not.toEqual(first);
  });

  it('still produces the words the bundled sample was generated from', () => {
    // If the bundled file's checksum test fails, this one says whether the PRNG is the cause.
    expect(draw(new SeededRandom(42), 4)).toEqual([3755495369, 2403936371, 2543651251, 401275601]);
  });

  it('draws uniforms on [0, 1) with the right mean and variance', () => {
    const random = new SeededRandom(7);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = random.uniform();
      sum += u;
      sumSquares += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    // Mean 1/2 with standard error sqrt(1/12/n) ≈ 6.5e-4; variance 1/12.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(sumSquares / n - mean * mean).toBeCloseTo(1 / 12, 3);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('draws standard normals: mean 0, variance 1, 5 % beyond ±1.96', () => {
    const random = new SeededRandom(11);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      sumSquares += z * z;
      if (Math.abs(z) > 1.959964) beyond++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(beyond / n - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n));
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => new SeededRandom(1.5)).toThrow(/safe integer/);
    expect(() => new SeededRandom(Number.NaN)).toThrow(/safe integer/);
    expect(() => new SeededRandom(2 ** 53)).toThrow(/safe integer/);
  });
});
