/**
 * A small seeded PRNG (xoshiro128**, Blackman & Vigna 2018) so the sample is reproducible on
 * every platform; Math.random cannot be seeded.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  /**
   * `seed` is any safe integer; `stream` picks an independent sequence for the same seed, so
   * adding draws to one part of the model does not shift the numbers another part sees.
   */
  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`The seed must be a safe integer, got ${seed}.`);
    const wide = BigInt(seed);
    const low = Number(BigInt.asUintN(32, wide));
    const high = Number(BigInt.asUintN(32, wide >> 32n));
    // splitmix32 spreads the seed over the 128-bit state; xoshiro must not start from all zeros.
    let mixer = fmix32(low ^ fmix32(high ^ fmix32(stream + 0x5bd1e995)));
    const nextSeedWord = (): number => {
      mixer = (mixer + 0x9e3779b9) | 0;
      return fmix32(mixer);
    };
    this.s0 = nextSeedWord();
    this.s1 = nextSeedWord();
    this.s2 = nextSeedWord();
    this.s3 = nextSeedWord();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9);
    const shifted = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= shifted;
    this.s3 = rotateLeft(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits, the full precision of a double. */
  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67_108_864 + low) / 9_007_199_254_740_992;
  }

  /** Standard normal by Box–Muller: z = sqrt(-2 ln u1) * cos(2 pi u2), its sine twin kept for the next call. */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform())); // 1 - u lies in (0, 1], so the log is finite
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Exponential with mean 1 by inversion: -ln(1 - u). */
  exponential(): number {
    return -Math.log(1 - this.uniform());
  }
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** MurmurHash3's 32-bit finaliser: a bijection that makes every input bit affect every output bit. */
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
