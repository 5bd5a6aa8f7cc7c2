import type { EntryMatch, Lexicon } from '../lexicon/lexicon.js';
import type { Token } from '../model.js';
import { CharSet } from '../text/char-set.js';
import type { TokenIds } from '../text/vocabulary.js';

/**
 * Claims found by their concepts rather than by a fixed phrase: "tout le monde signe chez AWS",
 * "les ministères re-signent avec Microsoft" and "on leur préfère Microsoft" all say
 * gafam_dependence with different words. A rule names two or more concepts (word families of
 * `concepts` in claims.fr.yaml: a US vendor, a verb of signing or staying); the claim is found
 * when every concept of one of its rules occurs in the same sentence, within `within` words.
 */

/** One `together` rule of a claim: the concepts that must co-occur, each slot one of a few ("us_vendor|us_chips"). */
export interface ConceptRule {
  readonly claimId: string;
  readonly concepts: readonly (readonly string[])[];
  /** "claims.fr.yaml:412". */
  readonly source: string;
}

/** A claim found by one of its rules: tokens `start` to `end` (one past) cover every concept. */
export interface ConceptMatch {
  readonly claimId: string;
  readonly start: number;
  readonly end: number;
  /** True when a concept of the match is negated ("ne marche pas", "pas de contrat avec"). */
  readonly negated: boolean;
}

/** Where a concept was found. */
interface ConceptHit {
  readonly concept: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** Index of the negation cue that negates the concept, or -1. */
  readonly negatedBy: number;
  /** True when the concept's own pattern spells a negation ("jamais consultés"): its cue is spent on it. */
  readonly holds: boolean;
}

/** Characters between two tokens that end a sentence, and with it a rule's reach. */
const SENTENCE_BREAK = new CharSet('.!?;\n…');

/** Tokens after a concept looked at for the "pas" of "ne … pas" ("ne marchait pas", "n'existe plus"). */
const NE_REACH = 2;

/** Words that open a complement clause ("garantir que …", "garantir qu'elles …"). */
const COMPLEMENTISERS: ReadonlySet<string> = new Set(['que', "qu'"]);

/** Sentence number of every token: a full stop, ?, !, ; or a line break between two tokens starts a new one. */
function sentencesOf(tokens: readonly Token[], text: string): number[] {
  const ids: number[] = [];
  let id = 0;
  tokens.forEach((t, k) => {
    const prev = tokens[k - 1];
    if (prev !== undefined && SENTENCE_BREAK.anyIn(text, prev.span.end, t.span.start)) id += 1;
    ids.push(id);
  });
  return ids;
}

/** The concepts and the rules of the claims lexicon, compiled once per run. */
export class ClaimConcepts {
  /** The claims that have at least one rule. */
  readonly claimIds: ReadonlySet<string>;

  /**
   * `concepts`: a lexicon whose entry ids are concept names (its negation rules are the claims').
   * `within`: largest number of tokens a match may span, first concept to last.
   */
  constructor(
    readonly concepts: Lexicon,
    readonly rules: readonly ConceptRule[],
    readonly within: number,
  ) {
    this.claimIds = new Set(rules.map((r) => r.claimId));
  }

  /** The cue negating the concept found at `start`–`end`, or -1: a cue before it, or "ne" before and "pas" after. */
  private negationOf(tokens: readonly Token[], start: number, end: number, text: string, holds: boolean): number {
    if (holds) return -1;
    const before = this.concepts.negationBefore(tokens, start, undefined, text);
    if (before >= 0) return before;
    const ne = this.concepts.negation.ne;
    if (ne === undefined) return -1;
    const neBefore = [start - 1, start - 2].some((k) => k >= 0 && ne.has(tokens[k]!.norm));
    if (!neBefore) return -1;
    for (let k = end; k < end + NE_REACH && k < tokens.length; k += 1) if (this.concepts.isNegationCue(tokens, k)) return k;
    return -1;
  }

  /**
   * Every concept found in the tokens; unlike a claim, a concept may start inside another ("argent
   * public", "public"), and two concepts may start at the same word ("tourne sous", "tourne").
   */
  private matches(tokens: readonly Token[], ids: TokenIds | undefined): EntryMatch[] {
    const found: EntryMatch[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      // Each concept's own longest match: "tourne sous" staying with a vendor does not hide "tourne" working.
      found.push(...this.concepts.longestPerEntryAt(tokens, i, ids));
    }
    return found;
  }

  /**
   * Each concept found in the tokens, with the tokens of its first occurrence (start, one past the
   * end): what the fitted claims model reads beside the rules (a rule's slot filled alone).
   */
  present(tokens: readonly Token[], ids?: TokenIds): Map<string, readonly [number, number]> {
    const first = new Map<string, readonly [number, number]>();
    for (const m of this.matches(tokens, ids)) if (!first.has(m.entry.id)) first.set(m.entry.id, [m.start, m.end]);
    return first;
  }

  /** The concepts found, with their sentences and negations. */
  private hits(found: readonly EntryMatch[], tokens: readonly Token[], text: string): ConceptHit[] {
    const sentences = sentencesOf(tokens, text);
    return found.map((m) => {
      const holds = this.concepts.holdsNegation(m);
      return { concept: m.entry.id, start: m.start, end: m.end, sentence: sentences[m.start]!, negatedBy: this.negationOf(tokens, m.start, m.end, text, holds), holds };
    });
  }

  /**
   * Claims found by their rules, one match per claim and sentence, in text order: the first that is
   * not negated, else the first. The match of a rule is its first concept's first hit with a hit of
   * every other concept in the same sentence, the whole within `within` tokens. `ids`: the tokens' ids (tokeniseWithIds), when the caller has them.
   * Fewer than two concepts make no rule, and a rule with a slot that no concept of the unit fills
   * matches nowhere: then the sentences and negations are not worked out (most units).
   */
  find(tokens: readonly Token[], text: string, ids?: TokenIds): ConceptMatch[] {
    if (this.rules.length === 0) return [];
    const found = this.matches(tokens, ids);
    if (found.length < 2) return [];
    const present = new Set(found.map((m) => m.entry.id));
    const rules = this.rules.filter((rule) => rule.concepts.every((slot) => slot.some((c) => present.has(c))));
    if (rules.length === 0) return [];
    const hits = this.hits(found, tokens, text);
    const matched = new Map<string, ConceptMatch>();
    for (const rule of rules) {
      for (const anchor of hits) {
        if (!rule.concepts[0]!.includes(anchor.concept)) continue;
        const key = `${rule.claimId}\u0000${anchor.sentence}`;
        const before = matched.get(key);
        if (before !== undefined && !before.negated) continue;
        const match = this.completeAt(anchor, rule, hits, tokens);
        // A negated match gives way to one of the same sentence that is not ("… ne seraient jamais
        // transmises aux autorités américaines" negated, "pas garantir que … autorités américaines" not).
        if (match !== undefined && (before === undefined || !match.negated)) matched.set(key, match);
      }
    }
    return [...matched.values()].sort((a, b) => a.start - b.start || (a.claimId < b.claimId ? -1 : 1));
  }

  /** The match of `rule` around `anchor`: the nearest hit of each other concept, or undefined. */
  private completeAt(anchor: ConceptHit, rule: ConceptRule, hits: readonly ConceptHit[], tokens: readonly Token[]): ConceptMatch | undefined {
    let start = anchor.start;
    let end = anchor.end;
    const chosen: ConceptHit[] = [anchor];
    for (const slot of rule.concepts.slice(1)) {
      let best: ConceptHit | undefined;
      let bestDistance = Infinity;
      for (const h of hits) {
        if (!slot.includes(h.concept) || h.sentence !== anchor.sentence) continue;
        if (h.start < anchor.end && h.end > anchor.start) continue;
        const distance = Math.max(end, h.end) - Math.min(start, h.start);
        // The nearest hit; at the same distance, one that is not negated ("jamais consultés" over "consultés").
        if (distance < bestDistance || (distance === bestDistance && best !== undefined && best.negatedBy >= 0 && h.negatedBy < 0)) {
          best = h;
          bestDistance = distance;
        }
      }
      if (best === undefined || bestDistance > this.within) return undefined;
      start = Math.min(start, best.start);
      end = Math.max(end, best.end);
      chosen.push(best);
    }
    // A cue inside a concept that spells it ("jamais consultés … Amazon") is spent there, as in the stance tagger;
    // so is a cue in the clause such a concept opens: "ne peut pas garantir que les données ne partiront
    // jamais aux États-Unis" says that they may (two negations, the second under the first).
    const opensClause = (from: number, to: number): boolean => tokens.slice(from, to).some((t) => COMPLEMENTISERS.has(t.norm));
    const spent = (k: number): boolean => chosen.some((o) => o.holds && ((o.start <= k && k < o.end) || (o.end <= k && opensClause(o.end, k))));
    const negated = chosen.some((h) => h.negatedBy >= 0 && !spent(h.negatedBy));
    return { claimId: rule.claimId, start, end, negated };
  }
}
