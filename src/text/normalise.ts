/** Text normalisation shared by the tokeniser, the lexicon loader and phrase discovery. */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[’‘ʼ`´′]/g;

/**
 * Matching form of a word: lower case, accents removed, ligatures opened, apostrophes unified.
 * "l’État" → "l'etat", "ÉTAT" → "etat", "cœur" → "coeur".
 */
export function foldForMatching(word: string): string {
  return word
    .replace(APOSTROPHES, "'")
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Collapse every run of white space (no-break spaces included) to one space and trim. */
export function foldWhiteSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007\u200b\ufeff]+/gu, ' ').trim();
}
