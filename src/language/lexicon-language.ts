import { UNDETERMINED } from './calibrate.js';

/** The language the lexicons (stances, claims, phrase discovery's word lists) are written for. */
export const LEXICON_LANGUAGE = 'fra';

/**
 * Whether the French lexicons apply to a unit of this language: French, or undetermined (a unit
 * too short to tell, in a French corpus). Other units get label 0 and are left out of phrases.
 */
export function readAsFrench(code: string): boolean {
  return code === LEXICON_LANGUAGE || code === UNDETERMINED.code;
}
