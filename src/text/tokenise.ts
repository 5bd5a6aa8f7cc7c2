import type { Token } from '../model.js';
import { foldForMatching, type WordFolder } from './normalise.js';

// Words: letters and digits, with inner hyphens or apostrophes ("peut-être", "aujourd'hui", "Gaia-X").
const WORD = /[\p{L}\p{N}]+(?:[-'’‘ʼ][\p{L}\p{N}]+)*/gu;

// French elided clitics split off a word: "l'État" → "l'" + "État", "qu'on" → "qu'" + "on".
// "aujourd'hui" and "prud'hommes" are not elisions and stay whole.
const ELISION = /^(l|d|j|m|n|s|t|c|ç|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’‘ʼ]/iu;
const NOT_ELIDED = new Set(["aujourd'hui", "prud'homme", "prud'hommes", "presqu'ile", "quelqu'un", "quelqu'une"]);

/**
 * Split text into word tokens with their character spans. Elided clitics become tokens of their
 * own ("l'" with norm "l'"), so "l’État", "l'état" and "L'ETAT" all give the tokens l' + etat.
 * `folder`, when given, folds the words (same norms, faster over many texts).
 */
export function tokenise(text: string, folder?: WordFolder): Token[] {
  const fold = folder === undefined ? foldForMatching : (w: string): string => folder.fold(w);
  const tokens: Token[] = [];
  const push = (start: number, surface: string, norm: string): void => {
    tokens.push({ index: tokens.length, span: { start, end: start + surface.length }, surface, norm });
  };
  for (const m of text.matchAll(WORD)) {
    let start = m.index;
    let word = m[0];
    // A word may carry several elisions in theory ("qu'l'…" never), but "jusqu'à l'État" is two words.
    const folded = fold(word);
    if (!NOT_ELIDED.has(folded)) {
      const el = ELISION.exec(word);
      if (el !== null && el[0].length < word.length) {
        push(start, el[0], fold(el[0]));
        start += el[0].length;
        word = word.slice(el[0].length);
        push(start, word, fold(word));
        continue;
      }
    }
    // No elision split off: the word's norm is the one just folded.
    push(start, word, folded);
  }
  return tokens;
}

/** Number of word tokens, as written in units.csv `n_tokens`. */
export function countTokens(text: string): number {
  return tokenise(text).length;
}
