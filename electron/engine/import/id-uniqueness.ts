/**
 * Finds repeated ids without keeping a JavaScript Set of millions of numbers: ids that only
 * grow (the usual export order) need one comparison each; otherwise an open-addressing hash
 * set of float64 keys takes over. Category ids (dictionary codes) use a bitmap.
 */
export class IdUniqueness {
  private last = -Infinity;
  private increasing = true;
  private history = new Float64Array(1024);
  private count = 0;
  private table: Float64Array | null = null;
  private filled = 0;
  private codesSeen = new Uint8Array(1024);

  /** True when `id` was seen before (and then it is not recorded again). */
  seenNumber(id: number): boolean {
    if (this.increasing) {
      if (id > this.last) {
        this.last = id;
        this.remember(id);
        return false;
      }
      this.increasing = false;
      this.buildTable();
    }
    return !this.insert(id);
  }

  seenCode(code: number): boolean {
    if (code >= this.codesSeen.length) {
      const grown = new Uint8Array(Math.max(code + 1, this.codesSeen.length * 2));
      grown.set(this.codesSeen);
      this.codesSeen = grown;
    }
    if (this.codesSeen[code] === 1) return true;
    this.codesSeen[code] = 1;
    return false;
  }

  private remember(id: number): void {
    if (this.count === this.history.length) {
      const grown = new Float64Array(this.history.length * 2);
      grown.set(this.history);
      this.history = grown;
    }
    this.history[this.count++] = id;
  }

  private buildTable(): void {
    let capacity = 1 << 16;
    while (capacity < this.count * 2) capacity *= 2;
    this.table = new Float64Array(capacity).fill(NaN);
    this.filled = 0;
    for (let i = 0; i < this.count; i++) this.insert(this.history[i] as number);
    this.history = new Float64Array(0);
  }

  /** Adds `id`; false when it was already there. */
  private insert(id: number): boolean {
    let table = this.table as Float64Array;
    if (this.filled * 10 >= table.length * 7) {
      const old = table;
      this.table = table = new Float64Array(old.length * 2).fill(NaN);
      this.filled = 0;
      for (let i = 0; i < old.length; i++) if (!Number.isNaN(old[i] as number)) this.insert(old[i] as number);
    }
    const mask = table.length - 1;
    let slot = mix(id) & mask;
    for (;;) {
      const held = table[slot] as number;
      if (Number.isNaN(held)) {
        table[slot] = id;
        this.filled++;
        return true;
      }
      if (held === id) return false;
      slot = (slot + 1) & mask;
    }
  }
}

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

function mix(value: number): number {
  bits[0] = value === 0 ? 0 : value; // -0 and 0 are the same id
  let h = Math.imul((words[0] as number) ^ 0x9e3779b9, 0x85ebca6b) ^ (words[1] as number);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
