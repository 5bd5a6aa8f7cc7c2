import type { Vocabulary } from './vocabulary.js';

/**
 * Log-likelihood ratio (Poisson G²) of a phrase's count against the count expected if its content
 * words fell together by chance: E = segments of that length × Π p(word). 0 when not above chance.
 */
export function logLikelihood(observed: number, stems: readonly number[], vocab: Vocabulary, segmentsOfLength: readonly number[]): number {
  let expected = segmentsOfLength[stems.length] ?? 0;
  for (const s of stems) expected *= Math.max(1, vocab.counts[s] ?? 0) / Math.max(1, vocab.total);
  if (expected <= 0 || observed <= expected) return 0;
  return 2 * (observed * Math.log(observed / expected) - (observed - expected));
}

