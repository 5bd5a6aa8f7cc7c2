import type { Token } from '../model.js';

/** Letters in a token: words without one (numbers, "+1") are not word features. */
const HAS_LETTER = /\p{L}/u;

/** Punctuation between two words that ends a phrase: no word pair reaches across it ("Bleu, blanc… Redmond." has no pair "blanc redmond"). */
const PHRASE_BREAK = /[.,;:!?…()«»"“”[\]\n]/u;

/** A unit's word features, with the number of distinct stems among them (counted once, when read). */
export type UnitWords = ReadonlySet<string> & { readonly stems: number };

/** Which word features a unit is read for: stems alone, or stems and adjacent stem pairs. */
export interface UnitWordsOptions {
  /** Also the pairs of adjacent stems ("cloud confianc"), written with one space. */
  readonly bigrams?: boolean;
  /** The unit's text, whose punctuation between two tokens stops a pair; without it every adjacent pair counts. */
  readonly text?: string;
}

/** A token's stem as the word features read it: its folded norm, the apostrophe of an elided clitic dropped ("l'" → "l"). */
export function tokenStem(token: Token, stem: (word: string) => string): string {
  return stem(token.norm.replace(/['’]$/u, ''));
}

/**
 * The word features of a unit for the fitted word component (`controverse fit`): the distinct
 * French stems of its tokens (folded norms, the apostrophe of an elided clitic dropped: "l'" → "l"),
 * so that "trahis", "TRAHIT" and "trahi" meet; with `bigrams`, also each pair of adjacent stems in
 * one phrase, as "stem stem". `stem` is createStemmer() of text/stem-fr.ts.
 */
export function unitWords(tokens: readonly Token[], stem: (word: string) => string, options: UnitWordsOptions = {}): UnitWords {
  const words = new Set<string>();
  let stems = 0;
  let previous: string | undefined;
  let previousEnd = 0;
  for (const t of tokens) {
    if (!HAS_LETTER.test(t.norm)) {
      previous = undefined;
      continue;
    }
    const s = tokenStem(t, stem);
    if (!words.has(s)) {
      words.add(s);
      stems += 1;
    }
    if (options.bigrams === true) {
      const broken = options.text !== undefined && PHRASE_BREAK.test(options.text.slice(previousEnd, t.span.start));
      if (previous !== undefined && !broken) words.add(`${previous} ${s}`);
      previous = s;
      previousEnd = t.span.end;
    }
  }
  return Object.assign(words, { stems });
}

/** True for a word feature that is a pair of stems ("cloud confianc"), false for a single stem. */
export function isBigram(word: string): boolean {
  return word.includes(' ');
}

/**
 * How much one word feature of a unit weighs: 1 / √(distinct stems of the unit, pairs not counted),
 * so that a long article, which holds many words of every stance, is not labelled by their sum
 * alone; a unit read with pairs weighs each stem as one read without them.
 */
export function wordValue(words: ReadonlySet<string> & { readonly stems?: number }): number {
  let n = words.stems;
  if (n === undefined) {
    n = 0;
    for (const w of words) if (!isBigram(w)) n += 1;
  }
  return 1 / Math.sqrt(Math.max(1, n));
}
