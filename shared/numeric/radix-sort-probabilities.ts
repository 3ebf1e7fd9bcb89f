// Stable sort of probabilities that carries each row's 0/1 outcome in the sign bit of its key.
//
// For x >= 0 the IEEE-754 bit pattern orders like the number, so a least-significant-digit radix
// sort on bits 0..62 sorts the rows (Knuth, TAOCP vol. 3, §5.2.5). Bit 63, the sign, is never a
// digit: it is free to hold the outcome, so the key -p (y = 1) or +p (y = 0) travels through every
// pass as one 8-byte move and comes back out as |key| and its sign. Six passes of 11 or 10 bits
// (2048 or 1024 buckets, small enough for the write targets to stay in cache) cover bits 0..62;
// a pass whose digit is the same for every row is skipped. LSD radix sort is stable, so tied
// predictions keep their input order, as R's order() does — lowess windows that end inside a
// run of ties depend on it.

/** Sorted rows: |keys[i]| is the i-th smallest prediction, keys[i] < 0 or -0 marks outcome 1. */
export interface PackedSortedRows {
  readonly keys: Float64Array;
  /** Row weights in the same order; undefined when unweighted. */
  readonly weights: Float64Array | undefined;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the low and high 32-bit word of element i within a Uint32Array view: 2 i + LO, 2 i + HI. */
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/** [word (LO/HI), shift, bits] of each digit, least significant first; bit 63 is left out. */
const DIGITS: readonly (readonly [number, number, number])[] = [
  [LO, 0, 11],
  [LO, 11, 11],
  [LO, 22, 10],
  [HI, 0, 10],
  [HI, 10, 10],
  [HI, 20, 11], // bits 52..62: the exponent (and bit 63 masked off)
];
const BUCKETS = 2048;

/**
 * Sorts rows by p ascending, stably, and returns them packed (see PackedSortedRows). Every p must
 * be a non-negative number (validated by the caller); -0 ties with +0 and comes back as +0.
 */
export function sortProbabilitiesWithOutcomes(
  p: Float64Array,
  y: Uint8Array,
  w: Float64Array | undefined,
): PackedSortedRows {
  const n = p.length;
  // Histograms of every digit in one pass over the bit patterns of p (the sign bit is no digit,
  // so -0 and +0 count alike).
  const counts = histograms(new Uint32Array(p.buffer, p.byteOffset, 2 * n), n);
  const passes: number[] = [];
  for (let d = 0; d < DIGITS.length; d++) {
    if (!toOffsets(counts, d * BUCKETS, n)) passes.push(d);
  }

  let keys = new Float64Array(n);
  let weights = w ? new Float64Array(n) : undefined;
  if (passes.length === 0) {
    // Every row has the same bit pattern up to the sign: already in order.
    packKeys(p, y, keys);
    if (weights) weights.set(w!);
    return { keys, weights };
  }
  // The first pass reads p and y directly and writes packed keys.
  const first = passes[0]!;
  const [firstWord, firstShift, firstBits] = DIGITS[first]!;
  scatterFirst(
    p,
    new Uint32Array(p.buffer, p.byteOffset, 2 * n),
    y,
    w,
    keys,
    weights,
    counts.subarray(first * BUCKETS, (first + 1) * BUCKETS),
    firstWord,
    firstShift,
    (1 << firstBits) - 1,
  );
  let spare = new Float64Array(n);
  let spareWeights = w ? new Float64Array(n) : undefined;
  for (let k = 1; k < passes.length; k++) {
    const d = passes[k]!;
    const [word, shift, bits] = DIGITS[d]!;
    const offsets = counts.subarray(d * BUCKETS, (d + 1) * BUCKETS);
    const mask = (1 << bits) - 1;
    if (weights) scatterWeighted(keys, weights, spare, spareWeights!, offsets, word, shift, mask);
    else scatter(keys, spare, offsets, word, shift, mask);
    [keys, spare] = [spare, keys];
    if (weights) [weights, spareWeights] = [spareWeights!, weights];
  }
  return { keys, weights };
}

/** Counts of every digit value, digit d at [d·BUCKETS, (d + 1)·BUCKETS). */
function histograms(words: Uint32Array, n: number): Uint32Array {
  const counts = new Uint32Array(DIGITS.length * BUCKETS);
  // Module constants bound to locals: the loop runs once per call, in on-stack-replaced code, where
  // reading a closure variable on every row is several times slower than a local.
  const lo = LO;
  const hi = HI;
  const c0 = counts.subarray(0, BUCKETS);
  const c1 = counts.subarray(BUCKETS, 2 * BUCKETS);
  const c2 = counts.subarray(2 * BUCKETS, 3 * BUCKETS);
  const c3 = counts.subarray(3 * BUCKETS, 4 * BUCKETS);
  const c4 = counts.subarray(4 * BUCKETS, 5 * BUCKETS);
  const c5 = counts.subarray(5 * BUCKETS, 6 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const a = words[2 * i + lo]!;
    const b = words[2 * i + hi]!;
    c0[a & 0x7ff]!++;
    c1[(a >>> 11) & 0x7ff]!++;
    c2[a >>> 22]!++;
    c3[b & 0x3ff]!++;
    c4[(b >>> 10) & 0x3ff]!++;
    c5[(b >>> 20) & 0x7ff]!++;
  }
  return counts;
}

/** Turns digit d's counts into start offsets in place; true when one bucket holds every row. */
function toOffsets(counts: Uint32Array, from: number, n: number): boolean {
  let sum = 0;
  let single = false;
  for (let k = from; k < from + BUCKETS; k++) {
    const c = counts[k]!;
    if (c === n) single = true;
    counts[k] = sum;
    sum += c;
  }
  return single;
}

/** key = p with the sign set for outcome 1 (multiplying by ±1 is exact; 0 becomes ±0, -0 first becomes +0). */
function packKeys(p: Float64Array, y: Uint8Array, keys: Float64Array): void {
  for (let i = 0; i < p.length; i++) keys[i] = (p[i]! + 0) * (1 - 2 * y[i]!);
}

function scatterFirst(
  p: Float64Array,
  words: Uint32Array,
  y: Uint8Array,
  w: Float64Array | undefined,
  keys: Float64Array,
  weights: Float64Array | undefined,
  offsets: Uint32Array,
  word: number,
  shift: number,
  mask: number,
): void {
  const n = p.length;
  if (w) {
    for (let i = 0; i < n; i++) {
      const t = offsets[(words[2 * i + word]! >>> shift) & mask]!++;
      keys[t] = (p[i]! + 0) * (1 - 2 * y[i]!);
      weights![t] = w[i]!;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const t = offsets[(words[2 * i + word]! >>> shift) & mask]!++;
    keys[t] = (p[i]! + 0) * (1 - 2 * y[i]!);
  }
}

function scatter(
  source: Float64Array,
  target: Float64Array,
  offsets: Uint32Array,
  word: number,
  shift: number,
  mask: number,
): void {
  const words = new Uint32Array(source.buffer, source.byteOffset, 2 * source.length);
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const t = offsets[(words[2 * i + word]! >>> shift) & mask]!++;
    target[t] = source[i]!;
  }
}

function scatterWeighted(
  source: Float64Array,
  sourceWeights: Float64Array,
  target: Float64Array,
  targetWeights: Float64Array,
  offsets: Uint32Array,
  word: number,
  shift: number,
  mask: number,
): void {
  const words = new Uint32Array(source.buffer, source.byteOffset, 2 * source.length);
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const t = offsets[(words[2 * i + word]! >>> shift) & mask]!++;
    target[t] = source[i]!;
    targetWeights[t] = sourceWeights[i]!;
  }
}

/** The outcome packed into sorted key i (1 when its sign bit is set, which also catches -0). */
export function outcomeBitsOf(keys: Float64Array): Uint32Array {
  return new Uint32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
}

/** Word offset of the high word (holding the sign bit) of element i in outcomeBitsOf(keys): 2 i + HIGH_WORD. */
export const HIGH_WORD = HI;
