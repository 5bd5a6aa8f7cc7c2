import type { Token } from '../model.js';
import { CharSet } from '../text/char-set.js';
import { hashString } from './hashes.js';
import { H1_SEED, H2_SEED, nextH1, nextH2 } from './vocabulary.js';

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
const PHRASE_BREAK = new CharSet('.!?;:…,()[]{}"«»“”|\n');
const SENTENCE_END = new CharSet('.!?…\n');

/** What separates token k from token k - 1: nothing a phrase stops at, a phrase break, or the end of a sentence (a break too). */
export const GAP_NONE = 0;
export const GAP_PHRASE_BREAK = 1;
export const GAP_SENTENCE_END = 2;
export type Gap = typeof GAP_NONE | typeof GAP_PHRASE_BREAK | typeof GAP_SENTENCE_END;

/** Whether the text between two tokens holds one of `chars`; a single space (the common case) never does. */
function gapMatches(text: string, from: number, to: number, chars: CharSet): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return chars.anyIn(text, from, to);
}

/** The gap before token k (k ≥ 1) of a unit's text. */
export function gapBefore(text: string, tokens: readonly Token[], k: number): Gap {
  const from = tokens[k - 1]!.span.end;
  const to = tokens[k]!.span.start;
  if (!gapMatches(text, from, to, PHRASE_BREAK)) return GAP_NONE;
  return gapMatches(text, from, to, SENTENCE_END) ? GAP_SENTENCE_END : GAP_PHRASE_BREAK;
}

/** Two 32-bit hashes of the folded words of tokens from..to-1: what makes two sentences "the same text". */
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
 * told apart by them rather than by comparing strings (a phrase has at most a dozen, so two forms
 * of one phrase collide about once in 2^56 comparisons).
 */
export function hashOfSurface(surface: string): [number, number] {
  const [a, b] = hashString(surface);
  return [a & 0x3fffffff, b & 0x3fffffff];
}
