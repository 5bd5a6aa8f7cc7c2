/**
 * Hash tables for phrase discovery's hot loop, keyed by the two 32-bit hashes of a phrase. A
 * JavaScript Map keyed by numbers above 2^31 hashes heap numbers on every lookup, and a Set per
 * unit allocates; these probe typed arrays (open addressing, linear probing) instead.
 */

/** Slot to start probing at for a key: its bits mixed, since h1's low bits already pick the counting pass. */
function startOf(key: number, mask: number): number {
  const x = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) & mask;
}

/** A map from a key of two 32-bit hashes to values, in insertion order. */
export class KeyedTable<T> {
  private keys1: Uint32Array;
  private keys2: Uint32Array;
  /** Index in `entries` + 1 of the value in each slot; 0 for an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private entries: { readonly h1: number; readonly h2: number; readonly value: T }[] = [];
  constructor(expected = 1024) {
    const size = KeyedTable.sizeFor(expected);
    this.keys1 = new Uint32Array(size);
    this.keys2 = new Uint32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }
  /** Slots for n entries: a power of two at most half full. */
  private static sizeFor(n: number): number {
    return 2 ** Math.max(4, Math.ceil(Math.log2(Math.max(1, n) * 2)));
  }
  get size(): number {
    return this.entries.length;
  }
  get(h1: number, h2: number): T | undefined {
    const k1 = h1 >>> 0;
    const k2 = h2 >>> 0;
    for (let s = startOf(k2, this.mask); ; s = (s + 1) & this.mask) {
      const at = this.slots[s]!;
      if (at === 0) return undefined;
      if (this.keys1[s] === k1 && this.keys2[s] === k2) return this.entries[at - 1]!.value;
    }
  }
  /** Add a key that is not in the table. */
  add(h1: number, h2: number, value: T): void {
    if ((this.entries.length + 1) * 2 > this.slots.length) this.rebuild(this.entries, KeyedTable.sizeFor(this.entries.length + 1));
    this.entries.push({ h1, h2, value });
    this.place(h1 >>> 0, h2 >>> 0, this.entries.length);
  }
  *[Symbol.iterator](): Generator<[number, number, T]> {
    for (const e of this.entries) yield [e.h1, e.h2, e.value];
  }
  private place(h1: number, h2: number, index: number): void {
    let s = startOf(h2, this.mask);
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.keys1[s] = h1;
    this.keys2[s] = h2;
    this.slots[s] = index;
  }
  private rebuild(entries: KeyedTable<T>['entries'], size: number): void {
    this.keys1 = new Uint32Array(size);
    this.keys2 = new Uint32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.entries = entries;
    entries.forEach((e, i) => this.place(e.h1 >>> 0, e.h2 >>> 0, i + 1));
  }
}

/**
 * A set of 32-bit keys emptied in constant time: each `clear` starts a new generation, and a slot
 * of an older generation counts as empty. Grows to at least twice the keys it is told to expect.
 */
export class GenerationSet {
  private keys = new Uint32Array(64);
  private generations = new Uint32Array(64);
  private generation = 1;
  private mask = 63;
  /** Empty the set, with room for `expected` keys. */
  clear(expected: number): void {
    if (expected * 2 > this.keys.length) {
      const size = 2 ** Math.ceil(Math.log2(expected * 2));
      this.keys = new Uint32Array(size);
      this.generations = new Uint32Array(size);
      this.mask = size - 1;
      this.generation = 0;
    }
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.generations.fill(0);
      this.generation = 1;
    }
  }
  /** Add the key; true when it was not there. At most the `expected` keys of the last clear. */
  addIfNew(key: number): boolean {
    const k = key >>> 0;
    for (let s = startOf(k, this.mask); ; s = (s + 1) & this.mask) {
      if (this.generations[s] !== this.generation) {
        this.generations[s] = this.generation;
        this.keys[s] = k;
        return true;
      }
      if (this.keys[s] === k) return false;
    }
  }
}

/**
 * An open-addressed table keyed by two 32-bit hashes, in typed arrays (no object per key): a
 * non-zero value marks a used slot. KeyCounts and KeyIndex store their values in it.
 */
abstract class PairKeyTable {
  protected keys1: Uint32Array;
  protected keys2: Uint32Array;
  protected values: Uint32Array;
  protected mask: number;
  size = 0;
  protected constructor(slots: number) {
    this.keys1 = new Uint32Array(slots);
    this.keys2 = new Uint32Array(slots);
    this.values = new Uint32Array(slots);
    this.mask = slots - 1;
  }
  /** The key's slot: where it is, or the empty slot where it would go. */
  protected slotOf(k1: number, k2: number): number {
    for (let s = startOf(k2, this.mask); ; s = (s + 1) & this.mask) {
      if (this.values[s] === 0 || (this.keys1[s] === k1 && this.keys2[s] === k2)) return s;
    }
  }
  /** Put a new key with its (non-zero) value in the empty slot `s`, growing first when half full. */
  protected insert(s: number, k1: number, k2: number, value: number): void {
    let slot = s;
    if ((this.size + 1) * 2 > this.values.length) {
      this.grow();
      slot = this.slotOf(k1, k2);
    }
    this.keys1[slot] = k1;
    this.keys2[slot] = k2;
    this.values[slot] = value;
    this.size += 1;
  }
  /** Forget every key, keeping the room: a table reused from walk to walk allocates nothing more. */
  clear(): void {
    this.values.fill(0);
    this.size = 0;
  }
  /** Bytes held. */
  get bytes(): number {
    return this.values.length * 12;
  }
  private grow(): void {
    const [k1s, k2s, vs] = [this.keys1, this.keys2, this.values];
    const slots = vs.length * 2;
    this.keys1 = new Uint32Array(slots);
    this.keys2 = new Uint32Array(slots);
    this.values = new Uint32Array(slots);
    this.mask = slots - 1;
    for (let i = 0; i < vs.length; i += 1) {
      if (vs[i] === 0) continue;
      const s = this.slotOf(k1s[i]!, k2s[i]!);
      this.keys1[s] = k1s[i]!;
      this.keys2[s] = k2s[i]!;
      this.values[s] = vs[i]!;
    }
  }
}

/**
 * Exact counts per key of two 32-bit hashes: how many units hold a phrase, how often a stem occurs,
 * whether a (phrase, author) pair or a sentence was seen.
 */
export class KeyCounts extends PairKeyTable {
  constructor() {
    super(1024);
  }
  /** The key's count, 0 when never added. */
  get(h1: number, h2: number): number {
    return this.values[this.slotOf(h1 >>> 0, h2 >>> 0)]!;
  }
  /** Add one to the key's count; gives the new count (1: the key is new). */
  add(h1: number, h2: number): number {
    const k1 = h1 >>> 0;
    const k2 = h2 >>> 0;
    const s = this.slotOf(k1, k2);
    const c = this.values[s]!;
    if (c === 0) {
      this.insert(s, k1, k2, 1);
      return 1;
    }
    this.values[s] = c + 1;
    return c + 1;
  }
}

/**
 * A map from a key of two 32-bit hashes to a row number (0 ≤ row < 2^32 - 1): the index of a table
 * of rows kept column by column (see PhraseRows), with no object per key.
 */
export class KeyIndex extends PairKeyTable {
  constructor(expected = 1024) {
    super(2 ** Math.max(4, Math.ceil(Math.log2(Math.max(1, expected) * 2))));
  }
  /** The key's row, -1 when absent (a slot holds row + 1; 0 when empty). */
  get(h1: number, h2: number): number {
    return this.values[this.slotOf(h1 >>> 0, h2 >>> 0)]! - 1;
  }
  /** Give a key that is not in the index its row. */
  add(h1: number, h2: number, row: number): void {
    const k1 = h1 >>> 0;
    const k2 = h2 >>> 0;
    this.insert(this.slotOf(k1, k2), k1, k2, row + 1);
  }
}

/**
 * A set of keys of two 32-bit hashes, denser than KeyCounts where only membership matters (the
 * (phrase, author) pairs of a tally, millions at 200 MB of corpus): both halves side by side in one
 * array (one cache line per probe), 8 bytes a slot, grown when three quarters full (KeyCounts: 12
 * bytes, half full). The slot (0, 0) marks an empty one; the key (0, 0) itself is held by a flag.
 */
export class PairSet {
  private slots: Uint32Array;
  private mask: number;
  private hasZero = false;
  size = 0;
  constructor() {
    this.slots = new Uint32Array(2 * 1024);
    this.mask = 1023;
  }

  /** Add the key; true when it was not there. */
  add(h1: number, h2: number): boolean {
    const k1 = h1 >>> 0;
    const k2 = h2 >>> 0;
    if (k1 === 0 && k2 === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size += 1;
      return true;
    }
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const slots = this.slots;
    for (let s = startOf(k2, this.mask); ; s = (s + 1) & this.mask) {
      const a = slots[2 * s]!;
      const b = slots[2 * s + 1]!;
      if (a === k1 && b === k2) return false;
      if (a === 0 && b === 0) {
        slots[2 * s] = k1;
        slots[2 * s + 1] = k2;
        this.size += 1;
        return true;
      }
    }
  }

  /** Forget every key, keeping the room. */
  clear(): void {
    this.slots.fill(0);
    this.hasZero = false;
    this.size = 0;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  private grow(): void {
    const old = this.slots;
    const n = old.length;
    this.slots = new Uint32Array(2 * n);
    this.mask = n - 1;
    for (let i = 0; i < n; i += 2) {
      const k1 = old[i]!;
      const k2 = old[i + 1]!;
      if (k1 === 0 && k2 === 0) continue;
      let s = startOf(k2, this.mask);
      while (this.slots[2 * s] !== 0 || this.slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.slots[2 * s] = k1;
      this.slots[2 * s + 1] = k2;
    }
  }
}


/**
 * A filter over keys of two 32-bit hashes: one bit per key (by h2's low bits), so that a walk passes
 * over most keys not in a table with one read of a small array instead of a probe of a large one.
 * It never says no to a key added; it says yes to about one other key in BITS_PER_KEY.
 */
export class KeyFilter {
  private static readonly BITS_PER_KEY = 32;
  private readonly bits: Int32Array;
  private readonly mask: number;
  constructor(expected: number) {
    const size = 2 ** Math.max(10, Math.ceil(Math.log2(Math.max(1, expected) * KeyFilter.BITS_PER_KEY)));
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
  }
  /** Add the key whose second hash is h2. */
  add(h2: number): void {
    const i = h2 & this.mask;
    this.bits[i >>> 5]! |= 1 << (i & 31);
  }
  /** False when no key with this second hash was added. */
  mayHold(h2: number): boolean {
    const i = h2 & this.mask;
    return (this.bits[i >>> 5]! & (1 << (i & 31))) !== 0;
  }
}
