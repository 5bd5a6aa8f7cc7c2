import type { Stance, StanceTag } from '../model.js';
import { counts } from './tag-stances.js';
import { isBigram, wordValue } from './unit-words.js';

/**
 * Weights learnt from a coded sample by `controverse fit` (lexicons/fitted.yaml), and the features
 * of a unit they apply to. A stance's fitted score is
 *   Σ over its counted entries of (fitted weight, or lexicon_scale × lexicon weight) × intensity
 *   + a weight per flag of the unit (a negated, quoted, ironic or intensified cue of this stance)
 *   + Σ over the unit's distinct word stems (and stem pairs) of their fitted word weight × 1/√(distinct stems)
 *   + a weight per context feature set (the lexicon label of this stance on the page's article, on the unit before),
 * and the label is set at score ≥ threshold. The logistic model's probability is
 * sigmoid(intercept + score): the threshold is where it reaches the F1-best cut chosen by
 * cross-validation.
 */

/** Flags of a unit for one stance that the matcher reports besides the entries themselves. */
export const FLAGS = ['negated', 'quoted', 'ironic', 'intensified'] as const;
export type Flag = (typeof FLAGS)[number];

/**
 * What a unit's surroundings say, read by the lexicon weights alone (never the fitted ones, so a
 * unit's score does not depend on how its neighbours were fitted): whether the page's article body
 * (position 0, kind article) and the unit just before it in the page's order carry this stance's
 * label. The coded TSV has no parent column, so the unit before stands in for the one answered.
 */
export const CONTEXT = ['article', 'previous'] as const;
export type ContextFeature = (typeof CONTEXT)[number];
/** The context of one unit for one stance: 1 where that neighbour has the stance's lexicon label. */
export type StanceContext = Readonly<Record<ContextFeature, 0 | 1>>;

/** The fitted model of one stance. */
export interface FittedStance {
  readonly intercept: number;
  /** Score at which the label is set. */
  readonly threshold: number;
  /** Factor on the lexicon weight of an entry the fit has no weight for (not seen in the coded sample). */
  readonly lexiconScale: number;
  readonly flags: Readonly<Record<Flag, number>>;
  /** Fitted weight per entry id, for the entries seen in the coded sample. */
  readonly entries: ReadonlyMap<string, number>;
  /** Fitted weight per word stem or stem pair ("cloud confianc") (the statistical word component; empty when the fit chose none). */
  readonly words: ReadonlyMap<string, number>;
  /** Fitted weight per context feature (all 0 when the fit chose none). */
  readonly context: Readonly<Record<ContextFeature, number>>;
}

/** The fitted file as loaded. */
export interface FittedWeights {
  readonly version: number;
  /** Path relative to the lexicon folder, for messages and the manifest. */
  readonly source: string;
  readonly goldSha256: string;
  /** The split of the gold the weights were fitted on, when one was chosen. */
  readonly goldSplit?: string;
  /** Hash of the stance, intensifier and negation files the weights were fitted against. */
  readonly lexiconsSha256: string;
  readonly stances: ReadonlyMap<Stance, FittedStance>;
}

/** What the fitted model sees of one unit for one stance. */
export interface StanceFeatures {
  /** Per counted entry: its lexicon weight and the strongest intensity it was found with. */
  readonly entries: ReadonlyMap<string, { readonly weight: number; readonly intensity: number }>;
  readonly flags: Readonly<Record<Flag, 0 | 1>>;
}

/** The features of one stance's tags (the tags of other stances are ignored). An entry repeated counts once, at its strongest. */
export function stanceFeatures(tags: readonly StanceTag[]): StanceFeatures {
  const entries = new Map<string, { weight: number; intensity: number }>();
  const flags: Record<Flag, 0 | 1> = { negated: 0, quoted: 0, ironic: 0, intensified: 0 };
  for (const t of tags) {
    if (t.negated) flags.negated = 1;
    if (t.discount === 'quoted') flags.quoted = 1;
    if (t.discount === 'ironic') flags.ironic = 1;
    if (!counts(t)) continue;
    if (t.intensifierSpan !== undefined) flags.intensified = 1;
    const intensity = t.intensity ?? 1;
    const held = entries.get(t.entryId);
    if (held === undefined || intensity * t.weight > held.intensity * held.weight) entries.set(t.entryId, { weight: t.weight, intensity });
  }
  return { entries, flags };
}

/** An entry's weight under the fitted model: its own fitted weight, else the lexicon weight scaled. */
export function fittedEntryWeight(model: FittedStance, entryId: string, lexiconWeight: number): number {
  return model.entries.get(entryId) ?? model.lexiconScale * lexiconWeight;
}

/** True when some stance of the fitted weights has a word component: units then need their words (unitWords). */
export function hasWordWeights(fitted: FittedWeights | undefined): boolean {
  return fitted !== undefined && [...fitted.stances.values()].some((m) => m.words.size > 0);
}

/** True when some stance of the fitted weights weighs stem pairs: units are then read with bigrams. */
export function hasBigramWeights(fitted: FittedWeights | undefined): boolean {
  return fitted !== undefined && [...fitted.stances.values()].some((m) => [...m.words.keys()].some(isBigram));
}

/** True when some stance of the fitted weights weighs the context: units then need their neighbours' lexicon labels. */
export function hasContextWeights(fitted: FittedWeights | undefined): boolean {
  return fitted !== undefined && [...fitted.stances.values()].some((m) => CONTEXT.some((c) => m.context[c] !== 0));
}

/** The unit's words that carry a fitted weight, each with its share of the score, in the unit's order. */
function weightedWords(model: FittedStance, words: ReadonlySet<string>): [string, number][] {
  const value = wordValue(words);
  const out: [string, number][] = [];
  for (const w of words) {
    const weight = model.words.get(w);
    if (weight !== undefined && weight !== 0) out.push([w, weight * value]);
  }
  return out;
}

/** The unit's words that carry a fitted weight, each with its share of the score, strongest first (ties by word). */
export function wordContributions(model: FittedStance, words: ReadonlySet<string>): [string, number][] {
  return weightedWords(model, words).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
}

/** The fitted score of one stance for a unit, before the threshold; `words` are the unit's word stems (unitWords), needed when the model has word weights; `context` its neighbours' labels, when it has context weights. */
export function fittedScore(model: FittedStance, f: StanceFeatures, words?: ReadonlySet<string>, context?: StanceContext): number {
  let score = 0;
  for (const [id, e] of f.entries) score += fittedEntryWeight(model, id, e.weight) * e.intensity;
  for (const flag of FLAGS) score += model.flags[flag] * f.flags[flag];
  if (context !== undefined) for (const c of CONTEXT) score += model.context[c] * context[c];
  if (words !== undefined && model.words.size > 0) {
    // Summed in word order, so the score does not depend on the order of the model's file.
    for (const [, c] of weightedWords(model, words).sort((a, b) => (a[0] < b[0] ? -1 : 1))) score += c;
  }
  return Math.round(score * 1000) / 1000;
}
