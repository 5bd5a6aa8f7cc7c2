import { francAll } from 'franc';
import { noEvidence, type Calibration, type LanguageEvidence } from './calibrate.js';

// franc's trigram model needs a few words; below this many characters it answers 'und'.
const FRANC_MIN_LENGTH = 10;

/** Fitted with `npm run bench:langid -- --fit` on every other item of the langid benchmark. */
export const FRANC_CALIBRATION: Calibration = { intercept: -6.71, letters: 1.813, margin: 15.401, top: 0 };

/** franc (trigram model, 400+ languages, ISO 639-3 codes already) on an already sampled text. */
export function francEvidence(sample: string, letters: number): LanguageEvidence {
  const ranked = francAll(sample, { minLength: FRANC_MIN_LENGTH });
  const top = ranked[0];
  if (top === undefined || top[0] === 'und') return noEvidence(letters);
  // francAll scores are relative to the best (1.0): the runner-up's score says how close it came.
  return { code: top[0], letters, top: top[1], margin: 1 - (ranked[1]?.[1] ?? 0) };
}
