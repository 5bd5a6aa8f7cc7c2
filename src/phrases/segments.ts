import type { Token } from '../model.js';
import type { WordFolder } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import type { PhraseUnit } from './phrase.js';
import type { BloomFilter } from './sketch.js';
import { hashString } from './sketch.js';
import { H1_SEED, H2_SEED, nextH1, nextH2, type Vocabulary } from './vocabulary.js';

/** Shortest and longest phrases counted, in words (function words included). */
export const PHRASE_MIN_WORDS = 2;
export const PHRASE_MAX_WORDS = 6;

/**
 * A sentence of at least this many words seen before (same words, any page) is syndicated or
 * pasted text and is counted once. Shorter ones ("cette fois ça va marcher !") are legitimately
 * repeated by different people.
 */
export const REPEATED_SENTENCE_MIN_WORDS = 8;

// Text between two tokens that ends a phrase: sentence punctuation, commas, brackets, quotes, line breaks.
const PHRASE_BREAK = /[.!?;:…,()[\]{}"«»“”|\n]/u;

export function hashNorms(tokens: readonly Token[], from: number, to: number): [number, number] {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let k = from; k < to; k += 1) {
    const n = tokens[k]!.norm;
    for (let c = 0; c < n.length; c += 1) {
      h1 = nextH1(h1, n.charCodeAt(c));
      h2 = nextH2(h2, n.charCodeAt(c));
    }
    h1 = nextH1(h1, 32);
    h2 = nextH2(h2, 32);
  }
  return [h1, h2];
}

// Anything a surface form must lose: runs of white space, white space other than a space, curly apostrophes.
const UNUSUAL_SPACING = /\s\s|[^\S ]|[’‘ʼ]/u;

/** How a phrase's words are written, as a variant: white space folded, straight apostrophes, lower case. */
export function surfaceOf(text: string): string {
  const plain = UNUSUAL_SPACING.test(text) ? text.replace(/\s+/gu, ' ').replace(/[’‘ʼ]/gu, "'") : text;
  return plain.toLowerCase();
}

/**
 * Two hashes of a surface form, 30 bits each so that V8 keeps them unboxed. A phrase's variants are
 * told apart by them rather than by comparing strings (a phrase has at most MAX_VARIANTS, so two
 * forms of one phrase collide about once in 2^56 comparisons).
 */
export function hashOfSurface(surface: string): [number, number] {
  const [a, b] = hashString(surface);
  return [a & 0x3fffffff, b & 0x3fffffff];
}

/**
 * A copy of a string that holds only its own characters: a slice of a unit's text would otherwise
 * keep the whole text (and its unit) alive for as long as the phrase is tallied.
 */
export function detached(s: string): string {
  return (` ${s}`).slice(1);
}

/** Whether the text between two tokens matches `re`; a single space (the common case) never does. */
function gapMatches(text: string, from: number, to: number, re: RegExp): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return re.test(text.slice(from, to));
}

const SENTENCE_END = /[.!?…\n]/u;

/** Called for each segment of a unit, once per distinct phrase key: tokens start..end (inclusive). */
export type SegmentVisitor = (start: number, end: number, ids: readonly number[], length: number, h1: number, h2: number) => void;

export interface TextStats {
  tokens: number;
  duplicateUnits: number;
  repeatedSentences: number;
}

/**
 * Visit the segments of one unit worth counting, each phrase once per unit, and return the
 * tokens. With `seenText`, repeated text (a whole unit, or a long sentence, seen before anywhere
 * in the corpus) is skipped and remembered there; without it, every segment is visited (counting
 * an upper bound, in any order). `countWords` adds the content words to the vocabulary counts.
 */
export function forEachSegment(u: PhraseUnit, vocab: Vocabulary, seenText: BloomFilter | undefined, stats: TextStats, countWords: boolean, visit: SegmentVisitor, folder?: WordFolder): readonly Token[] {
  const tokens = u.tokens ?? tokenise(u.text, folder);
  const n = tokens.length;
  stats.tokens += n;
  if (seenText !== undefined && n >= REPEATED_SENTENCE_MIN_WORDS) {
    const h = hashNorms(tokens, 0, n);
    if (!seenText.addIfNew(h[0], h[1] ^ 0x5bd1e995)) {
      stats.duplicateUnits += 1;
      return tokens;
    }
  }
  const ids = new Int32Array(n);
  const breakBefore = new Uint8Array(n);
  const skip = new Uint8Array(n);
  let sentenceStart = 0;
  for (let k = 0; k <= n; k += 1) {
    if (k < n) {
      ids[k] = vocab.idOf(tokens[k]!.norm);
      if (k === 0) continue;
      const from = tokens[k - 1]!.span.end;
      const to = tokens[k]!.span.start;
      if (!gapMatches(u.text, from, to, PHRASE_BREAK)) continue;
      breakBefore[k] = 1;
      if (!gapMatches(u.text, from, to, SENTENCE_END)) continue;
    }
    // A sentence ends before token k: skip it if the same long sentence was seen before.
    if (seenText !== undefined && k - sentenceStart >= REPEATED_SENTENCE_MIN_WORDS) {
      const h = hashNorms(tokens, sentenceStart, k);
      if (!seenText.addIfNew(h[0], h[1])) {
        stats.repeatedSentences += 1;
        skip.fill(1, sentenceStart, k);
      }
    }
    sentenceStart = k;
  }
  const content = new Array<number>(PHRASE_MAX_WORDS);
  const seenHere = vocab.seenHere;
  seenHere.clear(n * (PHRASE_MAX_WORDS - 1));
  for (let i = 0; i < n; i += 1) {
    const first = ids[i]!;
    if (first < 0 || skip[i] === 1) continue;
    if (countWords) {
      vocab.counts[first]! += 1;
      vocab.total += 1;
    }
    content[0] = first;
    let length = 1;
    let h1 = nextH1(H1_SEED, vocab.keys1[first]!);
    let h2 = nextH2(H2_SEED, vocab.keys2[first]!);
    for (let j = i + 1; j < n && j - i + 1 <= PHRASE_MAX_WORDS; j += 1) {
      if (breakBefore[j] === 1 || skip[j] === 1) break;
      const id = ids[j]!;
      if (id < 0) continue;
      content[length] = id;
      length += 1;
      h1 = nextH1(h1, vocab.keys1[id]!);
      h2 = nextH2(h2, vocab.keys2[id]!);
      if (!seenHere.addIfNew(h1)) continue;
      visit(i, j, content, length, h1, h2);
    }
  }
  return tokens;
}

