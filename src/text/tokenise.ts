import type { Token } from '../model.js';
import { letterOrNumberLength } from './char-class.js';
import { foldForMatching, type WordFolder } from './normalise.js';
import type { TokenIds, Vocabulary } from './vocabulary.js';

// Words: letters and digits, with inner hyphens or apostrophes ("peut-être", "aujourd'hui", "Gaia-X"):
// the regex [\p{L}\p{N}]+(?:[-'’‘ʼ][\p{L}\p{N}]+)*, scanned by hand (no match object per word).
const HYPHEN = 0x2d;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc;

// French elided clitics split off a word: "l'État" → "l'" + "État", "qu'on" → "qu'" + "on".
// "aujourd'hui" and "prud'hommes" are not elisions and stay whole.
const ELISION = /^(l|d|j|m|n|s|t|c|ç|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’‘ʼ]/iu;
// Letters of the longest elided clitic ("lorsqu", "puisqu"…).
const ELIDED_MAX = 6;
const NOT_ELIDED = new Set(["aujourd'hui", "prud'homme", "prud'hommes", "presqu'ile", "quelqu'un", "quelqu'une"]);

/**
 * False when ELISION cannot match: it needs an apostrophe after at most ELIDED_MAX letters. Most
 * words have none, and are spared the regex. (U+02BC "ʼ" is also a letter: a word may hold it
 * without a hyphen or apostrophe joining two runs.)
 */
function mayBeElided(word: string): boolean {
  const n = Math.min(word.length, ELIDED_MAX + 1);
  for (let k = 1; k < n; k += 1) if (isApostrophe(word.charCodeAt(k))) return true;
  return false;
}

/** End of the run of letters and digits starting at `i`. */
function runEnd(text: string, i: number): number {
  let at = i;
  for (let w = letterOrNumberLength(text, at); w > 0; w = letterOrNumberLength(text, at)) at += w;
  return at;
}

/**
 * Split text into word tokens with their character spans. Elided clitics become tokens of their
 * own ("l'" with norm "l'"), so "l’État", "l'état" and "L'ETAT" all give the tokens l' + etat.
 * `folder`, when given, folds the words (same norms, faster over many texts).
 */
export function tokenise(text: string, folder?: WordFolder): Token[] {
  const tokens: Token[] = [];
  const fold = (w: string): string => (folder === undefined ? foldForMatching(w) : folder.fold(w));
  scanWords(text, fold, (start, surface, norm) => {
    tokens.push({ index: tokens.length, span: { start, end: start + surface.length }, surface, norm });
  });
  return tokens;
}

/**
 * The spans of tokenise's tokens, flat: start then end of each. A word is folded only when an
 * elision may be split off it (the only use scanWords makes of a fold besides handing it on).
 */
export function tokenSpans(text: string): number[] {
  const spans: number[] = [];
  scanWords(text, (w) => (mayBeElided(w) ? foldForMatching(w) : w), (start, surface) => {
    spans.push(start, start + surface.length);
  });
  return spans;
}

/** A text's tokens (as tokenise gives them) and their ids in a vocabulary. */
export interface TokenisedText {
  readonly tokens: Token[];
  /** Undefined in the rare text during which the vocabulary started afresh (its ids would mix two generations). */
  readonly ids: TokenIds | undefined;
}

/** tokenise, with each word folded once per vocabulary and given the id of its folded form. */
export function tokeniseWithIds(text: string, vocabulary: Vocabulary): TokenisedText {
  const tokens: Token[] = [];
  const generation = vocabulary.generation;
  let ids = new Int32Array(16);
  scanWords(text, (w) => vocabulary.word(w), (start, surface, word) => {
    const index = tokens.length;
    if (index === ids.length) {
      const grown = new Int32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[index] = word.id;
    tokens.push({ index, span: { start, end: start + surface.length }, surface, norm: word.norm });
  });
  if (vocabulary.generation !== generation) return { tokens, ids: undefined };
  return { tokens, ids: { vocabulary, generation, ids: ids.subarray(0, tokens.length) } };
}

/** Calls `emit` for every word of the text in order, with what `look` makes of it (its folded form at least). */
function scanWords<W extends string | { readonly norm: string }>(text: string, look: (word: string) => W, emit: (start: number, surface: string, word: W) => void): void {
  const normOf = (w: W): string => (typeof w === 'string' ? w : w.norm);
  let i = 0;
  while (i < text.length) {
    const w = letterOrNumberLength(text, i);
    if (w === 0) {
      i += 1;
      continue;
    }
    const start = i;
    let end = runEnd(text, i + w);
    for (;;) {
      const c = text.charCodeAt(end);
      if ((c !== HYPHEN && !isApostrophe(c)) || letterOrNumberLength(text, end + 1) === 0) break;
      end = runEnd(text, end + 1);
    }
    i = end;
    const word = text.slice(start, end);
    const looked = look(word);
    // "jusqu'à l'État" is two words, each with its elision.
    if (mayBeElided(word) && !NOT_ELIDED.has(normOf(looked))) {
      const el = ELISION.exec(word);
      if (el !== null && el[0].length < word.length) {
        emit(start, el[0], look(el[0]));
        const rest = word.slice(el[0].length);
        emit(start + el[0].length, rest, look(rest));
        continue;
      }
    }
    // No elision split off: the word's norm is the one just folded.
    emit(start, word, looked);
  }
}

/** Number of word tokens, as written in units.csv `n_tokens`. */
export function countTokens(text: string): number {
  return tokenise(text).length;
}
