/**
 * Codes for the distinct values of a category or text column, looked up by the cell's raw bytes
 * so that the common case (a value seen before) costs a hash and a byte compare, no string.
 */
export class CategoryDictionary {
  readonly values: string[] = [];
  private readonly entryBytes: Uint8Array[] = [];
  /** hash of the bytes -> code of the first value with that hash. */
  private readonly byHash = new Map<number, number>();
  /** Values whose hash collided with another value's, by text. */
  private readonly byText = new Map<string, number>();

  /** The code of these bytes if seen before, else -1 (then call `add`). */
  find(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const code = this.byHash.get(hash);
    if (code === undefined) return -1;
    if (sameBytes(this.entryBytes[code] as Uint8Array, bytes, start, end)) return code;
    return -2;
  }

  /** Adds a value seen for the first time (or whose hash collided: `find` answered -2). */
  add(bytes: Uint8Array, start: number, end: number, text: string): number {
    const collided = this.byText.get(text);
    if (collided !== undefined) return collided;
    const code = this.values.length;
    this.values.push(text);
    this.entryBytes.push(bytes.slice(start, end));
    const hash = hashBytes(bytes, start, end);
    if (this.byHash.has(hash)) this.byText.set(text, code);
    else this.byHash.set(hash, code);
    return code;
  }

  /** The code of a value that came as text (JSON, Parquet), adding it if new. */
  codeOfText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    const found = this.find(bytes, 0, bytes.length);
    if (found >= 0) return found;
    if (found === -2) {
      const collided = this.byText.get(text);
      if (collided !== undefined) return collided;
    }
    return this.add(bytes, 0, bytes.length, text);
  }

  get size(): number {
    return this.values.length;
  }
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h;
}

function sameBytes(entry: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (entry.length !== end - start) return false;
  for (let i = 0; i < entry.length; i++) if (entry[i] !== bytes[start + i]) return false;
  return true;
}
