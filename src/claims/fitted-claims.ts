import type { ClaimMention, Token, Unit } from '../model.js';
import { ARTICLE_CLAIM, claimFeatureNames, type ClaimSignals } from './claim-signals.js';
import { tokenStem, wordValue } from '../stance/unit-words.js';
import { inTextOrder } from './find-claims.js';

/**
 * Claims decided by a model fitted on coded units (`controverse fit --claims`, fitted-claims.yaml):
 * per claim, a logistic score over what the lexicon found (phrase, rule, negated, a rule's slot
 * filled), each concept family present, the unit's word stems and, where cross-validation kept it,
 * whether the page's article body carries the claim. A claim the file does not list keeps the
 * lexicon's finding. Plain data (maps, numbers), so that a worker thread receives it by clone.
 */
export interface FittedClaim {
  readonly intercept: number;
  /** The claim is found when intercept + the weights of the features that hold ≥ threshold (the logit of the cut). */
  readonly threshold: number;
  /** Weights of the named features (LEXICON_SIGNALS, "concept.X", ARTICLE_CLAIM); one not listed weighs 0. */
  readonly features: ReadonlyMap<string, number>;
  /** Weight of each word stem, counted × 1/√(distinct stems of the unit), as in the stance fit. */
  readonly words: ReadonlyMap<string, number>;
}

export interface FittedClaims {
  readonly version: number;
  readonly source: string;
  readonly goldSha256: string;
  readonly goldSplit?: string;
  readonly lexiconsSha256: string;
  readonly claims: ReadonlyMap<string, FittedClaim>;
}

/** True when some claim's model weighs word stems: the unit's stems must then be read. */
export function hasClaimWords(fitted: FittedClaims | undefined): boolean {
  return fitted !== undefined && [...fitted.claims.values()].some((c) => c.words.size > 0);
}

/** True when some claim's model weighs the article's claims: the article body's must then be kept. */
export function hasArticleClaims(fitted: FittedClaims | undefined): boolean {
  return fitted !== undefined && [...fitted.claims.values()].some((c) => (c.features.get(ARTICLE_CLAIM) ?? 0) !== 0);
}

/** One feature's share of a claim's score. */
export interface ClaimPart {
  readonly feature: string;
  readonly weight: number;
}

/** A claim's score in one unit and the share of each feature that holds (words one by one), strongest first. */
export function claimScore(model: FittedClaim, claimId: string, signals: ClaimSignals, words?: ReadonlySet<string>, articleClaims?: ReadonlySet<string>): { score: number; parts: ClaimPart[] } {
  const parts: ClaimPart[] = [];
  for (const name of claimFeatureNames(signals, claimId)) {
    const w = model.features.get(name);
    if (w !== undefined && w !== 0) parts.push({ feature: name, weight: w });
  }
  const article = model.features.get(ARTICLE_CLAIM);
  if (article !== undefined && article !== 0 && articleClaims?.has(claimId) === true) parts.push({ feature: ARTICLE_CLAIM, weight: article });
  if (words !== undefined && model.words.size > 0) {
    const value = wordValue(words);
    for (const w of words) {
      const x = model.words.get(w);
      if (x !== undefined) parts.push({ feature: `word.${w}`, weight: x * value });
    }
  }
  const score = parts.reduce((s, p) => s + p.weight, model.intercept);
  return { score, parts: parts.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1)) };
}

/**
 * The tokens a claim found by the model alone is shown by (claim_mentions.csv `match`): the
 * concept family with the strongest positive weight in the unit, else the word stem with the
 * strongest positive weight, else the whole unit.
 */
function shownTokens(model: FittedClaim, signals: ClaimSignals, tokens: readonly Token[], stem?: (word: string) => string): readonly [number, number] | undefined {
  let best: { w: number; at: readonly [number, number] } | undefined;
  for (const [c, at] of signals.concepts) {
    const w = model.features.get(`concept.${c}`) ?? 0;
    if (w > 0 && (best === undefined || w > best.w)) best = { w, at };
  }
  if (best !== undefined) return best.at;
  if (stem === undefined || model.words.size === 0) return undefined;
  let word: { w: number; k: number } | undefined;
  tokens.forEach((t, k) => {
    const w = model.words.get(tokenStem(t, stem)) ?? 0;
    if (w > 0 && (word === undefined || w > word.w)) word = { w, k };
  });
  return word === undefined ? undefined : [word.k, word.k + 1];
}

/**
 * The mentions of a unit once the fitted claims decide: for a claim the file lists, the lexicon's
 * mentions are kept when the model finds the claim (and one is made, shown by shownTokens, when the
 * lexicon had none that is not negated) and dropped when it does not (negated ones stay, counted in
 * n_negated); claims the file does not list keep the lexicon's mentions as they are.
 */
export function applyFittedClaims(unit: Unit, tokens: readonly Token[], mentions: readonly ClaimMention[], signals: ClaimSignals, fitted: FittedClaims, words?: ReadonlySet<string>, articleClaims?: ReadonlySet<string>, stem?: (word: string) => string): ClaimMention[] {
  const found = new Set<string>();
  for (const [claimId, model] of fitted.claims) if (claimScore(model, claimId, signals, words, articleClaims).score >= model.threshold) found.add(claimId);
  const out = mentions.filter((m) => m.negated || !fitted.claims.has(m.claimId) || found.has(m.claimId));
  const added: ClaimMention[] = [];
  for (const claimId of found) {
    if (out.some((m) => m.claimId === claimId && !m.negated)) continue;
    const at = shownTokens(fitted.claims.get(claimId)!, signals, tokens, stem);
    const span = at === undefined || tokens.length === 0 ? { start: 0, end: unit.text.length } : { start: tokens[at[0]]!.span.start, end: tokens[at[1] - 1]!.span.end };
    added.push({ claimId, unitId: unit.id, span, match: unit.text.slice(span.start, span.end), negated: false });
  }
  return inTextOrder(out, added);
}
