import type { Token, UnitId } from '../model.js';
import { WordFolder } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import { KeyedTable } from './hash-tables.js';
import type { PhraseWords } from './load-phrase-words.js';
import { DEFAULT_MIN_VOICES, DEFAULT_PHRASE_MEMORY, type FindPhrasesOptions, type KeptPhrase, type PhraseMemory, type PhraseStats, type PhraseUnit } from './phrase.js';
import { logLikelihood } from './score-phrases.js';
import { detached, forEachSegment, hashOfSurface, PHRASE_MAX_WORDS, surfaceOf, type SegmentVisitor } from './segments.js';
import { BloomFilter, CountMinSketch, hashPair, hashString } from './sketch.js';
import { tallyKey, Vocabulary } from './vocabulary.js';

/** Surface variants kept per phrase; more are counted under the ones already kept. */
const MAX_VARIANTS = 12;

/** Occurrences of a phrase whose surface form is read: enough to rank its variants, cheap on frequent ones. */
const VARIANT_SAMPLE = 500;

interface Tally {
  voices: number;
  /** Occurrences whose surface form was counted (the first VARIANT_SAMPLE). */
  variantsSeen: number;
  units: number;
  documents: number;
  /** Index of the last document counted (units arrive document by document). */
  lastDocument: number;
  authors: number;
  /** Surface form → count, as flat pairs: a Map per phrase would cost more than the phrase. */
  readonly variants: (string | number)[];
  /** Two 30-bit hashes of each surface form in `variants`, which stand for it (see hashOfSurface). */
  readonly variantHashes: number[];
  readonly example: UnitId;
  readonly stems: readonly number[];
}

/** A unit's named author, folded so that "Marie" and "marie " are one voice; undefined when unsigned. */
function authorOf(u: PhraseUnit): string | undefined {
  const author = u.author?.trim().toLowerCase();
  return author ? author : undefined;
}

/**
 * Phrase keys are split into this many partitions by hash, each with counters of its own, so that
 * threads can count them side by side (each reads every unit, counts only its keys). Fixed, not the
 * number of threads: the counters' sizes, hence the results, never depend on the machine.
 */
export const PHRASE_PARTITIONS = 2;

/** The partition of a phrase key. */
function partitionOf(h1: number): number {
  return h1 % PHRASE_PARTITIONS;
}

/** log2 of one partition's share of a counter budget of 2^bits. */
function perPartition(bits: number): number {
  return bits - Math.log2(PHRASE_PARTITIONS);
}

/** What counting some partitions gives: their kept phrases and how the counting went. */
export interface PartitionCount {
  readonly kept: KeptPhrase[];
  readonly stats: PhraseStats;
  /** Pass 1's sketch tables, when this count made them (no sketch was given). */
  readonly sketch?: readonly Uint16Array[];
}

/**
 * Pass 1's counters: one count-min sketch per partition, of every segment of the units added (no
 * repeated text skipped: an upper bound). Counts add up, so threads that each sketch part of the
 * corpus give, summed, exactly the sketch of one thread reading it all, in any order. Analysis
 * workers fill one as they go, which spares phrase discovery its first pass over the corpus.
 */
export class PhraseSketch {
  readonly partitions: CountMinSketch[];
  private readonly vocab: Vocabulary;
  private readonly stats = { tokens: 0, duplicateUnits: 0, repeatedSentences: 0 };
  constructor(words: PhraseWords, memory: Partial<PhraseMemory> = {}, tables?: readonly Uint16Array[]) {
    const bits = perPartition(memory.sketchBits ?? DEFAULT_PHRASE_MEMORY.sketchBits);
    this.partitions = Array.from({ length: PHRASE_PARTITIONS }, (_, i) => new CountMinSketch(bits, tables?.[i]));
    this.vocab = new Vocabulary(words);
  }
  /** Count the segments of one unit (French or undetermined: see phraseUnitsOf). */
  add(u: PhraseUnit, folder?: WordFolder): void {
    forEachSegment(u, this.vocab, undefined, this.stats, false, (_s, _e, _ids, _length, h1, h2) => {
      this.partitions[partitionOf(h1)]!.add(h1, h2);
    }, folder);
  }
}

/**
 * The sum of PhraseSketch tables (one list per thread that filled one), in memory threads share:
 * the sketch of everything those threads read, for countPhrasePartitions.
 */
export function sumSketchTables(lists: readonly (readonly Uint16Array[])[], memory: Partial<PhraseMemory> = {}): Uint16Array[] {
  const bits = perPartition(memory.sketchBits ?? DEFAULT_PHRASE_MEMORY.sketchBits);
  const sums = Array.from({ length: PHRASE_PARTITIONS }, () => new CountMinSketch(bits, CountMinSketch.sharedCounters(bits)));
  for (const tables of lists) tables.forEach((t, i) => sums[i]?.addAll(t));
  return sums.map((s) => s.counters);
}

/** Counters of one partition: each holds 1/PHRASE_PARTITIONS of the memory budget. */
class PartitionCounters {
  readonly pairs: BloomFilter;
  readonly tallies = new KeyedTable<Tally>();
  floor: number;
  trackedPeak = 0;
  constructor(memory: PhraseMemory, minVoices: number, readonly sketch: CountMinSketch) {
    this.pairs = new BloomFilter(perPartition(memory.bloomBits), true);
    this.floor = minVoices;
  }
}

/**
 * Count the phrases of some partitions (all of them by default; see countPhrases), in two passes
 * over the units:
 * 1. a count-min sketch counts, for every segment of 2–6 words (by its content-word stems), the
 *    units holding it — an upper bound of its voices, in fixed memory (a PhraseSketch; when one
 *    filled by the analysis workers is given, this pass is skipped);
 * 2. segments whose bound reaches `minVoices` are tallied exactly: voices (a named author counts
 *    once however often they post it, an unsigned unit once), units, documents, authors, variants.
 * Repeated text (the same unit, or the same long sentence, anywhere) is counted once. A phrase
 * must recur across at least two voices and two documents or two named authors. `units` is called
 * once per pass and must give the same units in the same order each time, a document's units together.
 */
export function countPhrasePartitions(
  units: () => Iterable<PhraseUnit>, options: FindPhrasesOptions,
  partitions: readonly number[] = Array.from({ length: PHRASE_PARTITIONS }, (_, i) => i),
  sketched?: readonly Uint16Array[],
): PartitionCount {
  const memory = { ...DEFAULT_PHRASE_MEMORY, ...options.memory };
  const minVoices = options.minVoices ?? DEFAULT_MIN_VOICES;
  const vocab = new Vocabulary(options.words);
  // Both passes tokenise every unit: the words are folded once for the run.
  const folder = new WordFolder();
  const sketch = new PhraseSketch(options.words, memory, sketched);
  if (sketched === undefined) for (const u of units()) sketch.add(u, folder);
  const mine: (PartitionCounters | undefined)[] = sketch.partitions.map((s, i) => (partitions.includes(i) ? new PartitionCounters(memory, minVoices, s) : undefined));
  const seenText = new BloomFilter(Math.max(16, memory.bloomBits - 4));
  const segmentsOfLength = new Array<number>(PHRASE_MAX_WORDS + 1).fill(0);
  const stats = { units: 0, tokens: 0, duplicateUnits: 0, repeatedSentences: 0 };

  seenText.clear();
  let docIndex = -1;
  let lastDocId: string | undefined;
  for (const u of units()) {
    if (u.docId !== lastDocId) {
      docIndex += 1;
      lastDocId = u.docId;
    }
    const author = authorOf(u);
    const authorHash = author === undefined ? undefined : hashString(`a:${author}`);
    let tokens: readonly Token[] = [];
    const visit: SegmentVisitor = (start, end, content, length, h1, h2) => {
      segmentsOfLength[length]! += 1;
      const part = mine[partitionOf(h1)];
      if (part === undefined) return;
      const { tallies, sketch } = part;
      // Below the floor: not tallied, and not admitted (a tallied phrase is always at or above it,
      // since the floor only rises by dropping those below it). Most segments stop here, before the
      // tally lookup.
      if (sketch.estimate(h1, h2) < part.floor) return;
      let t = tallies.get(h1, h2);
      if (t === undefined) {
        t = { voices: 0, units: 0, documents: 0, lastDocument: -1, authors: 0, variants: [], variantHashes: [], variantsSeen: 0, example: u.unitId, stems: content.slice(0, length) };
        tallies.add(h1, h2, t);
        if (tallies.size > memory.maxTracked / PHRASE_PARTITIONS) {
          // Too many candidates for the budget: raise the floor and drop those below it.
          part.floor += Math.max(1, Math.ceil(part.floor / 2));
          tallies.retain((k1, k2) => sketch.estimate(k1, k2) >= part.floor);
          if (tallies.get(h1, h2) === undefined) return;
        }
        part.trackedPeak = Math.max(part.trackedPeak, tallies.size);
      }
      t.units += 1; // forEachSegment gives each phrase once per unit
      // Units come document by document: a phrase's documents are counted exactly, without a filter.
      if (t.lastDocument !== docIndex) {
        t.lastDocument = docIndex;
        t.documents += 1;
      }
      // A voice is a named author, counted once however often they post the phrase, or an unsigned
      // unit, new each time: only authors need the "seen this pair before?" filter.
      if (authorHash === undefined) t.voices += 1;
      else if (part.pairs.addIfNew(...hashPair(h1, h2, authorHash, 3))) {
        t.voices += 1;
        t.authors += 1;
      }
      if (t.variantsSeen >= VARIANT_SAMPLE) return;
      t.variantsSeen += 1;
      const surface = surfaceOf(u.text.slice(tokens[start]!.span.start, tokens[end]!.span.end));
      const [a, b] = hashOfSurface(surface);
      const { variants, variantHashes } = t;
      for (let k = 0; k < variantHashes.length; k += 2) {
        if (variantHashes[k] === a && variantHashes[k + 1] === b) {
          variants[k + 1] = (variants[k + 1] as number) + 1;
          return;
        }
      }
      if (variants.length < 2 * MAX_VARIANTS) {
        variants.push(detached(surface), 1);
        variantHashes.push(a, b);
      }
    };
    stats.units += 1;
    tokens = u.tokens ?? tokenise(u.text, folder);
    forEachSegment({ ...u, tokens }, vocab, seenText, stats, true, visit);
  }

  const kept: KeptPhrase[] = [];
  for (const part of mine) {
    for (const [h1, h2, t] of part?.tallies ?? []) {
      const key = tallyKey(h1, h2);
      if (t.voices < minVoices || (t.documents < 2 && t.authors < 2)) continue;
      const counted: [string, number][] = [];
      for (let k = 0; k < t.variants.length; k += 2) counted.push([t.variants[k] as string, t.variants[k + 1] as number]);
      kept.push({
        key, voices: t.voices, units: t.units, documents: t.documents, authors: t.authors, example: t.example,
        stems: t.stems.map((id) => vocab.stemKey(id)),
        variants: counted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v),
        score: Math.round(logLikelihood(t.voices, t.stems, vocab, segmentsOfLength) * 1000) / 1000,
      });
    }
  }
  const counters = mine.filter((m) => m !== undefined);
  return {
    kept,
    ...(sketched === undefined ? { sketch: sketch.partitions.map((p) => p.counters) } : {}),
    stats: {
      ...stats,
      floor: Math.max(minVoices, ...counters.map((m) => m.floor)),
      trackedPeak: counters.reduce((n, m) => n + m.trackedPeak, 0),
      counterBytes: seenText.bytes + sketch.partitions.reduce((n, s) => n + s.bytes, 0) + counters.reduce((n, m) => n + m.pairs.bytes, 0),
    },
  };
}

