import type { ClaimMention, Token, Unit } from '../model.js';
import type { ClaimConcepts } from './claim-concepts.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { TokenIds } from '../text/vocabulary.js';
import { findClaimsBySource, inTextOrder } from './find-claims.js';

/**
 * What the claims lexicon sees in one unit, as the fitted claims model (fitted-claims.ts) reads it:
 * per claim, whether a phrase or a `together` rule found it (not negated), whether it was found
 * only negated, whether some slot of one of its rules is filled (the one-slot signal: most missed
 * claims fill one slot and carry the rest by wording no list reaches) or every slot but not within
 * one sentence; and every concept family present, with where it first occurs.
 */
export interface ClaimSignals {
  readonly phrase: ReadonlySet<string>;
  readonly rule: ReadonlySet<string>;
  /** Claims with mentions, all of them negated. */
  readonly negated: ReadonlySet<string>;
  /** Claims one of whose rules has at least one slot filled by a concept of the unit. */
  readonly someSlot: ReadonlySet<string>;
  /** Claims one of whose rules has every slot filled somewhere in the unit (in one sentence or not). */
  readonly allSlots: ReadonlySet<string>;
  /** Each concept found, with the tokens of its first occurrence. */
  readonly concepts: ReadonlyMap<string, readonly [number, number]>;
  readonly isArticle: boolean;
}

/** The names of the lexicon's own findings as model features (the file's `features` keys). */
export const LEXICON_SIGNALS = ['lexicon.phrase', 'lexicon.rule', 'lexicon.negated', 'lexicon.some_slot', 'lexicon.all_slots', 'unit.article'] as const;
/** Prefix of a concept family's feature ("concept.us_vendor"). */
export const CONCEPT_PREFIX = 'concept.';
/** The feature that holds when the page's article body carries the claim (lexicon, not negated). */
export const ARTICLE_CLAIM = 'context.article_claim';

/** The lexicon's mentions of a unit (as findClaims gives them) and its signals for the claims model. */
export function claimSignals(unit: Unit, tokens: readonly Token[], claims: Lexicon, concepts: ClaimConcepts, ids?: TokenIds): { mentions: ClaimMention[]; signals: ClaimSignals } {
  const { byPhrase, byConcept } = findClaimsBySource(unit, tokens, claims, concepts, ids);
  const mentions = inTextOrder(byPhrase, byConcept);
  const held = (list: readonly ClaimMention[]): Set<string> => new Set(list.filter((m) => !m.negated).map((m) => m.claimId));
  const phrase = held(byPhrase);
  const rule = held(byConcept);
  const negated = new Set(mentions.filter((m) => m.negated && !phrase.has(m.claimId) && !rule.has(m.claimId)).map((m) => m.claimId));
  const present = concepts.present(tokens, ids);
  const someSlot = new Set<string>();
  const allSlots = new Set<string>();
  for (const r of concepts.rules) {
    const filled = r.concepts.map((slot) => slot.some((c) => present.has(c)));
    if (filled.some((f) => f)) someSlot.add(r.claimId);
    if (filled.every((f) => f)) allSlots.add(r.claimId);
  }
  return { mentions, signals: { phrase, rule, negated, someSlot, allSlots, concepts: present, isArticle: unit.kind === 'article' } };
}

/** The names of the features that hold for `claimId` in a unit: its lexicon findings and the concepts present (the words and the article context apart). */
export function claimFeatureNames(signals: ClaimSignals, claimId: string): string[] {
  const names: string[] = [];
  if (signals.phrase.has(claimId)) names.push('lexicon.phrase');
  if (signals.rule.has(claimId)) names.push('lexicon.rule');
  if (signals.negated.has(claimId)) names.push('lexicon.negated');
  if (signals.someSlot.has(claimId)) names.push('lexicon.some_slot');
  if (signals.allSlots.has(claimId)) names.push('lexicon.all_slots');
  if (signals.isArticle) names.push('unit.article');
  for (const c of signals.concepts.keys()) names.push(`${CONCEPT_PREFIX}${c}`);
  return names;
}

/** Claims the lexicon found in a unit, not negated: what a page's article body gives its comments as context. */
export function heldClaims(signals: ClaimSignals): Set<string> {
  return new Set([...signals.phrase, ...signals.rule]);
}
