import type { Token } from '../model.js';

/** Letters in a token: words without one (numbers, "+1") are not word features. */
const HAS_LETTER = /\p{L}/u;

/**
 * The word features of a unit for the fitted word component (`controverse fit`): the distinct
 * French stems of its tokens (folded norms, the apostrophe of an elided clitic dropped: "l'" → "l"),
 * so that "trahis", "TRAHIT" and "trahi" meet. `stem` is createStemmer() of text/stem-fr.ts.
 */
export function unitWords(tokens: readonly Token[], stem: (word: string) => string): ReadonlySet<string> {
  const words = new Set<string>();
  for (const t of tokens) {
    if (!HAS_LETTER.test(t.norm)) continue;
    words.add(stem(t.norm.replace(/['’]$/u, '')));
  }
  return words;
}

/**
 * How much one word of a unit weighs: 1 / √(distinct words of the unit), so that a long article,
 * which holds many words of every stance, is not labelled by their sum alone.
 */
export function wordValue(words: ReadonlySet<string>): number {
  return 1 / Math.sqrt(Math.max(1, words.size));
}
