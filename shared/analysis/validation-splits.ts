import { createRandomStream } from '../statistics/random';

/**
 * Stratified random holdout: within each outcome class, a seeded Fisher–Yates shuffle puts
 * round(fraction · class size) rows in the test set, so both sets keep the base rate.
 * Returns 1 for test rows, 0 for training rows.
 */
export function stratifiedHoldout(y: Uint8Array, testFraction: number, seed: number): Uint8Array {
  const isTest = new Uint8Array(y.length);
  for (const cls of [0, 1]) {
    const members = classMembers(y, cls);
    shuffle(members, seed, cls);
    const take = Math.round(testFraction * members.length);
    for (let k = 0; k < take; k++) isTest[members[k] as number] = 1;
  }
  return isTest;
}

/**
 * Stratified k-fold assignment: each class is shuffled (seeded) and dealt round-robin into the
 * folds, so fold sizes and base rates differ by at most one row per class. Returns the fold of each row.
 */
export function stratifiedFolds(y: Uint8Array, folds: number, seed: number): Int32Array {
  const foldOf = new Int32Array(y.length);
  let dealt = 0;
  for (const cls of [0, 1]) {
    const members = classMembers(y, cls);
    shuffle(members, seed, cls);
    for (let k = 0; k < members.length; k++) foldOf[members[k] as number] = (dealt + k) % folds;
    dealt += members.length;
  }
  return foldOf;
}

/** Out-of-time split: rows at or after `splitAt` (epoch ms) are the test set. NaN times are left out (2). */
export function timeSplit(times: Float64Array, splitAt: number): Uint8Array {
  const side = new Uint8Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    side[i] = Number.isNaN(t) ? 2 : t >= splitAt ? 1 : 0;
  }
  return side;
}

function classMembers(y: Uint8Array, cls: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === cls) count++;
  const members = new Uint32Array(count);
  for (let i = 0, k = 0; i < y.length; i++) if (y[i] === cls) members[k++] = i;
  return members;
}

/** Fisher–Yates (Knuth 1997, TAOCP vol. 2, Algorithm P) on stream (seed, class). */
function shuffle(values: Uint32Array, seed: number, stream: number): void {
  const random = createRandomStream(seed, 1000 + stream);
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random.nextDouble() * (i + 1));
    const tmp = values[i] as number;
    values[i] = values[j] as number;
    values[j] = tmp;
  }
}
