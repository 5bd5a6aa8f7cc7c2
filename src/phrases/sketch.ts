/**
 * Fixed-memory counters for phrase discovery: a JavaScript Map tops out near 16.7 M entries and
 * costs ~100 bytes per entry, while a corpus of hundreds of MB holds hundreds of millions of
 * segments. Keys arrive as two independent 32-bit hashes; the k probes are h1 + i·h2 (double hashing).
 */

/** Two 32-bit hashes of a string (cyrb53's mixing, kept as two halves). */
export function hashString(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Hashes of the pair (key, other) under a salt, so one Bloom filter can hold several kinds of pairs. */
export function hashPair(h1: number, h2: number, other: readonly [number, number], salt: number): [number, number] {
  let a = Math.imul(h1 ^ other[0], 0x85ebca6b) ^ salt;
  let b = Math.imul(h2 ^ other[1], 0xc2b2ae35) + salt;
  a ^= a >>> 15;
  b ^= b >>> 13;
  a = Math.imul(a ^ (b >>> 7), 0x27d4eb2f);
  b = Math.imul(b ^ (a >>> 11), 0x165667b1);
  return [(a ^ (a >>> 16)) >>> 0, (b ^ (b >>> 16)) >>> 0];
}

/** Counters per key: the estimate is the least of 4. */
const SKETCH_DEPTH = 4;

/** Counters of one block of the sketch: a 64-byte cache line of 16-bit counters, 8 per probe. */
const SKETCH_BLOCK = 32;

/** Counter of probe `r` of a key in its block (at `base`): one of the probe's 8, picked by 3 bits of h2. */
function probe(base: number, h2: number, r: number): number {
  return base + 8 * r + ((h2 >>> (3 * r)) & 7);
}

/** Largest count a counter holds: counts stop there (an admission floor is far below it). */
const COUNTER_MAX = 0xffff;

/**
 * Count-min sketch: `estimate` never undercounts, and overcounts only where hashes collide.
 * 4 × 2^bits 16-bit counters (bits 21 → 16 MB), saturating. Blocked, like the blocked Bloom filter:
 * h1 picks a 64-byte block of 32 counters and each of the 4 probes takes one of its own 8 there
 * (3 bits of h2 each), so a lookup costs one cache miss instead of four — the sketch is read for
 * every segment of the corpus and is far larger than the CPU caches. A counter is shared with the
 * same number of keys on average as in a sketch of 4 rows of 2^bits. Plain updates (every probe
 * +1), so sketches add up: the sum of sketches of parts of a corpus is the sketch of the whole,
 * whatever the order.
 */
export class CountMinSketch {
  readonly counters: Uint16Array;
  private readonly blockMask: number;
  constructor(bits: number, counters?: Uint16Array) {
    const length = 2 ** bits * SKETCH_DEPTH;
    this.blockMask = length / SKETCH_BLOCK - 1;
    if (counters !== undefined && counters.length !== length) throw new Error(`a sketch of 2^${bits} counters per row cannot take ${counters.length} counters`);
    this.counters = counters ?? new Uint16Array(length);
  }
  /** Counters for a sketch of 2^bits per row, in memory that worker threads can share. */
  static sharedCounters(bits: number): Uint16Array {
    const length = 2 ** bits * SKETCH_DEPTH;
    return new Uint16Array(new SharedArrayBuffer(length * Uint16Array.BYTES_PER_ELEMENT));
  }
  get bytes(): number {
    return this.counters.byteLength;
  }
  estimate(h1: number, h2: number): number {
    const base = (h1 & this.blockMask) * SKETCH_BLOCK;
    const c = this.counters;
    // The SKETCH_DEPTH = 4 probes written out: a loop here measured ~1.6x slower per lookup.
    return Math.min(c[probe(base, h2, 0)]!, c[probe(base, h2, 1)]!, c[probe(base, h2, 2)]!, c[probe(base, h2, 3)]!);
  }
  add(h1: number, h2: number): void {
    const base = (h1 & this.blockMask) * SKETCH_BLOCK;
    for (let r = 0; r < SKETCH_DEPTH; r += 1) {
      const s = probe(base, h2, r);
      if (this.counters[s]! < COUNTER_MAX) this.counters[s] = this.counters[s]! + 1;
    }
  }
  /** Add the counts of a sketch of the same size. */
  addAll(other: Uint16Array): void {
    if (other.length !== this.counters.length) throw new Error(`cannot add a sketch of ${other.length} counters to one of ${this.counters.length}`);
    for (let i = 0; i < other.length; i += 1) this.counters[i] = Math.min(COUNTER_MAX, this.counters[i]! + other[i]!);
  }
}

/** Probes per key: with m/n ≥ 10 bits per key, about 1 % false positives. */
const BLOOM_PROBES = 4;

/** Bits of one block of a blocked Bloom filter: a 64-byte cache line. */
const BLOCK_BITS = 512;

/**
 * Bloom filter of 2^bits bits (bits 28 → 32 MB): "seen before?" with rare false yeses, never false
 * noes. A `blocked` filter (for hot paths) lets h1 pick one 64-byte block and puts every probe
 * inside it, so a lookup costs one cache miss instead of one per probe when the filter is far
 * larger than the CPU caches, for slightly more false yeses.
 */
export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private readonly blockMask: number;
  constructor(bits: number, private readonly blocked = false) {
    const size = 2 ** Math.max(9, bits);
    this.mask = size - 1;
    this.blockMask = size / BLOCK_BITS - 1;
    this.bits = new Uint32Array(size / 32);
  }
  get bytes(): number {
    return this.bits.byteLength;
  }
  /** Add the key; true when it was not there before. */
  addIfNew(h1: number, h2: number): boolean {
    if (this.blocked) {
      // h1's low bits pick the block; each probe takes 9 bits of its own (h2's, then h1's top ones).
      const base = (h1 & this.blockMask) * BLOCK_BITS;
      const last = (h2 >>> 27) ^ (h1 >>> 23);
      const a = this.set(base + (h2 & 511));
      const b = this.set(base + ((h2 >>> 9) & 511));
      const c = this.set(base + ((h2 >>> 18) & 511));
      const d = this.set(base + (last & 511));
      return a || b || c || d;
    }
    let added = false;
    for (let i = 0; i < BLOOM_PROBES; i += 1) if (this.set((h1 + Math.imul(i, h2 | 1)) & this.mask)) added = true;
    return added;
  }
  /** Set one bit; true when it was clear. */
  private set(bit: number): boolean {
    const word = bit >>> 5;
    const flag = 1 << (bit & 31);
    if ((this.bits[word]! & flag) !== 0) return false;
    this.bits[word] = this.bits[word]! | flag;
    return true;
  }
  clear(): void {
    this.bits.fill(0);
  }
}
