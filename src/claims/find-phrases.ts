import { readAsFrench } from '../language/lexicon-language.js';
import type { AnalysedDocument, Token, UnitId } from '../model.js';
import { WordFolder } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import type { PhraseWords } from './load-phrase-words.js';
import { GenerationSet, KeyedTable } from './hash-tables.js';
import { BloomFilter, CountMinSketch, hashPair, hashString } from './sketch.js';
import { createStemmer } from './stem-fr.js';

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

/** Shortest and longest phrases counted, in words (function words included). */
export const PHRASE_MIN_WORDS = 2;
export const PHRASE_MAX_WORDS = 6;

/**
 * A sentence of at least this many words seen before (same words, any page) is syndicated or
 * pasted text and is counted once. Shorter ones ("cette fois ça va marcher !") are legitimately
 * repeated by different people.
 */
export const REPEATED_SENTENCE_MIN_WORDS = 8;

/** Surface variants kept per phrase; more are counted under the ones already kept. */
const MAX_VARIANTS = 12;

/** Occurrences of a phrase whose surface form is read: enough to rank its variants, cheap on frequent ones. */
const VARIANT_SAMPLE = 500;

/** A kept phrase's key (KeptPhrase.key, and subphrase lookups): 53 bits of its two hashes (collisions ~1 in 10^9 at a million phrases). */
function tallyKey(h1: number, h2: number): number {
  return h1 * 0x200000 + (h2 & 0x1fffff);
}

// Text between two tokens that ends a phrase: sentence punctuation, commas, brackets, quotes, line breaks.
const PHRASE_BREAK = /[.!?;:…,()[\]{}"«»“”|\n]/u;

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

/**
 * The vocabulary of content stems: ids local to one pass over the corpus (they index the counts),
 * and for each id two 32-bit hashes of the stem, the same in every thread and run: phrase keys are
 * made of those, so counters filled by different threads add up.
 */
class Vocabulary {
  /** Stem (or group) → id. */
  readonly ids = new Map<string, number>();
  /** Folded word → id, -1 for a word that is not content: one lookup per token. */
  private readonly byNorm = new Map<string, number>();
  counts = new Uint32Array(1 << 16);
  keys1 = new Uint32Array(1 << 16);
  keys2 = new Uint32Array(1 << 16);
  total = 0;
  /** The phrase keys already visited in the current unit (forEachSegment's, reused from unit to unit). */
  readonly seenHere = new GenerationSet();
  private readonly stem: (word: string) => string;
  constructor(private readonly words: PhraseWords) {
    this.stem = createStemmer();
  }
  /** Id of a content word's stem (or group), or -1 for a function word, a number or a single letter. */
  idOf(norm: string): number {
    const known = this.byNorm.get(norm);
    if (known !== undefined) return known;
    let id = -1;
    if (!this.words.functionWords.has(norm) && norm.length >= 2 && !/^\d/u.test(norm)) {
      const key = this.words.groups.get(norm) ?? this.stem(norm);
      id = this.ids.get(key) ?? this.ids.size;
      if (id === this.ids.size) {
        this.ids.set(key, id);
        if (id >= this.counts.length) this.grow();
        [this.keys1[id], this.keys2[id]] = hashString(key);
      }
    }
    // Bounded like the stem cache: a corpus has far fewer distinct words, misspellings included.
    if (this.byNorm.size >= WORD_CACHE_SIZE) this.byNorm.clear();
    this.byNorm.set(norm, id);
    return id;
  }
  /** The stem keys of a content word's id: the same in every thread and run. */
  stemKey(id: number): readonly [number, number] {
    return [this.keys1[id]!, this.keys2[id]!];
  }
  private grow(): void {
    const grown = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.counts = grown(this.counts);
    this.keys1 = grown(this.keys1);
    this.keys2 = grown(this.keys2);
  }
}

/** Folded words remembered with their id. */
const WORD_CACHE_SIZE = 500_000;

// FNV-1a-like folds of content-word ids, extended one id at a time as a segment grows.
const H1_SEED = 0x811c9dc5;
const H2_SEED = 0x27d4eb2f;
function nextH1(h: number, id: number): number {
  return Math.imul(h ^ id, 0x01000193) >>> 0;
}
function nextH2(h: number, id: number): number {
  const x = Math.imul((h ^ id) + 0x9e3779b9, 0x85ebca6b) >>> 0;
  return (x ^ (x >>> 13)) >>> 0;
}

/** Two 32-bit hashes of a sequence of content words, given by their stem keys: the phrase key for the counters. */
function hashOfStems(stems: Iterable<readonly [number, number]>): [number, number] {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (const [k1, k2] of stems) {
    h1 = nextH1(h1, k1);
    h2 = nextH2(h2, k2);
  }
  return [h1, h2];
}

function hashNorms(tokens: readonly Token[], from: number, to: number): [number, number] {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let k = from; k < to; k += 1) {
    const n = tokens[k]!.norm;
    for (let c = 0; c < n.length; c += 1) {
      h1 = nextH1(h1, n.charCodeAt(c));
      h2 = nextH2(h2, n.charCodeAt(c));
    }
    h1 = nextH1(h1, 32);
    h2 = nextH2(h2, 32);
  }
  return [h1, h2];
}

/** A unit's named author, folded so that "Marie" and "marie " are one voice; undefined when unsigned. */
function authorOf(u: PhraseUnit): string | undefined {
  const author = u.author?.trim().toLowerCase();
  return author ? author : undefined;
}

// Anything a surface form must lose: runs of white space, white space other than a space, curly apostrophes.
const UNUSUAL_SPACING = /\s\s|[^\S ]|[’‘ʼ]/u;

/** How a phrase's words are written, as a variant: white space folded, straight apostrophes, lower case. */
function surfaceOf(text: string): string {
  const plain = UNUSUAL_SPACING.test(text) ? text.replace(/\s+/gu, ' ').replace(/[’‘ʼ]/gu, "'") : text;
  return plain.toLowerCase();
}

/**
 * Two hashes of a surface form, 30 bits each so that V8 keeps them unboxed. A phrase's variants are
 * told apart by them rather than by comparing strings (a phrase has at most MAX_VARIANTS, so two
 * forms of one phrase collide about once in 2^56 comparisons).
 */
function hashOfSurface(surface: string): [number, number] {
  const [a, b] = hashString(surface);
  return [a & 0x3fffffff, b & 0x3fffffff];
}

/**
 * A copy of a string that holds only its own characters: a slice of a unit's text would otherwise
 * keep the whole text (and its unit) alive for as long as the phrase is tallied.
 */
function detached(s: string): string {
  return (` ${s}`).slice(1);
}

/** Whether the text between two tokens matches `re`; a single space (the common case) never does. */
function gapMatches(text: string, from: number, to: number, re: RegExp): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return re.test(text.slice(from, to));
}

const SENTENCE_END = /[.!?…\n]/u;

/** Called for each segment of a unit, once per distinct phrase key: tokens start..end (inclusive). */
type SegmentVisitor = (start: number, end: number, ids: readonly number[], length: number, h1: number, h2: number) => void;

interface TextStats {
  tokens: number;
  duplicateUnits: number;
  repeatedSentences: number;
}

/**
 * Visit the segments of one unit worth counting, each phrase once per unit, and return the
 * tokens. With `seenText`, repeated text (a whole unit, or a long sentence, seen before anywhere
 * in the corpus) is skipped and remembered there; without it, every segment is visited (counting
 * an upper bound, in any order). `countWords` adds the content words to the vocabulary counts.
 */
function forEachSegment(u: PhraseUnit, vocab: Vocabulary, seenText: BloomFilter | undefined, stats: TextStats, countWords: boolean, visit: SegmentVisitor, folder?: WordFolder): readonly Token[] {
  const tokens = u.tokens ?? tokenise(u.text, folder);
  const n = tokens.length;
  stats.tokens += n;
  if (seenText !== undefined && n >= REPEATED_SENTENCE_MIN_WORDS) {
    const h = hashNorms(tokens, 0, n);
    if (!seenText.addIfNew(h[0], h[1] ^ 0x5bd1e995)) {
      stats.duplicateUnits += 1;
      return tokens;
    }
  }
  const ids = new Int32Array(n);
  const breakBefore = new Uint8Array(n);
  const skip = new Uint8Array(n);
  let sentenceStart = 0;
  for (let k = 0; k <= n; k += 1) {
    if (k < n) {
      ids[k] = vocab.idOf(tokens[k]!.norm);
      if (k === 0) continue;
      const from = tokens[k - 1]!.span.end;
      const to = tokens[k]!.span.start;
      if (!gapMatches(u.text, from, to, PHRASE_BREAK)) continue;
      breakBefore[k] = 1;
      if (!gapMatches(u.text, from, to, SENTENCE_END)) continue;
    }
    // A sentence ends before token k: skip it if the same long sentence was seen before.
    if (seenText !== undefined && k - sentenceStart >= REPEATED_SENTENCE_MIN_WORDS) {
      const h = hashNorms(tokens, sentenceStart, k);
      if (!seenText.addIfNew(h[0], h[1])) {
        stats.repeatedSentences += 1;
        skip.fill(1, sentenceStart, k);
      }
    }
    sentenceStart = k;
  }
  const content = new Array<number>(PHRASE_MAX_WORDS);
  const seenHere = vocab.seenHere;
  seenHere.clear(n * (PHRASE_MAX_WORDS - 1));
  for (let i = 0; i < n; i += 1) {
    const first = ids[i]!;
    if (first < 0 || skip[i] === 1) continue;
    if (countWords) {
      vocab.counts[first]! += 1;
      vocab.total += 1;
    }
    content[0] = first;
    let length = 1;
    let h1 = nextH1(H1_SEED, vocab.keys1[first]!);
    let h2 = nextH2(H2_SEED, vocab.keys2[first]!);
    for (let j = i + 1; j < n && j - i + 1 <= PHRASE_MAX_WORDS; j += 1) {
      if (breakBefore[j] === 1 || skip[j] === 1) break;
      const id = ids[j]!;
      if (id < 0) continue;
      content[length] = id;
      length += 1;
      h1 = nextH1(h1, vocab.keys1[id]!);
      h2 = nextH2(h2, vocab.keys2[id]!);
      if (!seenHere.addIfNew(h1)) continue;
      visit(i, j, content, length, h1, h2);
    }
  }
  return tokens;
}

/**
 * Log-likelihood ratio (Poisson G²) of a phrase's count against the count expected if its content
 * words fell together by chance: E = segments of that length × Π p(word). 0 when not above chance.
 */
function logLikelihood(observed: number, stems: readonly number[], vocab: Vocabulary, segmentsOfLength: readonly number[]): number {
  let expected = segmentsOfLength[stems.length] ?? 0;
  for (const s of stems) expected *= Math.max(1, vocab.counts[s] ?? 0) / Math.max(1, vocab.total);
  if (expected <= 0 || observed <= expected) return 0;
  return 2 * (observed * Math.log(observed / expected) - (observed - expected));
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

/**
 * The rows of phrases.csv from the kept phrases of every partition, best scores first. A phrase
 * that only ever occurs inside a longer kept one ("européen gaia-x" in "projet européen gaia-x",
 * same voices) adds nothing: only the longest is listed.
 */
export function combinePartitions(kept: Iterable<KeptPhrase>, limit: number = DEFAULT_PHRASE_LIMIT): Phrase[] {
  const byKey = new Map<number, KeptPhrase>();
  for (const k of kept) byKey.set(k.key, k);
  const subsumed = new Set<number>();
  for (const t of byKey.values()) {
    for (let len = 2; len < t.stems.length; len += 1) {
      for (let from = 0; from + len <= t.stems.length; from += 1) {
        const sub = tallyKey(...hashOfStems(t.stems.slice(from, from + len)));
        if (byKey.get(sub)?.voices === t.voices) subsumed.add(sub);
      }
    }
  }
  const phrases: Phrase[] = [];
  for (const [key, t] of byKey) {
    if (subsumed.has(key)) continue;
    phrases.push({
      phrase: t.variants[0]!, nDocuments: t.documents, nUnits: t.units, nAuthors: t.authors, frequency: t.voices,
      score: t.score, variants: t.variants, exampleUnitId: t.example,
    });
  }
  phrases.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return phrases.slice(0, limit);
}

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
