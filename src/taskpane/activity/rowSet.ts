/**
 * The rows seen so far, to find exact duplicates in an extract of millions of rows: each row's key
 * text is kept once in a growing byte buffer (one byte a character: keys with a character past
 * U+00FF, rare in an extract, go to an ordinary Map) and found through an open-addressing hash
 * table of typed arrays, so a million rows cost tens of megabytes and no garbage-collected object
 * per row (a Map of a million strings took most of a streamed run's time in the collector). Exact:
 * a hash match is confirmed by comparing the text.
 */

/** FNV-1a over UTF-16 code units, 32 bits; -1 when a code unit is past U+00FF. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return -1;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class RowSet {
  private chars = new Uint8Array(1 << 16);
  private used = 0;
  /** Per slot: 0 empty, else entry index + 1. */
  private slots = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 11);
  private starts = new Float64Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private values = new Int32Array(1 << 11);
  private count = 0;
  private wide = new Map<string, number>();

  get size(): number {
    return this.count + this.wide.size;
  }

  /**
   * The value kept with an equal key, or undefined (and the key kept with `value`, a whole number
   * below 2^31: a row or line number).
   */
  getOrAdd(key: string, value: number): number | undefined {
    const h = hashOf(key);
    if (h < 0) {
      const found = this.wide.get(key);
      if (found === undefined) this.wide.set(key, value);
      return found;
    }
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) {
        this.add(s, key, h, value);
        return undefined;
      }
      if (this.hashes[e] === h && this.equals(e, key)) return this.values[e];
    }
  }

  private equals(e: number, key: string): boolean {
    if (this.lengths[e] !== key.length) return false;
    const start = this.starts[e];
    for (let i = 0; i < key.length; i++)
      if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private add(slot: number, key: string, h: number, value: number): void {
    const e = this.count++;
    if (e >= this.hashes.length) {
      const grow = <T extends Uint32Array | Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.values = grow(this.values);
    }
    if (this.used + key.length > this.chars.length) {
      const chars = new Uint8Array(Math.max(this.chars.length * 2, this.used + key.length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    this.hashes[e] = h;
    this.starts[e] = this.used;
    this.lengths[e] = key.length;
    this.values[e] = value;
    this.used += key.length;
    this.slots[slot] = e + 1;
    // Keep the table at most half full: double it and place every entry again.
    if (this.count * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let i = 0; i < this.count; i++) {
        let s = this.hashes[i] & mask;
        while (slots[s] !== 0) s = (s + 1) & mask;
        slots[s] = i + 1;
      }
      this.slots = slots;
    }
  }
}
