import { hashPair } from './hashes.js';
import { KeyCounts, KeyedTable } from './hash-tables.js';
import { DEFAULT_MIN_VOICES, type KeptPhrase, type PhraseStats } from './phrase.js';
import { logLikelihood, type WordCounts } from './score-phrases.js';
import { PHRASE_MAX_WORDS } from './segments.js';
import { stemKey1, stemKey2, walkSignatures, type SignedCorpus } from './walk-signatures.js';
import { tallyKey } from './vocabulary.js';

/**
 * Signature words counted per pass: a pass tallies the phrases of 1/passes of the keys, and its
 * tables grow with the distinct phrases of its share (~1 per 4 segments, ~2.5 segments per word):
 * 8 M words (~45 MB of text) keep a pass near 100 MB. Fixed, so the passes never depend on the machine.
 */
export const WORDS_PER_PASS = 8_000_000;

/** Passes for a corpus whose signatures hold `words` 32-bit words: the results are the same for any number. */
export function passesFor(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_PASS));
}

export interface CountOptions {
  /** Distinct voices (named authors or unsigned units) a phrase needs. */
  readonly minVoices?: number;
  /** Passes over the signatures (see passesFor); 1 by default. */
  readonly passes?: number;
}

interface Tally {
  voices: number;
  units: number;
  documents: number;
  /** Index of the last document counted (units arrive document by document). */
  lastDocument: number;
  authors: number;
  readonly example: string;
  readonly stems: readonly (readonly [number, number])[];
}

/** Every phrase that recurs enough, with exact counts, and how the counting went. */
export interface CountedPhrases {
  readonly kept: KeptPhrase[];
  readonly stats: PhraseStats;
}

/**
 * Count the phrases of a corpus from its signatures, exactly. Each pass takes the phrase keys of
 * its share (h1 mod passes) and walks the signatures twice: first the units holding each key, then,
 * for the keys held by at least `minVoices` units (a voice needs a unit), the full tally — voices (a
 * named author counts once however often they post the phrase, an unsigned unit once), units,
 * documents, named authors, first unit. A phrase is kept when it has `minVoices` voices and recurs
 * across two documents or two named authors. The first walk of the first pass also counts the
 * content words and the segments of each length, for the scores.
 */
export function countSignedPhrases(corpus: SignedCorpus, options: CountOptions = {}): CountedPhrases {
  const minVoices = options.minVoices ?? DEFAULT_MIN_VOICES;
  const passes = Math.max(1, options.passes ?? 1);
  const words = new KeyCounts();
  const counts: WordCounts = { words, total: 0, segmentsOfLength: new Array<number>(PHRASE_MAX_WORDS + 1).fill(0) };
  const kept: KeptPhrase[] = [];
  let walk = { units: 0, tokens: 0, duplicateUnits: 0, repeatedSentences: 0 };
  let trackedPeak = 0;
  let tableBytes = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    const mine = (h1: number): boolean => h1 % passes === pass;
    const units = new KeyCounts();
    const first = pass === 0;
    const seen = walkSignatures(corpus, {
      ...(first ? { word: (k1: number, k2: number) => { words.add(k1, k2); counts.total += 1; } } : {}),
      segment(_start, _end, _content, length, h1, h2) {
        if (first) counts.segmentsOfLength[length]! += 1;
        if (mine(h1)) units.add(h1, h2);
      },
    });
    if (first) walk = seen;

    const tallies = new KeyedTable<Tally>();
    const pairs = new KeyCounts();
    let docIndex = 0;
    let docId = '';
    let unitId = '';
    let author: [number, number] | undefined;
    walkSignatures(corpus, {
      document(index, doc) {
        docIndex = index;
        docId = doc.docId;
      },
      unit(position, signed, a1, a2) {
        unitId = `${docId}#${position}`;
        author = signed ? [a1, a2] : undefined;
      },
      segment(_start, _end, content, length, h1, h2, sig) {
        if (!mine(h1) || units.get(h1, h2) < minVoices) return;
        let t = tallies.get(h1, h2);
        if (t === undefined) {
          const stems: [number, number][] = [];
          for (let k = 0; k < length; k += 1) stems.push([stemKey1(sig, content[k]!), stemKey2(sig, content[k]!)]);
          t = { voices: 0, units: 0, documents: 0, lastDocument: -1, authors: 0, example: unitId, stems };
          tallies.add(h1, h2, t);
        }
        t.units += 1; // the walk gives each phrase once per unit
        if (t.lastDocument !== docIndex) {
          t.lastDocument = docIndex;
          t.documents += 1;
        }
        if (author === undefined) t.voices += 1;
        else if (pairs.add(...hashPair(h1, h2, author, 3)) === 1) {
          t.voices += 1;
          t.authors += 1;
        }
      },
    });
    trackedPeak = Math.max(trackedPeak, tallies.size);
    tableBytes = Math.max(tableBytes, units.bytes + pairs.bytes);
    for (const [h1, h2, t] of tallies) {
      if (t.voices < minVoices || (t.documents < 2 && t.authors < 2)) continue;
      kept.push({ key: tallyKey(h1, h2), h1, h2, voices: t.voices, units: t.units, documents: t.documents, authors: t.authors, example: t.example, stems: t.stems, score: 0 });
    }
  }
  const scored = kept.map((k) => ({ ...k, score: Math.round(logLikelihood(k.voices, k.stems, counts) * 1000) / 1000 }));
  return { kept: scored, stats: { ...walk, floor: minVoices, passes, trackedPeak, counterBytes: tableBytes + words.bytes } };
}
