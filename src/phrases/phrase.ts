import type { Token, UnitId } from '../model.js';
import type { PhraseWords } from './load-phrase-words.js';

/** A unit as phrase discovery sees it. `tokens` may be left out: they are then made from `text`. */
export interface PhraseUnit {
  readonly docId: string;
  /** Position in its document: the unit's id is `${docId}#${position}`. */
  readonly position: number;
  readonly author?: string;
  readonly text: string;
  readonly tokens?: readonly Token[];
}

/** A recurring phrase: the row of phrases.csv. */
export interface Phrase {
  readonly phrase: string;
  readonly nDocuments: number;
  readonly nUnits: number;
  readonly nAuthors: number;
  /** Occurrences counted once per voice: a named author, or an unsigned unit. */
  readonly frequency: number;
  readonly score: number;
  readonly variants: readonly string[];
  readonly exampleUnitId: UnitId;
}

export interface FindPhrasesOptions {
  readonly words: PhraseWords;
  /** Distinct voices (named authors or unsigned units) a phrase needs. */
  readonly minVoices?: number;
  /** Rows written at most, best scores first. */
  readonly limit?: number;
  /** Passes over the signatures (memory); the phrases are the same for any number. */
  readonly passes?: number;
}

/** What the counting did, for the benchmark and for tests. */
export interface PhraseStats {
  readonly units: number;
  readonly tokens: number;
  readonly duplicateUnits: number;
  readonly repeatedSentences: number;
  /** Voices a phrase needs to be listed: minVoices (counts are exact, memory never raises it). */
  readonly floor: number;
  /** Walks that tallied phrases, one per share of the keys (more than planned when a share held more than KEYS_PER_PASS keys). */
  readonly passes: number;
  /** Keys the count had to tally: a full count's let through by its prefilter (estimated, UnitSketch.promoted), a recount's changed keys. */
  readonly keysPeak: number;
  /** Phrases tallied at once at most (in one walk). */
  readonly trackedPeak: number;
  /** Bytes of the count's tables (the largest tally's, the prefilter's, the word counts). */
  readonly counterBytes: number;
  /** A rerun's count: the changed keys whose kept tallies were brought up to date from the changed documents (UpdatedTallies). */
  readonly updated?: number;
}

export const DEFAULT_MIN_VOICES = 2;
export const DEFAULT_PHRASE_LIMIT = 5000;

/** A phrase that passed the thresholds, before phrases found inside longer ones are dropped. */
export interface KeptPhrase {
  /** tallyKey of h1, h2. */
  readonly key: number;
  readonly h1: number;
  readonly h2: number;
  readonly voices: number;
  readonly units: number;
  readonly documents: number;
  readonly authors: number;
  readonly example: UnitId;
  /** Its content words' stem keys, for finding the phrases it holds. */
  readonly stems: readonly (readonly [number, number])[];
  readonly score: number;
}
