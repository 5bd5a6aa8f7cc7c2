import type { Stance } from '../model.js';
import { tokenise } from '../text/tokenise.js';

/** One hand-coded unit of a gold file (the format of eval/samples/seeds-units.tsv). */
export interface GoldUnit {
  /** Corpus file name as written in the gold file ("000_de8b060ac039dc55.txt"). */
  readonly file: string;
  /** Position in the page (0 = article body); undefined when the gold file gives none. */
  readonly position?: number;
  readonly firstWords: string;
  /** One label per stance category of the run (a gold file has a column for each). */
  readonly labels: Readonly<Record<Stance, 0 | 1>>;
  readonly note: string;
  /** 1-based line in the gold file, for messages. */
  readonly line: number;
}

/** A unit of the run's output, with its predicted labels and evidence. */
export interface PredictedUnit {
  readonly unitId: string;
  readonly docId: string;
  readonly position: number;
  readonly text: string;
  readonly labels: Readonly<Record<Stance, 0 | 1>>;
  readonly evidence: Readonly<Record<Stance, string>>;
}

/** How a gold unit was matched to the output. */
export type Alignment = 'position' | 'first-words' | 'missing';

export interface AlignedUnit {
  readonly gold: GoldUnit;
  readonly predicted?: PredictedUnit;
  readonly alignment: Alignment;
}

/** Counts and figures for one stance. */
export interface StanceScores {
  readonly stance: Stance;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** A unit where prediction and gold disagree, with what the tagger saw. */
export interface Confusion {
  readonly stance: Stance;
  readonly kind: 'false positive' | 'false negative';
  readonly unitId: string;
  readonly firstWords: string;
  readonly note: string;
  readonly evidence: string;
}

export interface Evaluation {
  readonly units: number;
  readonly aligned: Readonly<Record<Alignment, number>>;
  readonly scores: readonly StanceScores[];
  readonly macroF1: number;
  readonly confusions: readonly Confusion[];
}

/** Words compared when aligning by first words: the gold file gives eight. */
const FIRST_WORDS = 8;

const norms = (text: string, n: number): string[] => tokenise(text).slice(0, n).map((t) => t.norm);

/** True when the unit's text starts with the gold unit's first words (case, accents, punctuation ignored). */
export function startsWithWords(text: string, firstWords: string): boolean {
  const want = norms(firstWords, FIRST_WORDS);
  if (want.length === 0) return false;
  const have = norms(text, want.length);
  return want.every((w, k) => have[k] === w);
}

/** The document id the run gives a corpus file: its path without extension. */
export function docIdOfFile(file: string): string {
  return file.replace(/\.[^./]+$/u, '');
}

/**
 * Match each gold unit to an output unit: by document and position when the gold gives a
 * position and the first words agree; otherwise by first words within the document. A gold
 * unit with no match is kept as `missing` (predicted 0 everywhere): a unit the run failed to
 * cut out is a miss, not an absence.
 */
export function alignUnits(gold: readonly GoldUnit[], predicted: readonly PredictedUnit[], docIdOf: (file: string) => string = docIdOfFile): AlignedUnit[] {
  const byDoc = new Map<string, PredictedUnit[]>();
  for (const p of predicted) byDoc.set(p.docId, [...(byDoc.get(p.docId) ?? []), p]);
  const used = new Set<string>();
  return gold.map((g) => {
    const units = byDoc.get(docIdOf(g.file)) ?? [];
    const atPosition = g.position === undefined ? undefined : units.find((u) => u.position === g.position);
    if (atPosition !== undefined && !used.has(atPosition.unitId) && (g.firstWords === '' || startsWithWords(atPosition.text, g.firstWords))) {
      used.add(atPosition.unitId);
      return { gold: g, predicted: atPosition, alignment: 'position' as const };
    }
    const byWords = g.firstWords === '' ? undefined : units.find((u) => !used.has(u.unitId) && startsWithWords(u.text, g.firstWords));
    if (byWords !== undefined) {
      used.add(byWords.unitId);
      return { gold: g, predicted: byWords, alignment: 'first-words' as const };
    }
    return { gold: g, alignment: 'missing' as const };
  });
}

function ratio(a: number, b: number, empty: number): number {
  return b === 0 ? empty : a / b;
}

/** Precision, recall and F1 per stance (in the order given), macro-F1, and every disagreement with its evidence. */
export function evaluateStances(aligned: readonly AlignedUnit[], stances: readonly Stance[]): Evaluation {
  const confusions: Confusion[] = [];
  const scores = stances.map((stance): StanceScores => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const a of aligned) {
      const want = a.gold.labels[stance] ?? 0;
      const got = a.predicted?.labels[stance] ?? 0;
      if (want === 1 && got === 1) tp += 1;
      else if (want === 0 && got === 0) tn += 1;
      else {
        if (got === 1) fp += 1;
        else fn += 1;
        confusions.push({
          stance, kind: got === 1 ? 'false positive' : 'false negative',
          unitId: a.predicted?.unitId ?? `${docIdOfFile(a.gold.file)}#${a.gold.position ?? '?'} (not found in the output)`,
          firstWords: a.gold.firstWords, note: a.gold.note, evidence: a.predicted?.evidence[stance] ?? '',
        });
      }
    }
    // No positive in the gold and none predicted: nothing was missed and nothing invented.
    const precision = ratio(tp, tp + fp, fn === 0 ? 1 : 0);
    const recall = ratio(tp, tp + fn, fp === 0 ? 1 : 0);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { stance, tp, fp, fn, tn, precision, recall, f1 };
  });
  const aligned_ = { position: 0, 'first-words': 0, missing: 0 };
  for (const a of aligned) aligned_[a.alignment] += 1;
  return { units: aligned.length, aligned: aligned_, scores, macroF1: scores.reduce((s, x) => s + x.f1, 0) / scores.length, confusions };
}
