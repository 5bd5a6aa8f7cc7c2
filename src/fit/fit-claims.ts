import { ARTICLE_CLAIM, CONCEPT_PREFIX, claimFeatureNames, claimSignals, heldClaims, LEXICON_SIGNALS, type ClaimSignals } from '../claims/claim-signals.js';
import { unitOfCoded, type CodedUnit } from '../evaluate/read-coded.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import { unitWords, wordValue } from '../stance/unit-words.js';
import { createStemmer } from '../text/stem-fr.js';
import { tokenise } from '../text/tokenise.js';
import { bestCut, f1Of, pageFolds, wordVocabulary, FOLDS } from './fit-stances.js';
import { fitLogistic, linear, type SparseRow } from './logistic.js';

/**
 * `controverse fit --claims`: per claim of the claims lexicon with at least MIN_CLAIM_POSITIVES
 * coded units, a logistic regression of "the coders gave this unit the claim" on what the lexicon
 * found there (claim-signals.ts: phrase, rule, negated, a slot or every slot of one of its rules
 * filled, article body), each concept family present, the unit's word stems (vocabulary learnt in
 * each fold, stems of at least 3 pages), and, when cross-validation keeps it, whether the page's
 * article body carries the claim. Penalties and groups are chosen by 5-fold cross-validation over
 * pages (the folds of the stance fit), by the out-of-fold F1 at the claim's best cut, and the cut,
 * F1-optimal on those out-of-fold probabilities, is the claim's threshold.
 */

/** A claim with fewer coded units than this keeps the lexicon alone: its cut and weights would be noise. */
export const MIN_CLAIM_POSITIVES = 20;
/** Penalty on the lexicon and concept features. */
export const CLAIM_LAMBDAS: readonly number[] = [0.03, 0.003];
/** Penalty on the word stems (none is tried first). */
export const CLAIM_WORD_LAMBDAS: readonly number[] = [0.01, 0.001];
/** Feature groups offered beyond the lexicon's findings and the concepts. */
export const CLAIM_FIT_FEATURES = ['words', 'article'] as const;
export type ClaimFitFeature = (typeof CLAIM_FIT_FEATURES)[number];

const MIN_WRITTEN_WEIGHT = 0.001;
const round = (x: number): number => Math.round(x * 1000) / 1000 + 0;

/** The fit of one claim, rounded as written. */
export interface ClaimFit {
  readonly claimId: string;
  readonly units: number;
  readonly positives: number;
  readonly intercept: number;
  readonly threshold: number;
  /** Weights of the named features, as written (strongest first). */
  readonly features: readonly (readonly [string, number])[];
  readonly words: readonly (readonly [string, number])[];
  readonly groups: readonly ClaimFitFeature[];
  readonly regularisation: number;
  readonly wordRegularisation?: number;
  readonly cvF1: number;
  /** F1 of the lexicon alone on the same units. */
  readonly lexiconF1: number;
}

/** A claim left to the lexicon, with why: too few coded units, or a model that did not beat the lexicon out of fold. */
export interface ClaimKept {
  readonly claimId: string;
  readonly positives: number;
  /** Out-of-fold F1 of the model and the lexicon's F1, when a model was fitted and not kept. */
  readonly cvF1?: number;
  readonly lexiconF1?: number;
}

/** What one coded unit gives every claim's fit. */
export interface ClaimUnitData {
  readonly signals: ClaimSignals;
  readonly stems: ReadonlySet<string>;
  readonly value: number;
  /** Claims the page's article body carries (lexicon, not negated); empty for the article itself. */
  readonly articleClaims: ReadonlySet<string>;
}

/** The signals, stems and article claims of every coded unit (read as French, as evaluate does). */
export function claimUnitData(units: readonly CodedUnit[], lexicons: LexiconSet, withWords = true): ClaimUnitData[] {
  const stem = createStemmer();
  const read = units.map((u) => {
    const tokens = tokenise(u.text);
    const { signals } = claimSignals(unitOfCoded(u), tokens, lexicons.claims, lexicons.claimConcepts);
    const stems = withWords ? unitWords(tokens, stem) : new Set<string>();
    return { signals, stems, value: wordValue(stems) };
  });
  const articleOf = new Map<string, ReadonlySet<string>>();
  units.forEach((u, i) => {
    if (u.position === 0 && u.kind === 'article') articleOf.set(u.docId, heldClaims(read[i]!.signals));
  });
  return units.map((u, i) => ({ ...read[i]!, articleClaims: u.position === 0 ? new Set<string>() : articleOf.get(u.docId) ?? new Set<string>() }));
}

interface Design {
  readonly words: boolean;
  readonly article: boolean;
}

function fitClaim(claimId: string, data: readonly ClaimUnitData[], coded: readonly CodedUnit[], folds: readonly number[], named: readonly string[], offered: ReadonlySet<ClaimFitFeature>): ClaimFit {
  const labels = coded.map((u): 0 | 1 => (u.claims.includes(claimId) ? 1 : 0));
  const column = new Map(named.map((n, k) => [n, k + 1]));
  const firstWord = named.length + 1;
  const base = data.map((d): [number, number][] => {
    const row: [number, number][] = [[0, 1]];
    for (const n of claimFeatureNames(d.signals, claimId)) {
      const j = column.get(n);
      if (j !== undefined) row.push([j, 1]);
    }
    if (d.articleClaims.has(claimId)) row.push([column.get(ARTICLE_CLAIM)!, 1]);
    return row;
  });
  const articleColumn = column.get(ARTICLE_CLAIM)!;
  const cache = new Map<string, { rows: SparseRow[]; vocabulary: string[] }>();
  const rowsOf = (design: Design, k: number): { rows: SparseRow[]; vocabulary: string[] } => {
    const key = `${design.words}/${design.article}/${k}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      const idx = coded.map((_, i) => i).filter((i) => k < 0 || folds[i] !== k);
      const vocabulary = design.words ? wordVocabulary(idx.map((i) => data[i]!.stems), idx.map((i) => coded[i]!)) : [];
      const at = new Map(vocabulary.map((w, n) => [w, firstWord + n]));
      const rows = base.map((b, i) => {
        const row = design.article ? [...b] : b.filter(([j]) => j !== articleColumn);
        if (!design.words) return row;
        const d = data[i]!;
        const cells = [...d.stems].map((w) => at.get(w)).filter((j): j is number => j !== undefined).sort((a, b2) => a - b2);
        for (const j of cells) row.push([j, d.value]);
        return row;
      });
      hit = { rows, vocabulary };
      cache.set(key, hit);
    }
    return hit;
  };
  const problem = (rows: readonly SparseRow[], features: number, lambda: number, wordLambda: number | undefined, keep: (i: number) => boolean) => {
    const penalised = Array.from({ length: features }, (_, j): number => (j === 0 ? 0 : j >= firstWord && wordLambda !== undefined ? wordLambda / lambda : 1));
    const idx = rows.map((_, i) => i).filter(keep);
    return { rows: idx.map((i) => rows[i]!), labels: idx.map((i) => labels[i]!), features, penalised };
  };
  const score = (design: Design, lambda: number, wordLambda: number | undefined): { cut: number; f1: number } => {
    const oof = new Array<number>(coded.length).fill(0);
    for (let k = 0; k < FOLDS; k += 1) {
      const { rows, vocabulary } = rowsOf(design, k);
      const w = fitLogistic(problem(rows, firstWord + vocabulary.length, lambda, wordLambda, (i) => folds[i] !== k), lambda);
      rows.forEach((row, i) => {
        if (folds[i] === k) oof[i] = 1 / (1 + Math.exp(-linear(w, row)));
      });
    }
    return bestCut(oof, labels);
  };
  type Choice = { design: Design; lambda: number; wordLambda: number | undefined; cut: number; f1: number };
  let chosen: Choice = { design: { words: false, article: false }, lambda: CLAIM_LAMBDAS[0]!, wordLambda: undefined, cut: 0.5, f1: -1 };
  const consider = (design: Design, lambda: number, wordLambda: number | undefined): void => {
    const { cut, f1 } = score(design, lambda, wordLambda);
    // Ties go to the candidate tried first: the stronger penalty, no words, no context.
    if (f1 > chosen.f1 + 1e-9) chosen = { design, lambda, wordLambda, cut, f1 };
  };
  for (const lambda of CLAIM_LAMBDAS) consider({ words: false, article: false }, lambda, undefined);
  if (offered.has('words')) for (const wordLambda of CLAIM_WORD_LAMBDAS) for (const lambda of CLAIM_LAMBDAS) consider({ words: true, article: false }, lambda, wordLambda);
  if (offered.has('article')) consider({ ...chosen.design, article: true }, chosen.lambda, chosen.wordLambda);
  const all = rowsOf(chosen.design, -1);
  const w = fitLogistic(problem(all.rows, firstWord + all.vocabulary.length, chosen.lambda, chosen.wordLambda, () => true), chosen.lambda);
  const byWeight = (a: readonly [string, number], b: readonly [string, number]): number => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1);
  const features = named
    .filter((n) => chosen.design.article || n !== ARTICLE_CLAIM)
    .map((n) => [n, round(w[column.get(n)!]!)] as const)
    .filter(([, x]) => Math.abs(x) >= MIN_WRITTEN_WEIGHT)
    .sort(byWeight);
  const words = all.vocabulary.map((s, k) => [s, round(w[firstWord + k]!)] as const).filter(([, x]) => Math.abs(x) >= MIN_WRITTEN_WEIGHT).sort(byWeight);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  data.forEach((d, i) => {
    const got = d.signals.phrase.has(claimId) || d.signals.rule.has(claimId) ? 1 : 0;
    const want = labels[i]!;
    tp += got & want;
    fp += got & (1 - want);
    fn += want & (1 - got);
  });
  return {
    claimId, units: coded.length, positives: labels.reduce<number>((n, y) => n + y, 0),
    intercept: round(w[0]!), threshold: round(Math.log(chosen.cut / (1 - chosen.cut))), features, words,
    groups: [...(chosen.design.words ? ['words' as const] : []), ...(chosen.design.article ? ['article' as const] : [])],
    regularisation: chosen.lambda, ...(chosen.wordLambda === undefined || !chosen.design.words ? {} : { wordRegularisation: chosen.wordLambda }),
    cvF1: round(chosen.f1), lexiconF1: round(f1Of(tp, fp, fn)),
  };
}

/** What `fitClaims` offers cross-validation (default: both groups). */
export interface ClaimFitOptions {
  readonly features?: readonly ClaimFitFeature[];
  /** Precomputed claimUnitData of the same units (the dev script reuses it across folds). */
  readonly data?: readonly ClaimUnitData[];
  readonly minPositives?: number;
  /** Keep a claim's model even when its out-of-fold F1 is not above the lexicon's (default false: the lexicon is kept). */
  readonly keepAll?: boolean;
}

/**
 * Fit every claim of the lexicons with at least MIN_CLAIM_POSITIVES coded units; a claim whose
 * model's out-of-fold F1 is not above the lexicon's F1 on the same units keeps the lexicon. The
 * claims left to the lexicon are returned apart (`kept`).
 */
export function fitClaims(units: readonly CodedUnit[], lexicons: LexiconSet, options: ClaimFitOptions = {}): { fits: ClaimFit[]; kept: ClaimKept[] } {
  const offered = new Set<ClaimFitFeature>(options.features ?? CLAIM_FIT_FEATURES);
  const data = options.data ?? claimUnitData(units, lexicons, offered.has('words'));
  const folds = pageFolds(units);
  const named = [...LEXICON_SIGNALS, ...lexicons.claimConcepts.concepts.entries.map((e) => `${CONCEPT_PREFIX}${e.id}`).sort(), ARTICLE_CLAIM];
  const min = options.minPositives ?? MIN_CLAIM_POSITIVES;
  const fits: ClaimFit[] = [];
  const kept: ClaimKept[] = [];
  for (const entry of [...lexicons.claims.entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const positives = units.filter((u) => u.claims.includes(entry.id)).length;
    if (positives < min) {
      kept.push({ claimId: entry.id, positives });
      continue;
    }
    const fit = fitClaim(entry.id, data, units, folds, named, offered);
    // The lexicon alone is the first candidate: a model must do better on pages it did not see.
    if (options.keepAll === true || fit.cvF1 > fit.lexiconF1) fits.push(fit);
    else kept.push({ claimId: entry.id, positives, cvF1: fit.cvF1, lexiconF1: fit.lexiconF1 });
  }
  return { fits, kept };
}
