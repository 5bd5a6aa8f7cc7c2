import { DEFAULT_PHRASE_LIMIT, type KeptPhrase, type Phrase } from './phrase.js';
import { hashOfStems, tallyKey } from './vocabulary.js';

/**
 * The rows of phrases.csv from the kept phrases of every partition, best scores first. A phrase
 * that only ever occurs inside a longer kept one ("européen gaia-x" in "projet européen gaia-x",
 * same voices) adds nothing: only the longest is listed.
 */
export function combinePartitions(kept: Iterable<KeptPhrase>, limit: number = DEFAULT_PHRASE_LIMIT): Phrase[] {
  const byKey = new Map<number, KeptPhrase>();
  for (const k of kept) byKey.set(k.key, k);
  const subsumed = new Set<number>();
  for (const t of byKey.values()) {
    for (let len = 2; len < t.stems.length; len += 1) {
      for (let from = 0; from + len <= t.stems.length; from += 1) {
        const sub = tallyKey(...hashOfStems(t.stems.slice(from, from + len)));
        if (byKey.get(sub)?.voices === t.voices) subsumed.add(sub);
      }
    }
  }
  const phrases: Phrase[] = [];
  for (const [key, t] of byKey) {
    if (subsumed.has(key)) continue;
    phrases.push({
      phrase: t.variants[0]!, nDocuments: t.documents, nUnits: t.units, nAuthors: t.authors, frequency: t.voices,
      score: t.score, variants: t.variants, exampleUnitId: t.example,
    });
  }
  phrases.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return phrases.slice(0, limit);
}

