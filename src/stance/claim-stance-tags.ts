import type { Lexicon } from '../lexicon/lexicon.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { ClaimMention, StanceTag, Token, Unit } from '../model.js';
import { isInside, quotedSpans } from './quoted-spans.js';
import { counts, tagStances } from './tag-stances.js';
import { applyTopicRule } from './topic-cues.js';
import type { TokenIds } from '../text/vocabulary.js';

/**
 * Every stance tag of a unit, as the run scores them: its stance cues, then the tags of its claims,
 * topic words alone set aside (topic-cues.ts). `ids`: the tokens' ids, when the caller has them.
 */
export function tagUnitStances(unit: Unit, tokens: readonly Token[], mentions: readonly ClaimMention[], lexicons: LexiconSet, ids?: TokenIds): StanceTag[] {
  const cues = tagStances(unit, tokens, { lexicon: lexicons.stances, ...(ids === undefined ? {} : { ids }) });
  const fromClaims = claimStanceTags(unit, mentions, lexicons.claims, cues, lexicons.stances).map((t) => (t.negated ? withNegator(t, tokens, lexicons.claims) : t));
  return applyTopicRule(fromClaims.length === 0 ? cues : [...cues, ...fromClaims], lexicons.stances);
}

/** Tokens looked back from a negated mention's end for the word that negated it (the evidence names it). */
const NEGATOR_REACH = 30;

/** A negated claim tag with the span of the negation word nearest before its end, for the evidence. */
function withNegator(tag: StanceTag, tokens: readonly Token[], claims: Lexicon): StanceTag {
  const last = tokens.findIndex((t) => t.span.end >= tag.span.end);
  for (let k = last; k >= 0 && k >= last - NEGATOR_REACH; k -= 1) {
    if (claims.negation.cues.has(tokens[k]!.norm) || claims.isNegationCue(tokens, k)) return { ...tag, negationSpan: tokens[k]!.span };
  }
  return tag;
}

/**
 * Stance tags from the unit's claims. A claim's `also` names the stances asserting it signals
 * (gafam_dependence: sovereigntist; state_slow_to_act: sceptical), as the annotation guide defines
 * the stances by these arguments. The claim may be worded in ways no stance cue covers ("tout le
 * monde signe chez AWS"), so a mention adds a tag named after the claim, weight 1, to each of them.
 * A negated mention gives a negated tag; in an article body, a mention inside quotation marks is
 * reported speech (QUOTED); a stance whose praise a counted sarcasm cue of the unit cancels gets
 * the claim's tag as IRONIC, like its other cues.
 */
export function claimStanceTags(unit: Unit, mentions: readonly ClaimMention[], claims: Lexicon, stanceTags: readonly StanceTag[], stances: Lexicon): StanceTag[] {
  const tags: StanceTag[] = [];
  let quoted: ReturnType<typeof quotedSpans> | undefined;
  let cancelled: ReadonlySet<string> | undefined;
  for (const m of mentions) {
    const signals = claims.byId.get(m.claimId)?.also;
    if (signals === undefined) continue;
    for (const stance of signals) {
      if (tags.some((t) => t.entryId === m.claimId && t.stance === stance && counts(t))) continue;
      const inQuotes = unit.kind === 'article' && isInside(m.span, (quoted ??= quotedSpans(unit.text)));
      cancelled ??= cancelledStances(stanceTags, stances);
      const discount = inQuotes ? 'quoted' : cancelled.has(stance) ? 'ironic' : undefined;
      tags.push({ unitId: unit.id, entryId: m.claimId, span: m.span, weight: 1, stance, negated: m.negated, ...(discount === undefined ? {} : { discount }) });
    }
  }
  return tags;
}

/** Stances that a counted sarcasm cue of the unit cancels. */
function cancelledStances(tags: readonly StanceTag[], stances: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const t of tags) {
    const entry = stances.byId.get(t.entryId);
    if (entry?.kind === 'sarcasm' && counts(t)) for (const s of entry.cancels ?? []) out.add(s);
  }
  return out;
}
