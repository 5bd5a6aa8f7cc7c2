import stemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';

/** Cached stems at most; the cache starts over when full (a corpus has far fewer distinct words). */
const STEM_CACHE_SIZE = 200_000;

/**
 * A French stemmer (natural's Porter/Snowball port) with a cache: "dilapidés", "dilapidées" →
 * "dilapid". Takes folded words (accents removed), as tokens carry them. natural stays in this file.
 */
export function createStemmer(cacheSize = STEM_CACHE_SIZE): (word: string) => string {
  const cache = new Map<string, string>();
  return (word: string): string => {
    let stem = cache.get(word);
    if (stem === undefined) {
      if (cache.size >= cacheSize) cache.clear();
      stem = stemmerFr.stem(word);
      cache.set(word, stem);
    }
    return stem;
  };
}
