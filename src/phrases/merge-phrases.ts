import { DEFAULT_PHRASE_LIMIT, type KeptPhrase, type Phrase } from './phrase.js';
import { collectVariants } from './variants.js';
import { hashOfStems, tallyKey } from './vocabulary.js';
import type { SignedCorpus } from './walk-signatures.js';

/**
 * A phrase that only ever occurs inside a longer kept one ("européen gaia-x" in "projet européen
 * gaia-x", same voices) adds nothing: only the longest is listed.
 */
function withoutSubsumed(kept: Iterable<KeptPhrase>): KeptPhrase[] {
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
  return [...byKey.values()].filter((k) => !subsumed.has(k.key));
}

/**
 * The rows of phrases.csv, best scores first, ties by phrase. Only the rows that can be written
 * (scores above the `limit`-th, and every tie of it) get their surface forms, read from the text
 * of the units that hold them: the rest of the corpus is never read.
 */
export function mergePhrases(kept: Iterable<KeptPhrase>, corpus: SignedCorpus, limit: number = DEFAULT_PHRASE_LIMIT): Phrase[] {
  const ranked = withoutSubsumed(kept).sort((a, b) => b.score - a.score);
  const last = ranked[Math.min(limit, ranked.length) - 1];
  const shown = last === undefined ? [] : ranked.filter((k) => k.score >= last.score);
  const variants = collectVariants(shown, corpus);
  const phrases: Phrase[] = shown.map((t) => {
    const forms = variants.get(t.key) ?? [];
    return {
      phrase: forms[0] ?? '', nDocuments: t.documents, nUnits: t.units, nAuthors: t.authors, frequency: t.voices,
      score: t.score, variants: forms, exampleUnitId: t.example,
    };
  });
  phrases.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return phrases.slice(0, limit);
}
