// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom
// number generators"), 128-bit state, period 2^128 - 1, seeded through splitmix32 so that nearby
// seeds give unrelated streams. Stream b of seed s is a pure function of (s, b): work can be split
// over threads in any way and still reproduce the same numbers.

/** splitmix32 step (a 32-bit variant of Steele, Lea & Flood's SplitMix), used only for seeding. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** Four 32-bit words of xoshiro128** state for (seed, stream): both are folded in through splitmix32. */
export function seedState(seed: number, stream: number): Uint32Array {
  const words = [
    seed >>> 0,
    Math.floor(seed / 2 ** 32) >>> 0,
    stream >>> 0,
    Math.floor(stream / 2 ** 32) >>> 0,
  ];
  let h = 0x6a09e667;
  for (const word of words) {
    const [, mixed] = splitmix32((h ^ word) | 0);
    h = mixed;
  }
  const state = new Uint32Array(4);
  let s = h | 0;
  for (let i = 0; i < 4; i++) {
    const [next, word] = splitmix32(s);
    s = next;
    state[i] = word;
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

/** A seeded generator of uniform numbers. */
export interface RandomStream {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
}

/** xoshiro128** stream number `stream` of `seed`. */
export function createRandomStream(seed: number, stream = 0): RandomStream {
  const s = seedState(seed, stream);
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    nextDouble: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
  };
}

/** 32-bit left rotation, the mixing step of xoshiro128**. */
export function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
