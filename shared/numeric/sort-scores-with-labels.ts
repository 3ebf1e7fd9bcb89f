/**
 * Scores sorted ascending together with their labels (and weights), by a stable least-significant-
 * digit radix sort on the IEEE-754 bit patterns (four 16-bit passes). The rows travel with their
 * keys, so no random-access gather is needed afterwards: on 10^7 rows this is several times faster
 * than a comparator sort. Scores must not be NaN; -0 sorts immediately before +0.
 */
export interface SortedScores {
  readonly scores: Float64Array;
  readonly labels: Uint8Array;
  readonly weights: Float64Array | undefined;
}

export function sortScoresWithLabels(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
): SortedScores {
  const n = scores.length;
  if (!LITTLE_ENDIAN) return comparatorSort(scores, labels, weights);
  const words = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  let keyHi = new Uint32Array(n);
  let keyLo = new Uint32Array(n);
  let label = labels.slice();
  let weight = weights ? weights.slice() : undefined;
  // Unsigned order of (hi, lo) = numeric order: flip negatives entirely, set the sign bit of the rest.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1]!;
    const lo = words[2 * i]!;
    if (hi & 0x80000000) {
      keyHi[i] = ~hi >>> 0;
      keyLo[i] = ~lo >>> 0;
    } else {
      keyHi[i] = (hi | 0x80000000) >>> 0;
      keyLo[i] = lo;
    }
  }
  const counts = [
    new Uint32Array(RADIX),
    new Uint32Array(RADIX),
    new Uint32Array(RADIX),
    new Uint32Array(RADIX),
  ];
  const [c0, c1, c2, c3] = counts as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  for (let i = 0; i < n; i++) {
    const lo = keyLo[i]!;
    const hi = keyHi[i]!;
    c0[lo & 0xffff]!++;
    c1[lo >>> 16]!++;
    c2[hi & 0xffff]!++;
    c3[hi >>> 16]!++;
  }
  let nextHi = new Uint32Array(n);
  let nextLo = new Uint32Array(n);
  let nextLabel = new Uint8Array(n);
  let nextWeight = weight ? new Float64Array(n) : undefined;
  const passes: [Uint32Array, boolean, number][] = [
    [c0, false, 0],
    [c1, false, 16],
    [c2, true, 0],
    [c3, true, 16],
  ];
  for (const [count, high, shift] of passes) {
    if (toOffsets(count, n)) continue;
    const source = high ? keyHi : keyLo;
    for (let i = 0; i < n; i++) {
      const d = count[(source[i]! >>> shift) & 0xffff]!++;
      nextHi[d] = keyHi[i]!;
      nextLo[d] = keyLo[i]!;
      nextLabel[d] = label[i]!;
      if (weight) nextWeight![d] = weight[i]!;
    }
    [keyHi, nextHi] = [nextHi, keyHi];
    [keyLo, nextLo] = [nextLo, keyLo];
    [label, nextLabel] = [nextLabel, label];
    if (weight) [weight, nextWeight] = [nextWeight!, weight];
  }
  // Undo the key transform into a fresh Float64Array.
  const sorted = new Float64Array(n);
  const sortedWords = new Uint32Array(sorted.buffer);
  for (let i = 0; i < n; i++) {
    const hi = keyHi[i]!;
    if (hi & 0x80000000) {
      sortedWords[2 * i + 1] = hi & 0x7fffffff;
      sortedWords[2 * i] = keyLo[i]!;
    } else {
      sortedWords[2 * i + 1] = ~hi >>> 0;
      sortedWords[2 * i] = ~keyLo[i]! >>> 0;
    }
  }
  return { scores: sorted, labels: label, weights: weight };
}

const RADIX = 1 << 16;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Digit counts to start offsets; true when one digit holds every row (the pass would not move anything). */
function toOffsets(counts: Uint32Array, n: number): boolean {
  let sum = 0;
  let single = false;
  for (let k = 0; k < RADIX; k++) {
    const c = counts[k]!;
    if (c === n) single = true;
    counts[k] = sum;
    sum += c;
  }
  return single;
}

function comparatorSort(
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
): SortedScores {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]! || a - b,
  );
  return {
    scores: Float64Array.from(order, (i) => scores[i]!),
    labels: Uint8Array.from(order, (i) => labels[i]!),
    weights: weights ? Float64Array.from(order, (i) => weights[i]!) : undefined,
  };
}
