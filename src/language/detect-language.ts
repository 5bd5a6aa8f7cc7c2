import { francAll } from 'franc';
import type { LanguageGuess } from '../model.js';

/** A language detector behind one interface; library types never leave their adapter. */
export interface LanguageDetector {
  readonly name: string;
  detect(text: string): LanguageGuess;
}

/** Undetermined: what a detector answers when the evidence is too weak. */
export const UNDETERMINED: LanguageGuess = { code: 'und', score: 0 };

// franc's trigram model needs a few words; below this many letters it guesses wildly.
const FRANC_MIN_LENGTH = 10;

/** franc (trigram model, 400+ languages) limited to the ISO 639-3 codes it returns. */
export function createFrancDetector(): LanguageDetector {
  return {
    name: 'franc',
    detect(text: string): LanguageGuess {
      const ranked = francAll(text, { minLength: FRANC_MIN_LENGTH });
      const top = ranked[0];
      if (top === undefined || top[0] === 'und') return UNDETERMINED;
      const second = ranked[1]?.[1] ?? 0;
      // francAll scores are relative to the best (1.0): the margin to the runner-up is the confidence.
      return { code: top[0], score: Math.round((1 - second) * 1000) / 1000 };
    },
  };
}

/** Detector names accepted by `--lang-detector`. */
export const DETECTORS = ['franc'] as const;
export type DetectorName = (typeof DETECTORS)[number];

/** Build the detector a run asked for. */
export function createDetector(name: DetectorName): LanguageDetector {
  switch (name) {
    case 'franc':
      return createFrancDetector();
  }
}
