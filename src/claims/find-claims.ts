import type { Lexicon } from '../lexicon/lexicon.js';
import type { ClaimMention, Token, Unit } from '../model.js';

/** Find the claims of the claims lexicon in one unit, in text order; negated mentions are marked, not dropped. */
export function findClaims(unit: Unit, tokens: readonly Token[], claims: Lexicon): ClaimMention[] {
  return claims.findAll(tokens).map((m) => {
    const span = { start: tokens[m.start]!.span.start, end: tokens[m.end - 1]!.span.end };
    return {
      claimId: m.entry.id,
      unitId: unit.id,
      span,
      match: unit.text.slice(span.start, span.end),
      negated: !m.entry.containsNegation && claims.negationBefore(tokens, m.start) >= 0,
    };
  });
}
