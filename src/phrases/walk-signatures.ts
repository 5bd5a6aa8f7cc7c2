import { GenerationSet, KeyCounts } from './hash-tables.js';
import { PHRASE_MAX_WORDS, REPEATED_SENTENCE_MIN_WORDS } from './segments.js';
import { FIRST_STEM, FUNCTION_WORD, PHRASE_BREAK, SENTENCE_END } from './signature.js';
import { H1_SEED, H2_SEED, nextH1, nextH2 } from './vocabulary.js';

/**
 * One document as counting reads it: its id, its signature and, on demand, its units' texts. A walk
 * reads them while it visits the document only: the store hands out each signature in one array reused.
 */
export interface SignedDocument {
  readonly docId: string;
  readonly signature: Uint32Array;
  /** Numbers this version of the document in its store (a new analysis gets a new one): what a phrase state remembers it by. */
  readonly serial?: number;
  /** Position → text of the units signed; read only for the surface forms of the phrases written. */
  readonly unitTexts: () => ReadonlyMap<number, string>;
}

/** Serial of a document that has none (a corpus not read from a store): a phrase state of it is never used. */
export const NO_SERIAL = 0xffffffff;

/** A signature alone as a document to walk: no id, no texts (a change's signatures, walked for their keys). */
export function bareDocument(signature: Uint32Array): SignedDocument {
  return { docId: '', signature, unitTexts: () => new Map() };
}

/** The corpus's signed documents in report order, afresh at each call. */
export type SignedCorpus = () => Iterable<SignedDocument>;

/** What a walk over the signatures is told, in corpus order. */
export interface SignatureVisitor {
  document?(index: number, doc: SignedDocument): void;
  /** A unit that is counted (not a repeat of an earlier whole unit). */
  unit?(position: number, signed: boolean, a1: number, a2: number): void;
  /**
   * Each test for repeated text, in walk order: a unit of REPEATED_SENTENCE_MIN_WORDS tokens or more
   * (skipped: a repeat of an earlier unit), then, when it is walked, each of its sentences that long.
   * `unit`: the unit's index among the document's units signed (skipped or not).
   */
  repeat?(skipped: boolean, unit: number): void;
  /** A content word that is counted, by its stem keys. */
  word?(k1: number, k2: number): void;
  /**
   * A segment counted: tokens start..end of the unit, its content words (`length` of them, as
   * indexes into the document's stems: stemKey1/stemKey2), its phrase key h1, h2. Once per phrase per unit.
   */
  segment(start: number, end: number, content: Int32Array, length: number, h1: number, h2: number, doc: Uint32Array): void;
}

/** What a walk saw. */
export interface WalkStats {
  units: number;
  tokens: number;
  duplicateUnits: number;
  repeatedSentences: number;
}

/**
 * The sets of repeated text a walk fills (units, sentences already seen): tens of MB at 200 MB of
 * corpus. Given to several walks one after the other, they are emptied and refilled, not reallocated.
 */
export class RepeatTables {
  readonly units = new KeyCounts();
  readonly sentences = new KeyCounts();
}

/** Stem keys of stem i of a signature. */
export function stemKey1(signature: Uint32Array, i: number): number {
  return signature[1 + 2 * i]!;
}
export function stemKey2(signature: Uint32Array, i: number): number {
  return signature[2 + 2 * i]!;
}

/**
 * Walk the segments of every signed unit of the corpus worth counting, in corpus order. Repeated
 * text (a whole unit of REPEATED_SENTENCE_MIN_WORDS tokens or more, or such a sentence, seen before
 * anywhere in the corpus) is skipped: exact sets of their hashes, so the same corpus is walked the
 * same way whatever was stored when (`skipRepeats` false: nothing is skipped, every phrase key a
 * document holds is visited). A segment never crosses a phrase break; its first and last words are
 * content words; each phrase is visited once per unit. `replay`: the outcomes of the repeat tests of
 * an earlier walk of the same corpus (SignatureVisitor.repeat, in walk order), taken instead of
 * hashing each unit and sentence again; `repeats` is then left as it is.
 */
export function walkSignatures(corpus: SignedCorpus, visitor: SignatureVisitor, repeats: RepeatTables = new RepeatTables(), skipRepeats = true, replay?: Uint8Array): WalkStats {
  const stats: WalkStats = { units: 0, tokens: 0, duplicateUnits: 0, repeatedSentences: 0 };
  const seenUnits = repeats.units;
  const seenSentences = repeats.sentences;
  if (replay === undefined) {
    seenUnits.clear();
    seenSentences.clear();
  }
  /** The next repeat test's index in `replay`. */
  let test = 0;
  const seenHere = new GenerationSet();
  const content = new Int32Array(PHRASE_MAX_WORDS);
  let ids = new Int32Array(256);
  let breakBefore = new Uint8Array(256);
  let skip = new Uint8Array(256);
  let index = 0;
  for (const doc of corpus()) {
    visitor.document?.(index, doc);
    index += 1;
    const sig = doc.signature;
    let o = 1 + 2 * sig[0]!;
    const nUnits = sig[o++]!;
    for (let u = 0; u < nUnits; u += 1) {
      const position = sig[o]!;
      const signed = sig[o + 1] === 1;
      const a1 = sig[o + 2]!;
      const a2 = sig[o + 3]!;
      const n = sig[o + 4]!;
      const u1 = sig[o + 5]!;
      const u2 = sig[o + 6]!;
      const nCodes = sig[o + 7]!;
      const from = o + 8;
      o = from + nCodes;
      stats.units += 1;
      stats.tokens += n;
      if (n >= REPEATED_SENTENCE_MIN_WORDS && skipRepeats) {
        const duplicate = replay === undefined ? seenUnits.add(u1, u2) > 1 : replay[test++] === 1;
        visitor.repeat?.(duplicate, u);
        if (duplicate) {
          stats.duplicateUnits += 1;
          continue;
        }
      }
      visitor.unit?.(position, signed, a1, a2);
      if (n > ids.length) {
        ids = new Int32Array(n * 2);
        breakBefore = new Uint8Array(n * 2);
        skip = new Uint8Array(n * 2);
      }
      breakBefore.fill(0, 0, n);
      skip.fill(0, 0, n);
      let k = 0;
      let sentenceStart = 0;
      for (let p = from; p < o;) {
        const c = sig[p++]!;
        if (c === PHRASE_BREAK) {
          breakBefore[k] = 1;
        } else if (c === SENTENCE_END) {
          if (k < n) breakBefore[k] = 1;
          if (k - sentenceStart >= REPEATED_SENTENCE_MIN_WORDS) {
            const repeated = skipRepeats && (replay === undefined ? seenSentences.add(sig[p]!, sig[p + 1]!) > 1 : replay[test++] === 1);
            if (skipRepeats) visitor.repeat?.(repeated, u);
            if (repeated) {
              stats.repeatedSentences += 1;
              skip.fill(1, sentenceStart, k);
            }
            p += 2;
          }
          sentenceStart = k;
        } else {
          ids[k] = c === FUNCTION_WORD ? -1 : c - FIRST_STEM;
          k += 1;
        }
      }
      seenHere.clear(n * (PHRASE_MAX_WORDS - 1));
      for (let i = 0; i < n; i += 1) {
        const first = ids[i]!;
        if (first < 0 || skip[i] === 1) continue;
        visitor.word?.(stemKey1(sig, first), stemKey2(sig, first));
        content[0] = first;
        let length = 1;
        let h1 = nextH1(H1_SEED, stemKey1(sig, first));
        let h2 = nextH2(H2_SEED, stemKey2(sig, first));
        for (let j = i + 1; j < n && j - i + 1 <= PHRASE_MAX_WORDS; j += 1) {
          if (breakBefore[j] === 1 || skip[j] === 1) break;
          const id = ids[j]!;
          if (id < 0) continue;
          content[length] = id;
          length += 1;
          h1 = nextH1(h1, stemKey1(sig, id));
          h2 = nextH2(h2, stemKey2(sig, id));
          if (!seenHere.addIfNew(h1)) continue;
          visitor.segment(i, j, content, length, h1, h2, sig);
        }
      }
    }
  }
  return stats;
}
