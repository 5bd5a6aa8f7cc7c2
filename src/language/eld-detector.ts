import { noEvidence, type Calibration, type LanguageEvidence } from './calibrate.js';
import { readEldDatabase, type EldDatabase, type EldSize } from './eld-database.js';
import { createEldScorer } from './eld-scoring.js';
import { toIso6393 } from './iso-639.js';

export type { EldSize } from './eld-database.js';

/** Fitted with `npm run bench:langid -- --fit` on every other item of the langid benchmark. */
export const ELD_CALIBRATION: Readonly<Record<EldSize, Calibration>> = {
  large: { intercept: -17.733, letters: 1.387, margin: 29.976, top: 18.446 },
  small: { intercept: -20.167, letters: 1.99, margin: 13.963, top: 20.475 },
};

const databases = new Map<EldSize, EldDatabase>();

/**
 * One of eld's databases, parsed from the package's file on first use (the large one in about
 * 0.3 s, into about 25 MB: README, "Language identification") and kept for the thread's other
 * detectors of the same size. Each worker thread parses its own: cheap enough that sharing
 * buffers between threads would not pay for its complexity.
 */
function eldDatabase(size: EldSize): EldDatabase {
  let db = databases.get(size);
  if (db === undefined) {
    db = readEldDatabase(size);
    databases.set(size, db);
  }
  return db;
}

/** An evidence function over eld (n-gram model, 60 languages, ISO 639-1 codes mapped to 639-3). */
export function createEldEvidence(size: EldSize): (sample: string, letters: number) => LanguageEvidence {
  const score = createEldScorer(eldDatabase(size));
  return (sample, letters) => {
    const { language, top, second } = score(sample);
    const code = language === '' ? undefined : toIso6393(language);
    if (code === undefined) return noEvidence(letters);
    return { code, letters, top, margin: top > 0 ? (top - second) / top : 0 };
  };
}
