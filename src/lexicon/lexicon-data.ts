import { ClaimConcepts, type ConceptRule } from '../claims/claim-concepts.js';
import type { PhraseWords } from '../phrases/find-phrases.js';
import type { FittedWeights } from '../stance/fitted-weights.js';
import type { FittedClaims } from '../claims/fitted-claims.js';
import type { StanceCategory } from './stance-category.js';
import { Lexicon, type LexiconEntry, type NegationRules } from './lexicon.js';
import type { LexiconFile, LexiconSet } from './load-lexicon.js';
import type { RunLexicons } from './run-lexicons.js';

/**
 * A run's lexicons as plain data (entries, rules, sets and maps: no class instance), which a worker
 * thread receives by structured clone and compiles (`runLexiconsOf`) without reading, parsing or
 * validating the lexicon folder again: the main thread did that once for the run.
 */
export interface LexiconData {
  readonly categories: readonly StanceCategory[];
  readonly stanceEntries: readonly LexiconEntry[];
  readonly claimEntries: readonly LexiconEntry[];
  readonly negation: NegationRules;
  readonly conceptEntries: readonly LexiconEntry[];
  readonly conceptRules: readonly ConceptRule[];
  readonly conceptsWithin: number;
  /** LexiconSet.files (the phrase word list's file is phraseWords.file). */
  readonly files: readonly LexiconFile[];
  readonly fitted?: FittedWeights;
  readonly fittedClaims?: FittedClaims;
  readonly phraseWords: PhraseWords;
}

/** The data `runLexiconsOf` compiles the same lexicons from. */
export function lexiconDataOf(lexicons: RunLexicons): LexiconData {
  const { set } = lexicons;
  return {
    categories: set.categories, stanceEntries: set.stances.entries, claimEntries: set.claims.entries, negation: set.stances.negation,
    conceptEntries: set.claimConcepts.concepts.entries, conceptRules: set.claimConcepts.rules, conceptsWithin: set.claimConcepts.within,
    files: set.files, ...(set.fitted === undefined ? {} : { fitted: set.fitted }), ...(set.fittedClaims === undefined ? {} : { fittedClaims: set.fittedClaims }), phraseWords: lexicons.phraseWords,
  };
}

/** The lexicons of `data`, compiled (their tries and tables built) in this thread. */
export function runLexiconsOf(data: LexiconData): RunLexicons {
  const set: LexiconSet = {
    categories: data.categories,
    stances: new Lexicon(data.stanceEntries, data.negation),
    claims: new Lexicon(data.claimEntries, data.negation),
    claimConcepts: new ClaimConcepts(new Lexicon(data.conceptEntries, data.negation), data.conceptRules, data.conceptsWithin),
    files: data.files,
    ...(data.fitted === undefined ? {} : { fitted: data.fitted }),
    ...(data.fittedClaims === undefined ? {} : { fittedClaims: data.fittedClaims }),
  };
  return { set, phraseWords: data.phraseWords, files: [...data.files, data.phraseWords.file] };
}
