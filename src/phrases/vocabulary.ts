import type { PhraseWords } from './load-phrase-words.js';
import { hashString } from './hashes.js';
import { createStemmer } from '../text/stem-fr.js';

/** A phrase's key (KeptPhrase.key, and subphrase lookups): 53 bits of its two hashes (collisions ~1 in 10^9 at a million phrases). */
export function tallyKey(h1: number, h2: number): number {
  return h1 * 0x200000 + (h2 & 0x1fffff);
}

/** Folded words remembered with their id. */
const WORD_CACHE_SIZE = 500_000;

/**
 * The vocabulary of content stems: ids local to one thread (they index `keys1`/`keys2`), and for
 * each id two 32-bit hashes of the stem, the same in every thread and run: phrase signatures carry
 * those, so what different threads and runs stored adds up.
 */
export class Vocabulary {
  /** Stem (or group) → id. */
  private readonly ids = new Map<string, number>();
  /** Folded word → id, -1 for a word that is not content: one lookup per token. */
  private readonly byNorm = new Map<string, number>();
  keys1 = new Uint32Array(1 << 16);
  keys2 = new Uint32Array(1 << 16);
  private readonly stem: (word: string) => string;
  constructor(private readonly words: PhraseWords) {
    this.stem = createStemmer();
  }
  /** Id of a content word's stem (or group), or -1 for a function word, a number or a single letter. */
  idOf(norm: string): number {
    const known = this.byNorm.get(norm);
    if (known !== undefined) return known;
    let id = -1;
    if (!this.words.functionWords.has(norm) && norm.length >= 2 && !/^\d/u.test(norm)) {
      const key = this.words.groups.get(norm) ?? this.stem(norm);
      id = this.ids.get(key) ?? this.ids.size;
      if (id === this.ids.size) {
        this.ids.set(key, id);
        if (id >= this.keys1.length) this.grow();
        [this.keys1[id], this.keys2[id]] = hashString(key);
      }
    }
    // Bounded like the stem cache: a corpus has far fewer distinct words, misspellings included.
    if (this.byNorm.size >= WORD_CACHE_SIZE) this.byNorm.clear();
    this.byNorm.set(norm, id);
    return id;
  }
  private grow(): void {
    const grown = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.keys1 = grown(this.keys1);
    this.keys2 = grown(this.keys2);
  }
}

// FNV-1a-like folds of content-word ids, extended one id at a time as a segment grows.
export const H1_SEED = 0x811c9dc5;
export const H2_SEED = 0x27d4eb2f;
export function nextH1(h: number, id: number): number {
  return Math.imul(h ^ id, 0x01000193) >>> 0;
}
export function nextH2(h: number, id: number): number {
  const x = Math.imul((h ^ id) + 0x9e3779b9, 0x85ebca6b) >>> 0;
  return (x ^ (x >>> 13)) >>> 0;
}

/** Two 32-bit hashes of a sequence of content words, given by their stem keys: the phrase key. */
export function hashOfStems(stems: Iterable<readonly [number, number]>): [number, number] {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (const [k1, k2] of stems) {
    h1 = nextH1(h1, k1);
    h2 = nextH2(h2, k2);
  }
  return [h1, h2];
}
