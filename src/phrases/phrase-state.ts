import { deflateSync, inflateSync } from 'node:zlib';
import { KeyedTable, KeyIndex } from './hash-tables.js';
import { packTrails, unpackTrails } from './form-trails.js';
import { PhraseRows } from './phrase-rows.js';
import type { SampledForms } from './variants.js';
import { NO_SERIAL } from './walk-signatures.js';

/**
 * What a count of the phrases leaves for the next one (see recountSignedPhrases): the documents it
 * counted, how their repeated text was walked, and every phrase kept, with exact tallies.
 */
export interface PhraseState {
  /** Voices a phrase needed: a state made with another number is not used. */
  readonly minVoices: number;
  /** The serial (SignedDocument.serial) of each document counted, in corpus order. */
  readonly serials: Uint32Array;
  /** Where each document's repeat tests start in `repeats`. */
  readonly repeatStarts: Uint32Array;
  /** Every repeat test of the walk (SignatureVisitor.repeat), in walk order: 1 skipped, 0 walked. */
  readonly repeats: Uint8Array;
  /** Every phrase kept, its example's document an index into `serials`. */
  readonly kept: PhraseRows;
  /** The surface forms of the phrases written and of the next best (see mergePhrasesAndForms), by key (h1, h2), with their samples' trails (documents as indexes into `serials`). */
  readonly variants?: KeyedTable<SampledForms>;
}

/** Records, during a walk, the documents' serials and their repeat tests (PhraseState's first fields). */
export class RepeatLog {
  private readonly serials: number[] = [];
  private readonly starts: number[] = [];
  private bits = new Uint8Array(1024);
  length = 0;

  document(serial: number | undefined): void {
    this.serials.push(serial ?? NO_SERIAL);
    this.starts.push(this.length);
  }

  push(skipped: boolean): void {
    if (this.length === this.bits.length) {
      const grown = new Uint8Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[this.length++] = skipped ? 1 : 0;
  }

  finish(): Pick<PhraseState, 'serials' | 'repeatStarts' | 'repeats'> {
    return { serials: Uint32Array.from(this.serials), repeatStarts: Uint32Array.from(this.starts), repeats: this.bits.slice(0, this.length) };
  }
}

/** Bump when the packed layout or what a state means changes: an older state is then not read. */
const FORMAT = 4;
/** Columns of a kept row, 32 bits each: h1, h2, voices, units, documents, authors, example document and position, stems. */
const ROW_COLUMNS = 9;

/**
 * A state as the store keeps it, deflated: the kept rows column by column, their stems as indexes
 * into a table of the distinct stems (a stem pair is 8 random bytes; most phrases share their stems).
 */
export function packPhraseState(state: PhraseState): Uint8Array {
  const { kept } = state;
  const n = kept.length;
  let nStems = 0;
  for (let row = 0; row < n; row += 1) nStems += kept.stemCount(row);
  const entries = [...state.variants ?? []];
  const variants = Buffer.from(JSON.stringify(entries.map(([h1, h2, v]) => [h1, h2, v.sampleEnd, v.forms, v.counts])));
  const trails = packTrails(entries.map(([, , v]) => v.trail));
  const nDocs = state.serials.length;
  // One buffer: the header, then each section (32-bit words, then the repeat tests and the forms as bytes).
  const headerWords = 9;
  const stemTableAt = headerWords + 2 * nDocs + ROW_COLUMNS * n;
  const bound = stemTableAt + 2 * nStems + nStems;
  const bytes = Buffer.alloc(4 * bound + state.repeats.length + variants.length + trails.length);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bound);
  words.set(state.serials, headerWords);
  words.set(state.repeatStarts, headerWords + nDocs);
  const columns = words.subarray(headerWords + 2 * nDocs, stemTableAt);
  const stemIndex = new KeyIndex();
  let distinct = 0;
  const stemTable = words.subarray(stemTableAt, stemTableAt + 2 * nStems);
  const stemRefs = new Uint32Array(nStems);
  let ref = 0;
  for (let row = 0; row < n; row += 1) {
    const { voices, units, documents, authors } = kept.counts(row);
    const [doc, position] = kept.example(row);
    const stems = kept.stemKeys(row);
    const values = [kept.h1(row), kept.h2(row), voices, units, documents, authors, doc, position, stems.length / 2];
    for (let c = 0; c < ROW_COLUMNS; c += 1) columns[c * n + row] = values[c]!;
    for (let k = 0; k < stems.length; k += 2) {
      let at = stemIndex.get(stems[k]!, stems[k + 1]!);
      if (at < 0) {
        at = distinct;
        stemIndex.add(stems[k]!, stems[k + 1]!, at);
        stemTable[2 * at] = stems[k]!;
        stemTable[2 * at + 1] = stems[k + 1]!;
        distinct += 1;
      }
      stemRefs[ref++] = at;
    }
  }
  // The stem references follow the distinct stems.
  words.set(stemRefs, stemTableAt + 2 * distinct);
  const end = stemTableAt + 2 * distinct + nStems;
  words.set([FORMAT, state.minVoices, nDocs, state.repeats.length, n, 2 * distinct, nStems, variants.length, trails.length], 0);
  bytes.set(state.repeats, 4 * end);
  bytes.set(variants, 4 * end + state.repeats.length);
  bytes.set(trails, 4 * end + state.repeats.length + variants.length);
  return deflateSync(bytes.subarray(0, 4 * end + state.repeats.length + variants.length + trails.length), { level: 1 });
}

/** A state packed by packPhraseState; undefined when it was packed in another format. */
export function unpackPhraseState(packed: Uint8Array): PhraseState | undefined {
  const inflated = inflateSync(packed);
  // Words are read in place when the buffer is aligned (a large inflated buffer is), else from one aligned copy.
  const bytes = inflated.byteOffset % 4 === 0 ? inflated : Buffer.from(new Uint8Array(inflated));
  let at = 0;
  const words = (count: number): Uint32Array => {
    const out = new Uint32Array(bytes.buffer, bytes.byteOffset + at, count);
    at += 4 * count;
    return out;
  };
  if (bytes.readUInt32LE(0) !== FORMAT) return undefined;
  const [, minVoices, nDocs, nRepeats, n, nStemTable, nStemRefs, nVariants, nTrails] = words(9);
  const serials = words(nDocs!);
  const repeatStarts = words(nDocs!);
  const columns = words(ROW_COLUMNS * n!);
  const stemTable = words(nStemTable!);
  const stemRefs = words(nStemRefs!);
  const repeats = bytes.subarray(at, at + nRepeats!);
  at += nRepeats!;
  const entries = JSON.parse(bytes.subarray(at, at + nVariants!).toString()) as [number, number, number, string[], number[]][];
  at += nVariants!;
  const trails = unpackTrails(bytes.subarray(at, at + nTrails!), entries.length);
  const variants = new KeyedTable<SampledForms>(entries.length);
  entries.forEach(([h1, h2, sampleEnd, forms, counts], k) => variants.add(h1, h2, { sampleEnd, forms, counts, trail: trails[k]! }));
  const kept = new PhraseRows(n!, nStemRefs!);
  const stems = new Uint32Array(64);
  let ref = 0;
  for (let row = 0; row < n!; row += 1) {
    const col = (c: number): number => columns[c * n! + row]!;
    const count = col(8);
    for (let k = 0; k < count; k += 1) {
      const s = stemRefs[ref++]!;
      stems[2 * k] = stemTable[2 * s]!;
      stems[2 * k + 1] = stemTable[2 * s + 1]!;
    }
    const r = kept.add(col(0), col(1), col(6), col(7), stems, count);
    kept.setCounts(r, { voices: col(2), units: col(3), documents: col(4), authors: col(5) });
  }
  // Copied out of the inflated buffer, so that it can go.
  return { minVoices: minVoices!, serials: serials.slice(), repeatStarts: repeatStarts.slice(), repeats: repeats.slice(), kept, variants };
}
