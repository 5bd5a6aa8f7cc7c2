import { KeyCounts, type KeyedTable } from './hash-tables.js';
import { DEFAULT_MIN_VOICES, type PhraseStats } from './phrase.js';
import { PhraseRows } from './phrase-rows.js';
import { RepeatLog, type PhraseState } from './phrase-state.js';
import type { WordCounts } from './score-phrases.js';
import { PhraseTally } from './tally-phrases.js';
import type { SampledForms } from './variants.js';
import { PHRASE_MAX_WORDS } from './segments.js';
import { RepeatTables, walkSignatures, type SignedCorpus, type SignedDocument } from './walk-signatures.js';

/**
 * Signature words counted per pass: a pass tallies the phrases of 1/passes of the keys, and its
 * tables grow with the distinct phrases of its share (~1 per 4 segments, ~2.5 segments per word):
 * 8 M words (~45 MB of text) keep a pass near 100 MB. Fixed, so the passes never depend on the machine.
 */
export const WORDS_PER_PASS = 8_000_000;

/**
 * Distinct phrase keys one pass may count, whatever the text: the bound behind WORDS_PER_PASS's
 * estimate. A share that holds more (text that never repeats itself) is counted again as two
 * halves (h1 mod twice the passes), so a pass's table of units stays within 2^23 slots (96 MiB),
 * and its tallies (the keys held by `minVoices` units or more) within as many rows.
 */
export const KEYS_PER_PASS = 4_000_000;

/**
 * (phrase, author) pairs a rerun's tally of the changed keys holds at once (see recountSignedPhrases):
 * the changed keys are tallied in shares (h1 mod shares) so that their pairs set stays within
 * 2^24 slots (128 MiB, see PairSet). At 200 MB, 1 % of new documents touch the most frequent
 * phrases, 7.4 M pairs: one share, one walk (3 walks and 96 MiB with 3 M pairs in KeyCounts).
 */
export const PAIRS_PER_PASS = 12_000_000;

/** Passes for a corpus whose signatures hold `words` 32-bit words: the results are the same for any number. */
export function passesFor(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_PASS));
}

export interface CountOptions {
  /** Distinct voices (named authors or unsigned units) a phrase needs. */
  readonly minVoices?: number;
  /** Passes over the signatures (see passesFor); 1 by default. */
  readonly passes?: number;
  /** Distinct keys a pass may count (KEYS_PER_PASS by default; tests make it small). */
  readonly keysPerPass?: number;
  /** (phrase, author) pairs a rerun's tally may hold at once (PAIRS_PER_PASS by default; tests make it small). */
  readonly pairsPerPass?: number;
}

/** Every phrase that recurs enough, with exact counts, and how the counting went. */
export interface CountedPhrases {
  /** In the order counted, each with its score. */
  readonly kept: PhraseRows;
  /** The corpus's document ids by index (the kept phrases' examples are document index and position). */
  readonly docIds: readonly string[];
  /** What the next count can start from (see recountSignedPhrases). */
  readonly state: PhraseState;
  /** Surface forms known without reading text again (a recount's, from its state). */
  readonly knownForms?: KeyedTable<SampledForms>;
  readonly stats: PhraseStats;
}

/**
 * Count the phrases of a corpus from its signatures, exactly. Each pass takes the phrase keys of
 * its share (h1 mod passes) and walks the signatures twice: first the units holding each key, then,
 * for the keys held by at least `minVoices` units (a voice needs a unit), the full tally — voices (a
 * named author counts once however often they post the phrase, an unsigned unit once), units,
 * documents, named authors, first unit. A phrase is kept when it has `minVoices` voices and recurs
 * across two documents or two named authors. The first walk of the first pass also counts the
 * content words and the segments of each length, for the scores. A share whose first walk finds
 * more than `keysPerPass` distinct keys is not tallied but split in two, counted next.
 */
export function countSignedPhrases(corpus: SignedCorpus, options: CountOptions = {}): CountedPhrases {
  const minVoices = options.minVoices ?? DEFAULT_MIN_VOICES;
  const passes = Math.max(1, options.passes ?? 1);
  const keysPerPass = Math.max(1, options.keysPerPass ?? KEYS_PER_PASS);
  const words = new KeyCounts();
  const counts: WordCounts = { words, total: 0, segmentsOfLength: new Array<number>(PHRASE_MAX_WORDS + 1).fill(0) };
  const kept = new PhraseRows();
  const docIds: string[] = [];
  const log = new RepeatLog();
  let walk = { units: 0, tokens: 0, duplicateUnits: 0, repeatedSentences: 0 };
  let trackedPeak = 0;
  let tableBytes = 0;
  let keysPeak = 0;
  let done = 0;
  let first = true;
  // Tables of every pass, emptied between uses.
  const repeats = new RepeatTables();
  const units = new KeyCounts();
  const tally = new PhraseTally();
  // Shares of the keys, in the order counted: h1 mod `of` is `is`. A share too large is split in two.
  const shares = Array.from({ length: passes }, (_, pass) => ({ of: passes, is: pass }));
  for (let share = shares.shift(); share !== undefined; share = shares.shift()) {
    const { of, is } = share;
    const mine = (h1: number): boolean => h1 % of === is;
    units.clear();
    const counting = first;
    let full = false;
    const seen = walkSignatures(corpus, {
      ...(counting ? { document: (_index: number, doc: SignedDocument) => { docIds.push(doc.docId); log.document(doc.serial); } } : {}),
      ...(counting ? { repeat: (skipped: boolean) => log.push(skipped) } : {}),
      ...(counting ? { word: (k1: number, k2: number) => { words.add(k1, k2); counts.total += 1; } } : {}),
      segment(_start, _end, _content, length, h1, h2) {
        if (counting) counts.segmentsOfLength[length]! += 1;
        if (full || !mine(h1)) return;
        // A share of one h1 (h1 mod more than 2^32) cannot be split: it is counted whole.
        if (units.add(h1, h2) === 1 && units.size > keysPerPass && of <= 0xffffffff) full = true;
      },
    }, repeats);
    if (counting) walk = seen;
    first = false;
    keysPeak = Math.max(keysPeak, units.size);
    if (full) {
      shares.unshift({ of: 2 * of, is }, { of: 2 * of, is: is + of });
      continue;
    }
    done += 1;

    tally.clear();
    walkSignatures(corpus, tally.visitor((h1, h2) => mine(h1) && units.get(h1, h2) >= minVoices), repeats);
    trackedPeak = Math.max(trackedPeak, tally.rows.length);
    tableBytes = Math.max(tableBytes, units.bytes + tally.bytes);
    tally.keep(kept, minVoices, counts);
  }
  kept.trim();
  return { kept, docIds, state: { minVoices, ...log.finish(), kept }, stats: { ...walk, floor: minVoices, passes: done, keysPeak, trackedPeak, counterBytes: tableBytes + words.bytes } };
}
