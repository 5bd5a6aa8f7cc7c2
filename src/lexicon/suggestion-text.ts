import { foldAccents } from '../text/fold-accents.js';
import type { Suggestion, SuggestUnit } from './suggest-entries.js';

/** Characters of context on each side of a candidate in its concordance lines. */
const CONTEXT = 45;
/** Concordance lines and unit ids shown per candidate. */
const CONTEXTS = 3;
const IDS = 5;

/** What the suggestions are for: a stance (a new entry of its file) or a claim (new variants of its entry). */
export type SuggestTarget = { readonly stance: string } | { readonly claim: string };

const fold = (s: string): string => s.replace(/\s+/gu, ' ');

/** One concordance line: "…left [match] right…". */
export function kwic(text: string, start: number, end: number): string {
  const left = fold(text.slice(Math.max(0, start - CONTEXT), start));
  const right = fold(text.slice(end, end + CONTEXT));
  return `${start > CONTEXT ? '…' : ''}${left}[${fold(text.slice(start, end))}]${right}${end + CONTEXT < text.length ? '…' : ''}`;
}

const ids = (list: readonly string[]): string => (list.length === 0 ? '' : ` (${list.slice(0, IDS).join(', ')}${list.length > IDS ? ', …' : ''})`);

/** An entry id part from a candidate's words: "cherchez l'erreur" → "cherchez-l-erreur". */
function slug(key: string): string {
  return foldAccents(key).replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
}

/** `base`, or `base-2`, `base-3`… the first not in `taken` (entry ids must be unique across the lexicon folder). */
function freeId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/**
 * The suggestions as text to read and paste: per candidate, comment lines (keyness, counts, units
 * fixed and broken, contexts), then a YAML entry for the stance file (or, for a claim, the variant
 * to add to its `match`). A candidate that would break at least half as many units as it fixes is
 * proposed at weight 0.5 (it needs a second cue). An entry's id is made from its words, numbered
 * when `idsInUse` (the lexicon's entry ids) or an earlier suggestion already has it.
 */
export function suggestionText(suggestions: readonly Suggestion[], units: readonly SuggestUnit[], target: SuggestTarget, totals: { readonly coded: number; readonly others: number }, idsInUse: Iterable<string> = []): string[] {
  const name = 'stance' in target ? target.stance : target.claim;
  const taken = new Set(idsInUse);
  const lines = [`# ${suggestions.length} candidates for ${'stance' in target ? 'stance' : 'claim'} ${name}: ${totals.coded} coded units, ${totals.others} others; ranked by G² (keyness in units). Read the contexts before keeping one.`];
  suggestions.forEach((s, k) => {
    lines.push('', `# ${k + 1}. "${s.match}"  G² ${s.g2.toFixed(1)}: in ${s.inCoded} coded units, ${s.inOthers} others; fixes ${s.fixes.length}${ids(s.fixes)}, breaks ${s.breaks.length}${ids(s.breaks)}`);
    for (const o of s.occurrences.slice(0, CONTEXTS)) lines.push(`#    ${units[o.unit]!.id}: ${kwic(units[o.unit]!.text, o.start, o.end)}`);
    if ('claim' in target) {
      lines.push(`#    add to the match list of ${target.claim}: ${JSON.stringify(s.match)}`);
      return;
    }
    // The example must tag the entry: a coded unit where no negation governs the candidate, the shortest.
    const example = s.occurrences.filter((o) => !o.negated).map((o) => units[o.unit]!.text).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
    const id = freeId(`${target.stance}.${slug(s.key)}`, taken);
    taken.add(id);
    lines.push(
      `  - id: ${id}`,
      `    match: [${JSON.stringify(s.match)}]`,
      ...(s.breaks.length * 2 >= s.fixes.length ? ['    weight: 0.5'] : []),
      `    note: ${JSON.stringify(`Suggested by lexicon suggest: G² ${s.g2.toFixed(1)}, in ${s.inCoded} of ${totals.coded} coded units and ${s.inOthers} of ${totals.others} others.`)}`,
      `    examples: [${JSON.stringify(fold(example ?? units[s.occurrences[0]!.unit]!.text))}]`,
    );
  });
  return lines;
}
