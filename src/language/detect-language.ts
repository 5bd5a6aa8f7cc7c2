import type { LanguageGuess } from '../model.js';
import { decideLanguage, MIN_LETTERS, noEvidence, type Calibration, type LanguageEvidence } from './calibrate.js';
import { createEldEvidence, ELD_CALIBRATION } from './eld-detector.js';
import { FRANC_CALIBRATION, francEvidence } from './franc-detector.js';
import { countLetters, sampleText } from './sample-text.js';

export { UNDETERMINED } from './calibrate.js';

/** A language detector behind one interface; library types never leave their adapter. */
export interface LanguageDetector {
  readonly name: DetectorName;
  readonly calibration: Calibration;
  /** What the detector sees in a bounded sample of the text, before calibration. */
  evidence(text: string): LanguageEvidence;
  /** ISO 639-3 code with a calibrated score in [0,1], or 'und' when the evidence is too weak. */
  detect(text: string): LanguageGuess;
}

/**
 * Detector names accepted by `--lang-detector`. `eld` (its large database) is the default: the
 * only one measured above the acceptance floors on 1–3-word items; `eld-small` is smaller and
 * faster to load for a little less accuracy on very short text; `franc` is the customer's
 * original choice, weak below a sentence. Figures: README, "Language identification".
 */
export const DETECTORS = ['eld', 'eld-small', 'franc'] as const;
export type DetectorName = (typeof DETECTORS)[number];

function detectorOver(name: DetectorName, read: (sample: string, letters: number) => LanguageEvidence, calibration: Calibration): LanguageDetector {
  const evidence = (text: string): LanguageEvidence => {
    const sample = sampleText(text);
    const letters = countLetters(sample);
    return letters < MIN_LETTERS ? noEvidence(letters) : read(sample, letters);
  };
  return { name, calibration, evidence, detect: (text) => decideLanguage(evidence(text), calibration) };
}

/** Build the detector a run asked for (loading its model: see the README for the cost). */
export function createDetector(name: DetectorName, calibration?: Calibration): LanguageDetector {
  switch (name) {
    case 'eld':
      return detectorOver(name, createEldEvidence('large'), calibration ?? ELD_CALIBRATION.large);
    case 'eld-small':
      return detectorOver(name, createEldEvidence('small'), calibration ?? ELD_CALIBRATION.small);
    case 'franc':
      return detectorOver(name, francEvidence, calibration ?? FRANC_CALIBRATION);
  }
}
