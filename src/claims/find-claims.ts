import type { EntryMatch, Lexicon, LexiconEntry } from '../lexicon/lexicon.js';
import type { ClaimMention, Token, Unit } from '../model.js';
import type { ClaimConcepts } from './claim-concepts.js';
import { CharSet } from '../text/char-set.js';
import type { TokenIds } from '../text/vocabulary.js';

// Punctuation that closes the scope of a negation cue.
const CLAUSE_BREAK = new CharSet('.!?;:,«»“”"()\n');

/** Negation cues written into an entry's own patterns ("puits sans fond", "pas fléché* vers"). */
function lexicalCues(entry: LexiconEntry, cues: ReadonlySet<string>): ReadonlySet<string> {
  const own = new Set<string>();
  for (const p of entry.patterns) for (const t of p) if (t.kind === 'word' && cues.has(t.norm)) own.add(t.norm);
  return own;
}

/**
 * A mention is negated when a negation cue governs its first token ("ce n'est pas un gaspillage
 * d'argent public"), or when a cue sits inside a gap of the match ("peuvent rien couper" matched by
 * "peuvent … couper"). A cue that the pattern itself spells ("puits sans fond") negates nothing.
 */
function isNegated(m: EntryMatch, text: string, tokens: readonly Token[], claims: Lexicon, own: ReadonlySet<string>): boolean {
  let spelt = false;
  for (let k = m.start; k < m.end; k += 1) {
    if (!claims.isNegationCue(tokens, k)) continue;
    if (!own.has(tokens[k]!.norm)) return true;
    spelt = true;
  }
  // "n'ont pas été écoutés": the pattern carries its own negation; a cue before it is not a second flip.
  if (spelt) return false;
  const cue = claims.negationBefore(tokens, m.start, claims.negation.window, text);
  if (cue < 0) return false;
  // A negation does not reach across clause punctuation: "« sans avenir », « gaspillage d'argent public »".
  return !CLAUSE_BREAK.anyIn(text, tokens[cue]!.span.end, tokens[m.start]!.span.start);
}

/**
 * Find the claims of the claims lexicon in one unit, in text order (longest match wins, a token is
 * counted in one mention only). Negated mentions are marked, not dropped: the reports decide.
 * With `concepts`, claims are also found by their concepts co-occurring in a sentence
 * (claim-concepts.ts), where no phrase of the same claim already covers the passage, except in
 * an article body: a report names the vendors, the money and the law of a debate in every
 * sentence without taking up its claims (docs/annotation.md, rule 1), so there only a claim's own
 * phrases count (on the dev split of eval/stances, co-occurring concepts alone made 25 of the 36
 * false claims in article bodies, and 3 true ones).
 * `ids`: the tokens' ids (tokeniseWithIds), when the caller has them: the same mentions, found faster.
 */
export function findClaims(unit: Unit, tokens: readonly Token[], claims: Lexicon, concepts?: ClaimConcepts, ids?: TokenIds): ClaimMention[] {
  const { byPhrase, byConcept } = findClaimsBySource(unit, tokens, claims, concepts, ids);
  return inTextOrder(byPhrase, byConcept);
}

/** Mentions in the order of the text (then span end, then claim id); `first` as it is when `more` is empty. */
export function inTextOrder(first: ClaimMention[], more: readonly ClaimMention[]): ClaimMention[] {
  if (more.length === 0) return first;
  return [...first, ...more].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
}

/**
 * The mentions of findClaims kept apart by what found them: a claim's own phrases, or its concepts
 * co-occurring (none in an article body, none where a phrase of the same claim covers the passage).
 * The fitted claims model (fitted-claims.ts) weighs the two differently.
 */
export function findClaimsBySource(unit: Unit, tokens: readonly Token[], claims: Lexicon, concepts?: ClaimConcepts, ids?: TokenIds): { byPhrase: ClaimMention[]; byConcept: ClaimMention[] } {
  const ownCues = new Map<string, ReadonlySet<string>>();
  const mention = (claimId: string, start: number, end: number, negated: boolean): ClaimMention => {
    const span = { start: tokens[start]!.span.start, end: tokens[end - 1]!.span.end };
    return { claimId, unitId: unit.id, span, match: unit.text.slice(span.start, span.end), negated };
  };
  const byPhrase = claims.findAll(tokens, ids).map((m) => {
    let own = ownCues.get(m.entry.id);
    if (own === undefined) {
      own = lexicalCues(m.entry, claims.negation.cues);
      ownCues.set(m.entry.id, own);
    }
    return mention(m.entry.id, m.start, m.end, isNegated(m, unit.text, tokens, claims, own));
  });
  if (concepts === undefined || unit.kind === 'article') return { byPhrase, byConcept: [] };
  const byConcept = concepts
    .find(tokens, unit.text, ids)
    .map((c) => mention(c.claimId, c.start, c.end, c.negated))
    .filter((c) => !byPhrase.some((p) => p.claimId === c.claimId && p.span.start < c.span.end && c.span.start < p.span.end));
  return { byPhrase, byConcept };
}
