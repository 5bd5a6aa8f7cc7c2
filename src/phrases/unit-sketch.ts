/**
 * Which phrase keys may be held by enough units, in one walk and a fixed amount of memory, never
 * missing one: a full count tallies only the keys it lets through (see countSignedPhrases).
 */

/** Bytes of a sketch, whatever the corpus or the machine: 64 MiB, two levels of 32 MiB for two voices. */
export const SKETCH_BYTES = 64 * 2 ** 20;

/** Levels a sketch keeps at most: a count asking more units than this is let through at this many. */
const MAX_LEVELS = 8;
/** 32-bit words of one level in a block: 256 bits. */
const LEVEL_WORDS = 8;

/** A key's two hashes mixed into one 32-bit word (h1's low bits alone pick a tally's share). */
function mix(a: number, b: number): number {
  let x = Math.imul(a ^ (b >>> 15), 0x85ebca6b) ^ b;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Stacked Bloom filters, one level per unit counted up to `levels`: adding a key sets its bits in
 * the first level where they are not all set already, so a key added n times has all its bits set
 * in each of the first min(n, levels) levels, and `reaches` never answers less than the key's units
 * (bits are only ever set). It can answer more (bits set by other keys): those keys are tallied
 * for nothing, and dropped by the tally's own exact counts. Each key's bits, at every level, lie in
 * one block of `levels` × 256 bits (64 bytes for two levels: one cache line a key).
 */
export class UnitSketch {
  readonly levels: number;
  /** Keys whose add reached the top level: the keys let through, but for those whose bits were all set by others. */
  promoted = 0;
  private readonly words: Uint32Array;
  private readonly blockMask: number;
  private readonly stride: number;

  /**
   * `levels`: the units a key needs to be let through (capped at MAX_LEVELS). `bytes`: the memory,
   * SKETCH_BYTES by default (tests make it tiny, to force collisions); at least one block.
   */
  constructor(levels: number, bytes = SKETCH_BYTES) {
    this.levels = Math.max(1, Math.min(MAX_LEVELS, levels));
    this.stride = this.levels * LEVEL_WORDS;
    const blocks = 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, bytes / (4 * this.stride)))));
    this.words = new Uint32Array(blocks * this.stride);
    this.blockMask = blocks - 1;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.words.byteLength;
  }

  /** Count one more unit holding the key; gives the level it now reaches (at most `levels`). */
  add(h1: number, h2: number): number {
    const w = this.words;
    const base = (mix(h1, h2) & this.blockMask) * this.stride;
    const bits = mix(h2, h1 ^ 0x9e3779b9);
    const b0 = bits & 255;
    const b1 = (bits >>> 8) & 255;
    const b2 = (bits >>> 16) & 255;
    for (let level = 0; level < this.levels; level += 1) {
      const at = base + level * LEVEL_WORDS;
      const m0 = 1 << (b0 & 31);
      const m1 = 1 << (b1 & 31);
      const m2 = 1 << (b2 & 31);
      const i0 = at + (b0 >>> 5);
      const i1 = at + (b1 >>> 5);
      const i2 = at + (b2 >>> 5);
      if ((w[i0]! & m0) !== 0 && (w[i1]! & m1) !== 0 && (w[i2]! & m2) !== 0) continue;
      w[i0] = w[i0]! | m0;
      w[i1] = w[i1]! | m1;
      w[i2] = w[i2]! | m2;
      if (level + 1 === this.levels) this.promoted += 1;
      return level + 1;
    }
    return this.levels;
  }

  /** Whether the key may be held by `levels` units or more: false only when it is not. */
  passes(h1: number, h2: number): boolean {
    const w = this.words;
    const at = (mix(h1, h2) & this.blockMask) * this.stride + (this.levels - 1) * LEVEL_WORDS;
    const bits = mix(h2, h1 ^ 0x9e3779b9);
    const b0 = bits & 255;
    const b1 = (bits >>> 8) & 255;
    const b2 = (bits >>> 16) & 255;
    return (w[at + (b0 >>> 5)]! & (1 << (b0 & 31))) !== 0 && (w[at + (b1 >>> 5)]! & (1 << (b1 & 31))) !== 0
      && (w[at + (b2 >>> 5)]! & (1 << (b2 & 31))) !== 0;
  }
}
