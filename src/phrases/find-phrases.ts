// Phrase discovery: recurring phrases found without a lexicon (phrases.csv). The one entry point of
// src/phrases/; the other files of the folder are its parts, by job: vocabulary (content stems and
// phrase keys), segments (which word runs of a unit count), counting, scoring, merging partitions.
import { readAsFrench } from '../language/lexicon-language.js';
import type { AnalysedDocument } from '../model.js';
import { countPhrasePartitions } from './count-phrases.js';
import { combinePartitions } from './merge-partitions.js';
import type { FindPhrasesOptions, Phrase, PhraseStats, PhraseUnit } from './phrase.js';

export { countPhrasePartitions, PHRASE_PARTITIONS, PhraseSketch, sumSketchTables, type PartitionCount } from './count-phrases.js';
export { loadPhraseWords, FUNCTION_WORDS_FILE, type PhraseWords } from './load-phrase-words.js';
export { combinePartitions } from './merge-partitions.js';
export * from './phrase.js';
export { PHRASE_MAX_WORDS, PHRASE_MIN_WORDS, REPEATED_SENTENCE_MIN_WORDS } from './segments.js';

/** Recurring phrases, best first, with how the counting went: every partition counted here, in one pass. */
export function countPhrases(units: () => Iterable<PhraseUnit>, options: FindPhrasesOptions): { phrases: Phrase[]; stats: PhraseStats } {
  const { kept, stats } = countPhrasePartitions(units, options);
  return { phrases: combinePartitions(kept, options.limit), stats };
}

/** Recurring phrases, best first: see countPhrasePartitions. */
export function findPhrases(units: () => Iterable<PhraseUnit>, options: FindPhrasesOptions): Phrase[] {
  return countPhrases(units, options).phrases;
}

/** The units of analysed documents, in report order, as phrase discovery reads them. */
export function* phraseUnitsOf(docs: Iterable<AnalysedDocument>): Generator<PhraseUnit> {
  for (const d of docs) {
    for (const { unit, lang } of d.units) {
      // The function words and the stemmer are French: other languages' phrases would be noise.
      if (readAsFrench(lang.code)) yield { unitId: unit.id, docId: d.document.id, author: unit.author, text: unit.text };
    }
  }
}
