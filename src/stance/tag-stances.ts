import type { Lexicon } from '../lexicon/lexicon.js';
import type { StanceTag, Token, Unit } from '../model.js';

/** Options of the stance tagger; the lexicon is loaded once per run and passed in. */
export interface TagStancesOptions {
  readonly lexicon: Lexicon;
  /** Tokens to look back for "ne", "pas", "jamais"…; defaults to the negation lexicon's window. */
  readonly negationWindow?: number;
}

/** Tag stance cues in one unit. Same unit + same lexicon → same tags, in text order. */
export function tagStances(unit: Unit, tokens: readonly Token[], options: TagStancesOptions): StanceTag[] {
  const { lexicon } = options;
  const tags: StanceTag[] = [];
  for (const m of lexicon.findAll(tokens)) {
    const stance = m.entry.stance;
    if (stance === undefined) continue;
    const first = tokens[m.start]!;
    const last = tokens[m.end - 1]!;
    tags.push({
      unitId: unit.id,
      stance,
      entryId: m.entry.id,
      span: { start: first.span.start, end: last.span.end },
      weight: m.entry.weight,
      negated: !m.entry.containsNegation && lexicon.negationBefore(tokens, m.start, options.negationWindow) >= 0,
    });
  }
  return tags;
}
