import type { Document, LanguageGuess } from '../model.js';
import { decideLanguage, decideWithPrior, noEvidence, probabilityRight, UNDETERMINED, type LanguageEvidence } from './calibrate.js';
import type { LanguageDetector } from './detect-language.js';
import { toIso6393 } from './iso-639.js';

/**
 * Units with fewer letters than this take the document's language as a prior. On the langid
 * benchmark eld alone is right on 99.6% of 4–10-word items (about 35 letters) and 99.9% of
 * sentences; below about ten words a thread's language is better evidence than the words.
 */
export const SHORT_UNIT_LETTERS = 60;

/**
 * How sure we are, before reading it, that a short comment is in its page's language: a
 * comment of a few words only leaves it when the detector is more than 90% sure of another
 * language ("Bravo !" stays French on a French page; "I fully agree with you" does not).
 */
export const THREAD_PRIOR = 0.9;

/** A declared language (the `lang` field of a JSON export) is overruled only above 95%. */
export const HINT_PRIOR = 0.95;

// Comments trusted to tell the thread's language when the article body cannot (empty body),
// and parents trusted to give their language to short replies.
const CONFIDENT = 0.9;

/** The language of a document (its article body) and of each of its units, in unit order. */
export interface DocumentLanguages {
  readonly document: LanguageGuess;
  readonly units: readonly LanguageGuess[];
}

function isShort(evidence: LanguageEvidence): boolean {
  return evidence.letters < SHORT_UNIT_LETTERS;
}

// The language most long, confidently detected comments share; ties go to the smaller code.
function threadLanguage(evidence: readonly LanguageEvidence[], detector: LanguageDetector): string | undefined {
  const counts = new Map<string, number>();
  for (const e of evidence) {
    if (e.code === 'und' || isShort(e) || probabilityRight(e, detector.calibration) < CONFIDENT) continue;
    counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0];
}

/**
 * Detect the language of the article body first, then of every comment, with the page's
 * language (or, for a reply, its parent's when that one is confidently known) as a prior for
 * short ones. The page's language is the declared one (Document.langHint) unless the body says
 * otherwise with more than HINT_PRIOR confidence, else the body's, else — for an empty or
 * undecidable body — the language of the confident long comments.
 */
export function detectDocumentLanguages(document: Document, detector: LanguageDetector): DocumentLanguages {
  const evidence = document.units.map((u) => detector.evidence(u.text));
  const hint = document.langHint === undefined ? undefined : toIso6393(document.langHint);
  const bodyIndex = document.units.findIndex((u) => u.kind === 'article');
  const bodyEvidence = bodyIndex === -1 ? undefined : evidence[bodyIndex];
  const comments = evidence.filter((_, i) => i !== bodyIndex);
  const thread = threadLanguage(comments, detector);

  let body: LanguageGuess = UNDETERMINED;
  if (hint !== undefined) body = decideWithPrior(bodyEvidence ?? noEvidence(0), detector.calibration, hint, HINT_PRIOR, true);
  else if (bodyEvidence !== undefined && isShort(bodyEvidence) && thread !== undefined) body = decideWithPrior(bodyEvidence, detector.calibration, thread, THREAD_PRIOR);
  else if (bodyEvidence !== undefined) body = decideLanguage(bodyEvidence, detector.calibration);

  const pagePrior = body.code !== 'und' ? body.code : thread;
  const guesses: LanguageGuess[] = [];
  const indexOf = new Map(document.units.map((u, i) => [u.id, i]));
  evidence.forEach((e, i) => {
    if (i === bodyIndex) { guesses.push(body); return; }
    // A short reply in a sub-thread held in another language ("Do you really think so?" →
    // "Yes, totally") takes its parent's language: replies come after the unit they answer.
    const parentIndex = indexOf.get(document.units[i]?.parentId ?? '');
    const parent = parentIndex === undefined || parentIndex === bodyIndex ? undefined : guesses[parentIndex];
    const prior = parent !== undefined && parent.code !== 'und' && parent.score >= CONFIDENT ? parent.code : pagePrior;
    guesses.push(prior !== undefined && isShort(e) ? decideWithPrior(e, detector.calibration, prior, THREAD_PRIOR) : decideLanguage(e, detector.calibration));
  });
  return { document: body, units: guesses };
}
