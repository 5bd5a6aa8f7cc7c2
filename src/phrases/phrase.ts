import type { Token, UnitId } from '../model.js';
import type { PhraseWords } from './load-phrase-words.js';

/** A unit as phrase discovery sees it. `tokens` may be left out: they are then made from `text`. */
export interface PhraseUnit {
  readonly unitId: UnitId;
  readonly docId: string;
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

/** Memory budget of the counters; the defaults hold a corpus of hundreds of MB in ~120 MB. */
export interface PhraseMemory {
  /** log2 of the count-min sketch width (4 rows of 32-bit counters). */
  readonly sketchBits: number;
  /** log2 of the bits of each Bloom filter (repeated text; phrase × voice/document/author pairs). */
  readonly bloomBits: number;
  /** Most phrases tracked exactly at once; above it the admission floor rises (rarest dropped). */
  readonly maxTracked: number;
}

export const DEFAULT_PHRASE_MEMORY: PhraseMemory = { sketchBits: 22, bloomBits: 28, maxTracked: 250_000 };

export interface FindPhrasesOptions {
  readonly words: PhraseWords;
  /** Distinct voices (named authors or unsigned units) a phrase needs. */
  readonly minVoices?: number;
  /** Rows written at most, best scores first. */
  readonly limit?: number;
  readonly memory?: Partial<PhraseMemory>;
}

/** What the counting did, for the benchmark and for tests. */
export interface PhraseStats {
  readonly units: number;
  readonly tokens: number;
  readonly duplicateUnits: number;
  readonly repeatedSentences: number;
  /** Voices a phrase needed to be tracked at the end (minVoices unless memory forced it up). */
  readonly floor: number;
  readonly trackedPeak: number;
  readonly counterBytes: number;
}

export const DEFAULT_MIN_VOICES = 2;
export const DEFAULT_PHRASE_LIMIT = 5000;

/** A phrase that passed the thresholds in its partition, before phrases found inside longer ones are dropped. */
export interface KeptPhrase {
  readonly key: number;
  readonly voices: number;
  readonly units: number;
  readonly documents: number;
  readonly authors: number;
  /** Surface forms, most frequent first. */
  readonly variants: readonly string[];
  readonly example: UnitId;
  /** Its content words' stem keys, for finding the phrases it holds. */
  readonly stems: readonly (readonly [number, number])[];
  readonly score: number;
}

