import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { ClaimMention, Token, Unit } from '../model.js';
import { unitWords } from '../stance/unit-words.js';
import type { TokenIds } from '../text/vocabulary.js';
import { claimSignals, heldClaims } from './claim-signals.js';
import { applyFittedClaims, hasClaimWords } from './fitted-claims.js';
import { findClaims } from './find-claims.js';

/** The claims of one unit: the lexicon's mentions (which the stance tags read) and the mentions reported, the fitted claims' when the lexicons carry them. */
export interface UnitClaims {
  readonly lexicon: ClaimMention[];
  readonly claims: ClaimMention[];
  /** Claims the lexicon holds in the unit (not negated), read only with fitted claims (else empty): the context an article body gives its page's comments. */
  readonly held: ReadonlySet<string>;
}

const NOTHING_HELD: ReadonlySet<string> = new Set();

/**
 * Claims of a unit as `run` reports them. Without fitted claims, findClaims's mentions (the lexicon
 * alone, no extra work). With them, the lexicon's signals (phrases, rules, concepts present) and
 * the unit's stems (when a claim's model weighs words; `stem`: createStemmer()) go through each
 * claim's model; `articleClaims` are those of the page's article body (heldClaims of unit 0).
 */
export function unitClaims(unit: Unit, tokens: readonly Token[], lexicons: LexiconSet, options: { ids?: TokenIds; stem?: (word: string) => string; articleClaims?: ReadonlySet<string> } = {}): UnitClaims {
  const fitted = lexicons.fittedClaims;
  if (fitted === undefined) {
    const lexicon = findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts, options.ids);
    return { lexicon, claims: lexicon, held: NOTHING_HELD };
  }
  const { mentions, signals } = claimSignals(unit, tokens, lexicons.claims, lexicons.claimConcepts, options.ids);
  const words = hasClaimWords(fitted) && options.stem !== undefined ? unitWords(tokens, options.stem) : undefined;
  const claims = applyFittedClaims(unit, tokens, mentions, signals, fitted, words, options.articleClaims, options.stem);
  return { lexicon: mentions, claims, held: heldClaims(signals) };
}
