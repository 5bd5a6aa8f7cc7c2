import type { UnitId } from '../model.js';
import type { Token } from '../model.js';

/** A unit as phrase discovery sees it. */
export interface PhraseUnit {
  readonly unitId: UnitId;
  readonly docId: string;
  readonly author?: string;
  readonly tokens: readonly Token[];
}

/** A recurring phrase: the row of phrases.csv. */
export interface Phrase {
  readonly phrase: string;
  readonly nDocuments: number;
  readonly nUnits: number;
  readonly nAuthors: number;
  readonly frequency: number;
  readonly score: number;
  readonly variants: readonly string[];
  readonly exampleUnitId: UnitId;
}

/** Shortest and longest phrases counted, in words. */
export const PHRASE_MIN_WORDS = 2;
export const PHRASE_MAX_WORDS = 6;

// Function words: a phrase made only of these ("de la", "il y a") is grammar, not a claim.
const FUNCTION_WORDS = new Set(
  ("a à au aux avec ce ces c' cet cette d' dans de des du elle elles en est et eux il ils j' je l' la le les leur leurs lui m' ma mais me mes moi mon n' ne ni nos notre nous on ou où par pas pour qu' que qui s' sa sans se ses si son sont sur t' ta te tes toi ton tu un une vos votre vous y été être ai as avons avez ont suis es sommes êtes était c est ça cela plus très tout tous toute toutes comme aussi bien même donc alors car")
    .split(' '),
);

interface Tally {
  frequency: number;
  units: Set<string>;
  documents: Set<string>;
  authors: Set<string>;
  variants: Map<string, number>;
  example: string;
}

/**
 * Count 2–6-word segments that recur across documents or authors. A segment repeated inside one
 * unit, or pasted twice by one author, counts once per (author or document).
 */
export function findPhrases(units: Iterable<PhraseUnit>, minDocuments = 2): Phrase[] {
  const tallies = new Map<string, Tally>();
  for (const u of units) {
    const seenHere = new Set<string>();
    const toks = u.tokens;
    for (let i = 0; i < toks.length; i += 1) {
      for (let n = PHRASE_MIN_WORDS; n <= PHRASE_MAX_WORDS && i + n <= toks.length; n += 1) {
        const slice = toks.slice(i, i + n);
        if (slice.every((t) => FUNCTION_WORDS.has(t.norm))) continue;
        if (FUNCTION_WORDS.has(slice[0]!.norm) || FUNCTION_WORDS.has(slice[n - 1]!.norm)) continue;
        const key = slice.map((t) => t.norm).join(' ');
        if (seenHere.has(key)) continue;
        seenHere.add(key);
        let t = tallies.get(key);
        if (t === undefined) {
          t = { frequency: 0, units: new Set(), documents: new Set(), authors: new Set(), variants: new Map(), example: u.unitId };
          tallies.set(key, t);
        }
        const surface = slice.map((x) => x.surface).join(' ');
        t.frequency += 1;
        t.units.add(u.unitId);
        t.documents.add(u.docId);
        if (u.author !== undefined && u.author !== '') t.authors.add(u.author);
        t.variants.set(surface, (t.variants.get(surface) ?? 0) + 1);
      }
    }
  }
  const phrases: Phrase[] = [];
  for (const [phrase, t] of tallies) {
    if (t.documents.size < minDocuments && t.authors.size < 2) continue;
    const words = phrase.split(' ').length;
    phrases.push({
      phrase,
      nDocuments: t.documents.size,
      nUnits: t.units.size,
      nAuthors: t.authors.size,
      frequency: t.frequency,
      score: Math.round(Math.log2(1 + t.documents.size) * Math.log2(1 + Math.max(1, t.authors.size)) * Math.sqrt(words) * 1000) / 1000,
      variants: [...t.variants.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v),
      exampleUnitId: t.example,
    });
  }
  return phrases.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}
