import { KeyCounts, type KeyedTable } from './hash-tables.js';
import { DEFAULT_MIN_VOICES, type PhraseStats } from './phrase.js';
import { PhraseRows } from './phrase-rows.js';
import { RepeatLog, type PhraseState } from './phrase-state.js';
import type { WordCounts } from './score-phrases.js';
import { PhraseTally } from './tally-phrases.js';
import type { SampledForms } from './variants.js';
import { PHRASE_MAX_WORDS } from './segments.js';
import { UnitSketch } from './unit-sketch.js';
import { walkSignatures, type SignedCorpus, type SignedDocument } from './walk-signatures.js';

/**
 * Phrase keys one tally walk may hold, whatever the text: the keys the prefilter lets through are
 * tallied in shares (h1 mod shares) of at most this many, estimated after the first walk; a share
 * that holds more all the same is split in two (h1 mod twice the shares) and tallied next. So a
 * tally's index stays within 2^23 slots (96 MiB) and its rows within 4 M (~300 MB). At 200 MB of
 * corpus ~1.4 M keys pass: one share.
 */
export const KEYS_PER_PASS = 4_000_000;

/**
 * (phrase, author) pairs one tally holds at once, a full count's or a rerun's (see
 * recountSignedPhrases): the keys are tallied in shares (h1 mod shares) so that their pairs set
 * stays within 2^24 slots (128 MiB, see PairSet). At 200 MB, 1 % of new documents touch the most
 * frequent phrases, 7.4 M pairs: one share, one walk (3 walks and 96 MiB with 3 M pairs in KeyCounts).
 */
export const PAIRS_PER_PASS = 12_000_000;

export interface CountOptions {
  /** Distinct voices (named authors or unsigned units) a phrase needs. */
  readonly minVoices?: number;
  /** Shares the tally takes at least (h1 mod shares, one walk each); 1 by default. The rows are the same for any number. */
  readonly passes?: number;
  /** Distinct keys a tally walk may hold (KEYS_PER_PASS by default; tests make it small). */
  readonly keysPerPass?: number;
  /** (phrase, author) pairs a tally may hold at once (PAIRS_PER_PASS by default; tests make it small). */
  readonly pairsPerPass?: number;
  /** Bytes of the prefilter (SKETCH_BYTES by default; tests make it tiny, to force collisions). */
  readonly sketchBytes?: number;
  /** Occurrences of a phrase whose surface forms are sampled (VARIANT_SAMPLE by default; tests make it small): a recount samples again as mergePhrasesAndForms did. */
  readonly variantSample?: number;
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
 * Count the phrases of a corpus from its signatures, exactly, in two walks or a few more. The first
 * walk counts the content words and the segments of each length (for the scores), logs the repeat
 * tests, and adds every phrase key of every unit to a UnitSketch, which then lets through every key
 * held by at least `minVoices` units (a voice needs a unit) and a few others. The next walks tally
 * in full the keys it lets through — voices (a named author counts once however often they post the
 * phrase, an unsigned unit once), units, documents, named authors, first unit — in shares of h1 (as
 * many as the keys and (phrase, author) pairs estimated in the first walk need under `keysPerPass`
 * and `pairsPerPass`, at least `passes`), each taking the repeat tests from the first walk's log. A
 * phrase is kept when it has `minVoices` voices and recurs across two documents or two named
 * authors: the keys let through for nothing fail it. A share whose tally holds more than
 * `keysPerPass` keys or `pairsPerPass` pairs is not kept but split in two, tallied next. The rows
 * kept come share by share; mergePhrases does not depend on their order.
 */
export function countSignedPhrases(corpus: SignedCorpus, options: CountOptions = {}): CountedPhrases {
  const minVoices = options.minVoices ?? DEFAULT_MIN_VOICES;
  const keysPerPass = Math.max(1, options.keysPerPass ?? KEYS_PER_PASS);
  const pairsPerPass = Math.max(1, options.pairsPerPass ?? PAIRS_PER_PASS);
  const words = new KeyCounts();
  const counts: WordCounts = { words, total: 0, segmentsOfLength: new Array<number>(PHRASE_MAX_WORDS + 1).fill(0) };
  const docIds: string[] = [];
  const log = new RepeatLog();
  const sketch = new UnitSketch(minVoices, options.sketchBytes);
  const top = sketch.levels;
  // Pairs the tally may meet: every unit of a signed author holding a key let through, from the
  // add that let it through on (and the units before it, whoever signed them).
  let pairsExpected = 0;
  let signed = false;
  const walk = walkSignatures(corpus, {
    document: (_index: number, doc: SignedDocument) => { docIds.push(doc.docId); log.document(doc.serial); },
    repeat: (skipped: boolean) => log.push(skipped),
    unit: (_position, isSigned) => { signed = isSigned; },
    word: (k1: number, k2: number) => { words.add(k1, k2); counts.total += 1; },
    segment(_start, _end, _content, length, h1, h2) {
      counts.segmentsOfLength[length]! += 1;
      if (sketch.add(h1, h2) === top && signed) pairsExpected += 1;
    },
  });
  const logged = log.finish();
  pairsExpected += sketch.promoted * (top - 1);

  // Room for every key let through: nearly all of them are kept.
  const kept = new PhraseRows(sketch.promoted, 3 * sketch.promoted);
  let trackedPeak = 0;
  let tableBytes = 0;
  let done = 0;
  const tally = new PhraseTally();
  const passes = Math.max(1, options.passes ?? 1, Math.ceil(sketch.promoted / keysPerPass), Math.ceil(pairsExpected / pairsPerPass));
  // Shares of the keys, in the order tallied: h1 mod `of` is `is`. A share too large is split in two.
  const shares = Array.from({ length: passes }, (_, pass) => ({ of: passes, is: pass }));
  for (let share = shares.shift(); share !== undefined; share = shares.shift()) {
    const { of, is } = share;
    // Room for the share's keys let through, as estimated (a few more pass, bits set by other keys).
    tally.clear(Math.min(keysPerPass, Math.ceil((1.05 * sketch.promoted) / of) + 1024));
    let full = false;
    // A share of one h1 (h1 mod more than 2^32) cannot be split: it is tallied whole.
    const splittable = of <= 0xffffffff;
    const wanted = (h1: number, h2: number): boolean => {
      if (full) return false;
      if (splittable && (tally.rows.length > keysPerPass || tally.pairCount > pairsPerPass)) {
        full = true;
        return false;
      }
      return (h1 >>> 0) % of === is && sketch.passes(h1, h2);
    };
    walkSignatures(corpus, tally.visitor(wanted), undefined, true, logged.repeats);
    trackedPeak = Math.max(trackedPeak, tally.rows.length);
    tableBytes = Math.max(tableBytes, tally.bytes);
    if (full) {
      shares.unshift({ of: 2 * of, is }, { of: 2 * of, is: is + of });
      continue;
    }
    done += 1;
    tally.keep(kept, minVoices, counts);
  }
  // Given room for the keys estimated, the rows kept nearly fill it: a trimmed copy would only add
  // its ~100 MB (at 200 MB of corpus) to the peak, beside the last tally.
  if (kept.bytes > 1.25 * kept.usedBytes) kept.trim();
  return {
    kept, docIds, state: { minVoices, ...logged, kept },
    stats: { ...walk, floor: minVoices, passes: done, keysPeak: sketch.promoted, trackedPeak, counterBytes: tableBytes + sketch.bytes + words.bytes },
  };
}
