import { codedContexts } from '../evaluate/coded-contexts.js';
import { unitOfCoded, type CodedUnit } from '../evaluate/read-coded.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { Stance } from '../model.js';
import { seededShuffle } from '../sampling/seeded-random.js';
import { CONTEXT, FLAGS, stanceFeatures, type ContextFeature, type Flag, type StanceContext, type StanceFeatures } from '../stance/fitted-weights.js';
import { LABEL_THRESHOLD, lexiconLabels, stanceScore } from '../stance/score-stances.js';
import { findClaims } from '../claims/find-claims.js';
import { tagUnitStances } from '../stance/claim-stance-tags.js';
import { tokenise } from '../text/tokenise.js';
import { createStemmer } from '../text/stem-fr.js';
import { isBigram, unitWords, wordValue } from '../stance/unit-words.js';
import { fitLogistic, linear, type SparseRow } from './logistic.js';

/**
 * `controverse fit`: per stance, a logistic regression of the coded label on what the matcher
 * found in the unit — the lexicon score (so that an entry the sample never shows keeps its lexicon
 * weight, scaled), one correction per entry seen, and the negated / quoted / ironic / intensified
 * flags — with an L2 penalty on the corrections and flags chosen by cross-validation over pages.
 * Beside them, a statistical word component: one weight per word stem found in at least
 * MIN_WORD_PAGES pages of the sample, under its own penalty; cross-validation chooses
 * that penalty too, or no words at all (tried first: words are kept only when they score better on
 * pages held out). Offered with `features`, two more groups are tried on top of that choice, each
 * kept only when the held-out pages score better with it: pairs of adjacent stems (with the stems,
 * under the word penalty) and the context (the lexicon labels of the page's article and of the
 * unit before). Each fold learns its vocabulary from its own training pages.
 */

/** Penalties tried, weakest last: each is scored by cross-validation and the best kept. */
export const LAMBDAS: readonly number[] = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];
export const FOLDS = 5;
/** Seed of the page shuffle that makes the folds: fixed, so a fit is reproducible. */
export const FIT_SEED = 20261206;
/** Lowest threshold written: at 0 or below every unit, with or without a cue, would be labelled. */
export const MIN_THRESHOLD = 0.001;
/** Penalties tried for the word component (none at all is tried first); down to the weakest entry penalty, which page-held-out dev figures preferred. */
export const WORD_LAMBDAS: readonly number[] = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];
/** A word stem becomes a feature when units of at least this many pages hold it: a word of one page's subject says nothing of the next page. */
export const MIN_WORD_PAGES = 3;
/** Written weights below this (in absolute value) are left out of the file: they change no score at three decimals. */
const MIN_WRITTEN_WEIGHT = 0.001;

const INTERCEPT = 0;
const LEXICON_SCORE = 1;
const FIRST_FLAG = 2;
const FIRST_ENTRY = FIRST_FLAG + FLAGS.length;

/** The fit of one stance, rounded as written. */
export interface StanceFit {
  readonly stance: Stance;
  readonly intercept: number;
  readonly threshold: number;
  readonly lexiconScale: number;
  readonly flags: Readonly<Record<Flag, number>>;
  /** Fitted weight of each entry seen in the sample, by id. */
  readonly entries: readonly (readonly [string, number])[];
  /** Fitted weight of each word stem (or stem pair) kept, strongest first (empty when cross-validation chose no words). */
  readonly words: readonly (readonly [string, number])[];
  /** Fitted weight of each context feature, when cross-validation kept the context. */
  readonly context?: Readonly<Record<ContextFeature, number>>;
  /** The feature groups cross-validation kept, of those offered. */
  readonly features: readonly FitFeature[];
  readonly regularisation: number;
  /** Penalty of the word component, or undefined when no words were kept. */
  readonly wordRegularisation?: number;
  /** F1 of the out-of-fold predictions at the chosen penalty and threshold. */
  readonly cvF1: number;
  /** F1 of the lexicon weights (label at LABEL_THRESHOLD) on the same units, for comparison. */
  readonly unfittedF1: number;
  readonly units: number;
  readonly positives: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000 + 0;

/** F1 of counts, 0 when nothing was found right (a fit's score: no positives scores 0, not 1 as `figures` of evaluate-coded gives). */
export function f1Of(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Folds by page: every unit of a page in the same fold, pages shuffled with a fixed seed. */
export function pageFolds(units: readonly CodedUnit[], folds = FOLDS, seed = FIT_SEED): number[] {
  const pages = seededShuffle([...new Set(units.map((u) => u.docId))].sort(), seed);
  const foldOf = new Map(pages.map((p, k) => [p, k % folds]));
  return units.map((u) => foldOf.get(u.docId)!);
}

/** The probability cut with the best F1 over scored units (ties: the higher cut), and that F1; units at probability 0 are never labelled. */
export function bestCut(probabilities: readonly number[], labels: readonly (0 | 1)[]): { cut: number; f1: number } {
  const order = probabilities.map((p, i) => i).sort((a, b) => probabilities[b]! - probabilities[a]! || a - b);
  const positives = labels.reduce<number>((n, y) => n + y, 0);
  let best = { cut: 0.5, f1: 0 };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k]!;
    // Probability 0 marks a unit that cannot be labelled: no cut reaches it.
    if (probabilities[i]! <= 0) break;
    if (labels[i] === 1) tp += 1;
    else fp += 1;
    const p = probabilities[i]!;
    const next = order[k + 1] === undefined ? undefined : probabilities[order[k + 1]!]!;
    if (next !== undefined && next === p) continue; // a cut cannot separate equal probabilities
    const f1 = f1Of(tp, fp, positives - tp);
    // The cut sits halfway to the next lower probability.
    if (f1 > best.f1) best = { cut: next === undefined ? p / 2 : (p + next) / 2, f1 };
  }
  return best;
}

/** Feature groups `fit` can offer cross-validation beyond entries and flags: word stems, pairs of adjacent stems, the lexicon labels of the unit's context. */
export const FIT_FEATURES = ['words', 'bigrams', 'context'] as const;
export type FitFeature = (typeof FIT_FEATURES)[number];

/** What one unit gives every stance's fit: its word features (stems, and pairs when offered) and their value. */
interface UnitData {
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  readonly value: number;
}

/** The rows of one stance, before the word columns are laid out (those depend on the units a vocabulary is learnt from). */
interface StanceData {
  /** Intercept, lexicon score, flags, entries and context cells of each unit (context cells last, at CONTEXT columns). */
  readonly base: SparseRow[];
  readonly labels: (0 | 1)[];
  readonly entryIds: readonly string[];
  /** Lexicon weight of each entry seen. */
  readonly weights: ReadonlyMap<string, number>;
}

/** The word stems held by units of at least MIN_WORD_PAGES pages, sorted. */
export function wordVocabulary(words: readonly ReadonlySet<string>[], units: readonly CodedUnit[], minPages = MIN_WORD_PAGES): string[] {
  const pages = new Map<string, Set<string>>();
  words.forEach((set, i) => {
    for (const w of set) {
      let p = pages.get(w);
      if (p === undefined) pages.set(w, (p = new Set()));
      p.add(units[i]!.docId);
    }
  });
  return [...pages].filter(([, p]) => p.size >= minPages).map(([w]) => w).sort();
}

function stanceData(features: readonly StanceFeatures[], units: readonly CodedUnit[], stance: Stance, contexts: readonly StanceContext[]): StanceData {
  const weights = new Map<string, number>();
  for (const f of features) for (const [id, e] of f.entries) weights.set(id, e.weight);
  const entryIds = [...weights.keys()].sort();
  const indexOf = new Map(entryIds.map((id, k) => [id, FIRST_ENTRY + k]));
  const firstContext = FIRST_ENTRY + entryIds.length;
  const base = features.map((f, i): SparseRow => {
    const row: [number, number][] = [[INTERCEPT, 1]];
    let score = 0;
    for (const e of f.entries.values()) score += e.weight * e.intensity;
    if (score !== 0) row.push([LEXICON_SCORE, score]);
    FLAGS.forEach((flag, k) => {
      if (f.flags[flag] === 1) row.push([FIRST_FLAG + k, 1]);
    });
    for (const [id, e] of f.entries) row.push([indexOf.get(id)!, e.intensity]);
    CONTEXT.forEach((c, k) => {
      if (contexts[i]![c] === 1) row.push([firstContext + k, 1]);
    });
    return row;
  });
  return { base, labels: units.map((u) => u.labels[stance] ?? 0), entryIds, weights };
}

/** Which feature groups one candidate model uses. */
interface Design {
  readonly words: 'none' | 'stems' | 'pairs';
  readonly context: boolean;
}

/** Rows of one design over a vocabulary: the base cells (context dropped when not used), then the unit's words found in it. */
function designRows(data: StanceData, units: readonly UnitData[], design: Design, firstWord: number, vocabulary: ReadonlyMap<string, number>): SparseRow[] {
  const firstContext = FIRST_ENTRY + data.entryIds.length;
  return data.base.map((base, i) => {
    const row = design.context ? [...base] : base.filter(([j]) => j < firstContext);
    if (design.words === 'none') return row;
    const u = units[i]!;
    const cells = [...(design.words === 'pairs' ? u.words : u.stems)].map((w) => vocabulary.get(w)).filter((j): j is number => j !== undefined).sort((a, b) => a - b);
    for (const j of cells) row.push([j, u.value]);
    return row;
  });
}

/** One fit's word features: the stems (and pairs) of at least MIN_WORD_PAGES pages of the units kept, as columns from firstWord. */
function vocabularyOf(units: readonly UnitData[], coded: readonly CodedUnit[], design: Design, keep: (i: number) => boolean, firstWord: number): { words: string[]; columns: Map<string, number> } {
  if (design.words === 'none') return { words: [], columns: new Map() };
  const idx = coded.map((_, i) => i).filter(keep);
  const words = wordVocabulary(idx.map((i) => (design.words === 'pairs' ? units[i]!.words : units[i]!.stems)), idx.map((i) => coded[i]!));
  return { words, columns: new Map(words.map((w, k) => [w, firstWord + k])) };
}

function fitStance(data: StanceData, units: readonly UnitData[], coded: readonly CodedUnit[], folds: readonly number[], stance: Stance, unfittedF1: number, offered: ReadonlySet<FitFeature>): StanceFit {
  const firstWord = FIRST_ENTRY + data.entryIds.length + CONTEXT.length;
  const firstContext = FIRST_ENTRY + data.entryIds.length;
  // Per fold and design, the vocabulary is learnt from the fold's training units only: a stem
  // becomes a feature by the pages of the units it is fitted on, never by the held-out ones.
  const cache = new Map<string, { rows: SparseRow[]; features: number }>();
  const foldRows = (design: Design, k: number): { rows: SparseRow[]; features: number } => {
    const key = `${design.words}/${design.context}/${k}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      const { words, columns } = vocabularyOf(units, coded, design, (i) => k < 0 || folds[i] !== k, firstWord);
      hit = { rows: designRows(data, units, design, firstWord, columns), features: firstWord + words.length };
      cache.set(key, hit);
    }
    return hit;
  };
  const problemOf = (rows: readonly SparseRow[], features: number, lambda: number, wordLambda: number | undefined, keep: (i: number) => boolean) => {
    // The penalty of a word is wordLambda: lambda × (wordLambda / lambda).
    const penalised = Array.from({ length: features }, (_, j): number => (j === INTERCEPT || j === LEXICON_SCORE ? 0 : j >= firstWord && wordLambda !== undefined ? wordLambda / lambda : 1));
    const idx = rows.map((_, i) => i).filter(keep);
    return { rows: idx.map((i) => rows[i]!), labels: idx.map((i) => data.labels[i]!), features, penalised };
  };
  const score = (design: Design, lambda: number, wordLambda: number | undefined): { cut: number; f1: number } => {
    const oof = new Array<number>(data.base.length).fill(0);
    const alone = new Array<boolean>(data.base.length).fill(false);
    for (let k = 0; k < FOLDS; k += 1) {
      const { rows, features } = foldRows(design, k);
      const w = fitLogistic(problemOf(rows, features, lambda, wordLambda, (i) => folds[i] !== k), lambda);
      rows.forEach((row, i) => {
        if (folds[i] !== k) return;
        oof[i] = 1 / (1 + Math.exp(-linear(w, row)));
        alone[i] = row.length === 1;
      });
    }
    // A unit with no cue of the stance (its row is the intercept alone) scores 0 and is never
    // labelled (see scoreStances): the cut is chosen among the others only, else "label every
    // unit" can win on F1 when a third of the units are positive.
    return bestCut(oof.map((p, i) => (alone[i] ? 0 : p)), data.labels);
  };
  type Choice = { design: Design; lambda: number; wordLambda: number | undefined; cut: number; f1: number };
  let chosen: Choice = { design: { words: 'none', context: false }, lambda: LAMBDAS[0]!, wordLambda: undefined, cut: 0.5, f1: -1 };
  const consider = (design: Design, lambda: number, wordLambda: number | undefined): void => {
    const { cut, f1 } = score(design, lambda, wordLambda);
    // Ties go to the candidate tried first: the stronger penalty, no words, no context — the simpler model.
    if (f1 > chosen.f1 + 1e-9) chosen = { design, lambda, wordLambda, cut, f1 };
  };
  // First the entries and flags, with the word stems when offered (penalties searched together) …
  const stemDesigns: Design[] = offered.has('words') ? [{ words: 'none', context: false }, { words: 'stems', context: false }] : [{ words: 'none', context: false }];
  for (const design of stemDesigns) {
    for (const wordLambda of design.words === 'none' ? [undefined] : WORD_LAMBDAS) {
      for (const lambda of LAMBDAS) consider(design, lambda, wordLambda);
    }
  }
  // … then each further group, added at the chosen entry penalty only when the folds score better with it.
  if (offered.has('bigrams')) {
    const before = chosen;
    for (const wordLambda of WORD_LAMBDAS) consider({ ...before.design, words: 'pairs' }, before.lambda, wordLambda);
  }
  if (offered.has('context')) consider({ ...chosen.design, context: true }, chosen.lambda, chosen.wordLambda);
  const all = foldRows(chosen.design, -1);
  const vocabulary = vocabularyOf(units, coded, chosen.design, () => true, firstWord).words;
  const w = fitLogistic(problemOf(all.rows, all.features, chosen.lambda, chosen.wordLambda, () => true), chosen.lambda);
  const scale = w[LEXICON_SCORE]!;
  const intercept = w[INTERCEPT]!;
  const cutLogit = Math.log(chosen.cut / (1 - chosen.cut));
  const flags = Object.fromEntries(FLAGS.map((f, k) => [f, round(w[FIRST_FLAG + k]!)])) as Record<Flag, number>;
  const context = chosen.design.context ? Object.fromEntries(CONTEXT.map((c, k) => [c, round(w[firstContext + k]!)])) as Record<ContextFeature, number> : undefined;
  const words = chosen.wordLambda === undefined ? [] : vocabulary
    .map((word, k) => [word, round(w[firstWord + k]!)] as const)
    .filter(([, x]) => Math.abs(x) >= MIN_WRITTEN_WEIGHT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const features: FitFeature[] = [...(chosen.design.words === 'none' ? [] : ['words' as const]), ...(chosen.design.words === 'pairs' ? ['bigrams' as const] : []), ...(chosen.design.context ? ['context' as const] : [])];
  // An entry's fitted weight: the lexicon score's share (scale × lexicon weight) plus its own correction.
  return {
    stance, intercept: round(intercept), threshold: round(Math.max(MIN_THRESHOLD, cutLogit - intercept)), lexiconScale: round(scale), flags,
    entries: data.entryIds.map((id, k) => [id, round(scale * data.weights.get(id)! + w[FIRST_ENTRY + k]!)] as const), words,
    ...(context === undefined ? {} : { context }), features,
    regularisation: chosen.lambda, ...(chosen.wordLambda === undefined ? {} : { wordRegularisation: chosen.wordLambda }),
    cvF1: round(chosen.f1), unfittedF1: round(unfittedF1), units: data.base.length, positives: data.labels.reduce<number>((n, y) => n + y, 0),
  };
}

/** What `fitStances` may offer cross-validation: by default the word stems (as `fit` without --features); `words: false` offers nothing beyond entries and flags. */
export interface FitOptions {
  readonly words?: boolean;
  readonly features?: readonly FitFeature[];
}

/** Fit every stance category of the lexicons on the coded units (tagged as French, as `evaluate` does). */
export function fitStances(units: readonly CodedUnit[], lexicons: LexiconSet, options: FitOptions = {}): StanceFit[] {
  const offered = new Set<FitFeature>(options.words === false ? [] : options.features ?? ['words']);
  // Pairs are tried on top of the stems: offering them offers the stems.
  if (offered.has('bigrams')) offered.add('words');
  const stem = createStemmer();
  const data: UnitData[] = [];
  const tags = units.map((u) => {
    const unit = unitOfCoded(u);
    const tokens = tokenise(u.text);
    // Without words no stem is read: every unit's word set stays empty.
    const words = offered.has('words') ? unitWords(tokens, stem, { bigrams: offered.has('bigrams'), text: u.text }) : new Set<string>();
    data.push({ words, stems: new Set([...words].filter((w) => !isBigram(w))), value: wordValue(words) });
    return tagUnitStances(unit, tokens, findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts), lexicons);
  });
  const stances = lexicons.categories.map((c) => c.name);
  const contexts = codedContexts(units, tags.map((t) => lexiconLabels(t, lexicons.categories)), stances);
  const folds = pageFolds(units);
  return lexicons.categories.map(({ name: stance }, s) => {
    const mine = tags.map((t) => t.filter((x) => x.stance === stance));
    const rows = stanceData(mine.map(stanceFeatures), units, stance, contexts.map((c) => c[s]!));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    mine.forEach((t, i) => {
      const got = stanceScore(t) >= LABEL_THRESHOLD ? 1 : 0;
      const want = rows.labels[i]!;
      tp += got & want;
      fp += got & (1 - want);
      fn += want & (1 - got);
    });
    return fitStance(rows, data, units, folds, stance, f1Of(tp, fp, fn), offered);
  });
}
