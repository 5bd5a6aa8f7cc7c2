/** Text normalisation shared by the tokeniser, the lexicon loader and phrase discovery. */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[’‘ʼ`´′]/g;

/**
 * Matching form of a word: lower case, accents removed, ligatures opened, apostrophes unified.
 * "l’État" → "l'etat", "ÉTAT" → "etat", "cœur" → "coeur".
 */
export function foldForMatching(word: string): string {
  if (isPlainAscii(word)) return word.toLowerCase();
  return word
    .replace(APOSTROPHES, "'")
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

// Highest code point of plain ASCII, and the one ASCII character foldForMatching rewrites (the
// backquote, read as an apostrophe). A word of other ASCII characters has no accent, ligature or
// apostrophe to fold: lower-casing it is the whole work, and the NFD pass is skipped.
const LAST_ASCII = 0x7f;
const BACKQUOTE = 0x60;

function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c > LAST_ASCII || c === BACKQUOTE) return false;
  }
  return true;
}

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

/** True when foldForMatching gives the word back as it is: plain ASCII without a capital. */
function isFoldedAlready(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c > LAST_ASCII || c === BACKQUOTE || (c >= UPPER_A && c <= UPPER_Z)) return false;
  }
  return true;
}

/**
 * Words a WordFolder remembers by default: a French corpus's common forms fit many times over
 * (about 100 bytes each, so a few MB), while a corpus of ever new tokens (numbers, names) cannot
 * grow it without bound.
 */
export const WORD_FOLDER_MAX_WORDS = 50_000;

/**
 * foldForMatching with a memory of the words already folded: a corpus repeats the same few
 * thousand words, so most words are folded once. Made by whoever tokenises many texts (one
 * analysis context, one phrase run) and handed to tokenise; bounded, so memory stays flat.
 */
export class WordFolder {
  private readonly folded = new Map<string, string>();

  /** `maxWords`: folded words remembered; past it the memory starts afresh. */
  constructor(private readonly maxWords: number = WORD_FOLDER_MAX_WORDS) {}

  /** Words remembered now (at most `maxWords`). */
  get size(): number {
    return this.folded.size;
  }

  /** Same result as foldForMatching(word). */
  fold(word: string): string {
    // Most words of a text need no folding: telling so is cheaper than looking them up.
    if (isFoldedAlready(word)) return word;
    let norm = this.folded.get(word);
    if (norm === undefined) {
      norm = foldForMatching(word);
      if (this.folded.size >= this.maxWords) this.folded.clear();
      this.folded.set(word, norm);
    }
    return norm;
  }
}

/** Collapse every run of white space (no-break spaces included) to one space and trim. */
export function foldWhiteSpace(text: string): string {
  // Only runs that are not already one plain space are rewritten: replacing every space of a
  // 50 MB one-line page with itself took seconds (\s already covers no-break spaces and the BOM).
  return text.replace(/ [\s\u200b]+|[^\S ][\s\u200b]*|\u200b[\s\u200b]*/gu, ' ').trim();
}
