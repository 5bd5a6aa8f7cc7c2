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
  // Only runs that are not already one plain space are rewritten: replacing every space of a
  // 50 MB one-line page with itself took seconds (\s already covers no-break spaces and the BOM).
  return text.replace(/ [\s\u200b]+|[^\S ][\s\u200b]*|\u200b[\s\u200b]*/gu, ' ').trim();
}
