// Poisson(1) variates by inversion of the cdf at 32-bit resolution, table-driven: the top 16 bits of
// a uniform word index a 65,536-entry table that answers directly except in the few cells that
// straddle a cdf step, where 16 more bits decide. Used for the Poisson bootstrap.

/** cdf thresholds of Poisson(1) scaled to 2^32: P(X <= k) * 2^32 for k = 0, 1, ... */
function thresholds(): number[] {
  const result: number[] = [];
  let term = Math.exp(-1);
  let cdf = 0;
  for (let k = 0; k < 24; k++) {
    cdf += term;
    term /= k + 1;
    result.push(cdf * 2 ** 32);
  }
  return result;
}

export const POISSON_ONE_THRESHOLDS: readonly number[] = thresholds();

/** Marks a table cell that needs 16 more bits to decide. */
export const POISSON_ONE_AMBIGUOUS = 255;

/** count = table[u >>> 16] unless the cell is ambiguous (POISSON_ONE_AMBIGUOUS). */
export function poissonOneTable(): Uint8Array {
  const table = new Uint8Array(65536);
  const t = POISSON_ONE_THRESHOLDS;
  let k = 0;
  for (let cell = 0; cell < 65536; cell++) {
    const lo = cell * 65536;
    const hi = lo + 65535;
    while (k < t.length - 1 && lo >= t[k]!) k++;
    table[cell] = hi < t[k]! ? k : POISSON_ONE_AMBIGUOUS;
  }
  return table;
}

/** Poisson(1) count for a full 32-bit uniform word: the smallest k with u < P(X <= k) 2^32. */
export function poissonOneFromWord(word: number): number {
  const t = POISSON_ONE_THRESHOLDS;
  let k = 0;
  while (k < t.length - 1 && word >= t[k]!) k++;
  return k;
}

/** Second-level lookup for the ambiguous cells: fine[(index[cell] << 16) | next16] is the count. */
export interface PoissonOneRefinement {
  readonly index: Int32Array;
  readonly fine: Uint8Array;
}

/** Precomputes exact counts for every 32-bit word whose top half is an ambiguous cell. */
export function poissonOneRefinement(table: Uint8Array): PoissonOneRefinement {
  const index = new Int32Array(65536).fill(-1);
  const cells: number[] = [];
  for (let cell = 0; cell < 65536; cell++) {
    if (table[cell] === POISSON_ONE_AMBIGUOUS) {
      index[cell] = cells.length;
      cells.push(cell);
    }
  }
  const fine = new Uint8Array(cells.length * 65536);
  cells.forEach((cell, k) => {
    for (let low = 0; low < 65536; low++) fine[k * 65536 + low] = poissonOneFromWord(cell * 65536 + low);
  });
  return { index, fine };
}
