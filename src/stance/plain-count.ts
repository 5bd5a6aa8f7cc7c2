import { Lexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import type { Stance } from '../model.js';
import { tokenise } from '../text/tokenise.js';

/**
 * The baseline a design must beat: a plain dictionary count. Only the one-word patterns of the
 * stance entries are kept (no multi-word expressions, no gaps), any hit sets the label, and there
 * is no negation, no weight, no intensifier, no quotation or irony.
 */
export function plainCountLexicon(stances: Lexicon): Lexicon {
  const entries: LexiconEntry[] = stances.entries.flatMap((e) => {
    if (e.kind === 'intensifier' || e.stance === undefined) return [];
    const patterns = e.patterns.filter((p) => p.length === 1 && p[0]!.kind !== 'gap');
    return patterns.length === 0 ? [] : [{ ...e, patterns, containsNegation: false, weight: 1 }];
  });
  return new Lexicon(entries, { ...stances.negation, cues: new Set(), withNe: new Set() });
}

/** Labels and evidence of the plain count for one text, for each of `stances`. */
export function plainCountLabels(text: string, plain: Lexicon, stances: readonly Stance[]): { labels: Record<Stance, 0 | 1>; evidence: Record<Stance, string> } {
  const tokens = tokenise(text);
  const labels: Record<Stance, 0 | 1> = Object.fromEntries(stances.map((s) => [s, 0]));
  const evidence: Record<Stance, string> = Object.fromEntries(stances.map((s) => [s, '']));
  for (const m of plain.findAll(tokens)) {
    const s = m.entry.stance!;
    labels[s] = 1;
    const passage = `"${text.slice(tokens[m.start]!.span.start, tokens[m.end - 1]!.span.end)}" [${m.entry.id}]`;
    evidence[s] = evidence[s] ? `${evidence[s]}; ${passage}` : passage;
  }
  return { labels, evidence };
}
