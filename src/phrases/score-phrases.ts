import type { KeyCounts } from './hash-tables.js';

/** What the scores need of the whole corpus: content words counted by stem, and segments by length. */
export interface WordCounts {
  readonly words: KeyCounts;
  total: number;
  readonly segmentsOfLength: number[];
}

/**
 * Log-likelihood ratio (Poisson G²) of a phrase's count against the count expected if its content
 * words fell together by chance: E = segments of that length × Π p(word). 0 when not above chance.
 * `stems`: the content words' stem keys, (k1, k2) pairs flat.
 */
export function logLikelihood(observed: number, stems: ArrayLike<number>, counts: WordCounts): number {
  let expected = counts.segmentsOfLength[stems.length / 2] ?? 0;
  for (let k = 0; k < stems.length; k += 2) expected *= Math.max(1, counts.words.get(stems[k]!, stems[k + 1]!)) / Math.max(1, counts.total);
  if (expected <= 0 || observed <= expected) return 0;
  return 2 * (observed * Math.log(observed / expected) - (observed - expected));
}
