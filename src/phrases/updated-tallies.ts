import { hashPair } from './hashes.js';
import { KeyCounts, KeyIndex } from './hash-tables.js';
import type { PhraseState } from './phrase-state.js';
import type { PhraseRows } from './phrase-rows.js';
import { bareDocument, walkSignatures } from './walk-signatures.js';

const NONE = 0xffffffff;
/** What is known of a (phrase, author) pair of a changed key: held in a new document, in a retired one, in an unchanged one. */
const IN_NEW = 1;
const IN_RETIRED = 2;
const IN_UNCHANGED = 4;

/**
 * The tallies of kept phrases whose documents changed, brought up to date from the documents added
 * and retired instead of counted again over every unit holding them (a frequent phrase such as
 * "il y a" is held by most documents). Exact for a key the state kept whose example is in no
 * retired document: its units, documents and unsigned voices are the state's, less those of the
 * retired documents (walked as the last count walked them: its repeat tests replayed), plus those of
 * the new ones (walked in this walk). A named author is a voice of the key before when they held it
 * in an unchanged or a retired document, after when in an unchanged or a new one: a question about
 * the units of the changed documents' authors only, so the units of every other author, and every
 * unsigned unit, of unchanged documents are passed over. The example stays unless a new document
 * holds the key earlier in corpus order. Keys in an unchanged document walked otherwise than before
 * are counted again by the caller (see recountSignedPhrases); the caller drops those rows.
 */
export class UpdatedTallies {
  /** Changed key → index of its update (0 ≤ i < size), in `index`. */
  private readonly index = new KeyIndex();
  /** Row of each updated key in the state's kept phrases. */
  private readonly rows: number[] = [];
  private unitsLess: Uint32Array = new Uint32Array(0);
  private unitsMore: Uint32Array = new Uint32Array(0);
  private documentsLess: Uint32Array = new Uint32Array(0);
  private documentsMore: Uint32Array = new Uint32Array(0);
  private unsignedLess: Uint32Array = new Uint32Array(0);
  private unsignedMore: Uint32Array = new Uint32Array(0);
  private lastDocument: Uint32Array = new Uint32Array(0);
  private firstDocument: Uint32Array = new Uint32Array(0);
  private firstPosition: Uint32Array = new Uint32Array(0);
  /** The (phrase, author) pairs of updated keys held in changed documents, and what is known of each. */
  private readonly pairs = new KeyIndex();
  private pairKey: number[] = [];
  private pairFlags: number[] = [];
  /** The named authors of the changed documents' units. */
  private readonly authors = new KeyCounts();
  /** Set when a new document holds a pair the candidates missed: the update cannot be trusted. */
  missed = false;

  /**
   * Which changed keys are updated: those the state kept (`kept`, the state's rows) whose example is
   * in no retired document (`retiredSerials`). `changed` holds every changed key.
   */
  constructor(kept: PhraseRows, serials: Uint32Array, changed: KeyCounts, retiredSerials: ReadonlySet<number>) {
    for (let row = 0; row < kept.length; row += 1) {
      const h1 = kept.h1(row);
      const h2 = kept.h2(row);
      if (changed.get(h1, h2) === 0 || retiredSerials.has(serials[kept.example(row)[0]]!)) continue;
      this.index.add(h1, h2, this.rows.length);
      this.rows.push(row);
    }
    const n = this.rows.length;
    this.unitsLess = new Uint32Array(n);
    this.unitsMore = new Uint32Array(n);
    this.documentsLess = new Uint32Array(n);
    this.documentsMore = new Uint32Array(n);
    this.unsignedLess = new Uint32Array(n);
    this.unsignedMore = new Uint32Array(n);
    this.lastDocument = new Uint32Array(n).fill(NONE);
    this.firstDocument = new Uint32Array(n).fill(NONE);
    this.firstPosition = new Uint32Array(n);
  }

  /** Keys updated. */
  get size(): number {
    return this.rows.length;
  }

  /** Bytes of its tables. */
  get bytes(): number {
    return this.index.bytes + this.pairs.bytes + this.authors.bytes + 9 * 4 * this.rows.length + 16 * this.pairKey.length;
  }

  /** The update's index of a key, -1 when the key is not updated here. */
  of(h1: number, h2: number): number {
    return this.index.get(h1, h2);
  }

  private pairOf(h1: number, h2: number, author: readonly [number, number], update: number, add: boolean): number {
    const [p1, p2] = hashPair(h1, h2, author, 7);
    let at = this.pairs.get(p1, p2);
    if (at < 0 && add) {
      at = this.pairKey.length;
      this.pairs.add(p1, p2, at);
      this.pairKey.push(update);
      this.pairFlags.push(0);
    }
    return at;
  }

  /**
   * Before the corpus's walk: the retired documents, walked as the state's count walked them (its
   * repeat tests replayed), subtracted; the pairs the new documents can hold (every unit, nothing
   * skipped), and their authors, noted. False when a retired document is not in the state.
   */
  prepare(previous: Pick<PhraseState, 'serials' | 'repeatStarts' | 'repeats'>, retired: readonly { readonly serial: number; readonly signature: Uint32Array }[], added: readonly Uint32Array[]): boolean {
    const at = new Map<number, number>();
    previous.serials.forEach((serial, i) => at.set(serial, i));
    const tests: number[] = [];
    for (const { serial } of retired) {
      const i = at.get(serial);
      if (i === undefined) return false;
      const end = i + 1 < previous.serials.length ? previous.repeatStarts[i + 1]! : previous.repeats.length;
      for (let t = previous.repeatStarts[i]!; t < end; t += 1) tests.push(previous.repeats[t]!);
    }
    let doc = 0;
    let author: [number, number] | undefined;
    walkSignatures(() => retired.map((r) => bareDocument(r.signature)), {
      document: (index) => {
        doc = index;
      },
      unit: (_position, signed, a1, a2) => {
        author = signed ? [a1, a2] : undefined;
        if (author !== undefined && this.authors.get(a1, a2) === 0) this.authors.add(a1, a2);
      },
      segment: (_start, _end, _content, _length, h1, h2) => {
        const u = this.index.get(h1, h2);
        if (u < 0) return;
        this.unitsLess[u]! += 1;
        if (this.lastDocument[u] !== doc) {
          this.lastDocument[u] = doc;
          this.documentsLess[u]! += 1;
        }
        if (author === undefined) this.unsignedLess[u]! += 1;
        else this.pairFlags[this.pairOf(h1, h2, author, u, true)]! |= IN_RETIRED;
      },
    }, undefined, true, Uint8Array.from(tests));
    this.lastDocument.fill(NONE);
    walkSignatures(() => added.map(bareDocument), {
      unit: (_position, signed, a1, a2) => {
        author = signed ? [a1, a2] : undefined;
        if (author !== undefined && this.authors.get(a1, a2) === 0) this.authors.add(a1, a2);
      },
      segment: (_start, _end, _content, _length, h1, h2) => {
        const u = this.index.get(h1, h2);
        if (u >= 0 && author !== undefined) this.pairOf(h1, h2, author, u, true);
      },
    }, undefined, false);
    return true;
  }

  /** Whether the corpus's walk must visit the segments of a unit of an unchanged document by this author (unsigned: no). */
  concerns(signed: boolean, a1: number, a2: number): boolean {
    return signed && this.authors.get(a1, a2) > 0;
  }

  /** In the corpus's walk: updated key `u` in a unit of an unchanged document by a changed document's author. */
  unchanged(u: number, h1: number, h2: number, author: readonly [number, number]): void {
    const at = this.pairOf(h1, h2, author, u, false);
    if (at >= 0) this.pairFlags[at]! |= IN_UNCHANGED;
  }

  /** In the corpus's walk: updated key `u` in unit `position` of the new document `document` (its index in the corpus). */
  added(u: number, h1: number, h2: number, document: number, position: number, author: readonly [number, number] | undefined): void {
    this.unitsMore[u]! += 1;
    if (this.lastDocument[u] !== document) {
      this.lastDocument[u] = document;
      this.documentsMore[u]! += 1;
      if (this.firstDocument[u] === NONE) {
        this.firstDocument[u] = document;
        this.firstPosition[u] = position;
      }
    }
    if (author === undefined) this.unsignedMore[u]! += 1;
    else {
      const at = this.pairOf(h1, h2, author, u, false);
      if (at < 0) this.missed = true;
      else this.pairFlags[at]! |= IN_NEW;
    }
  }

  /**
   * After the walk: the updated counts set on the state's rows, and for each of them the document
   * of its example in this corpus (-1: no longer kept). `documentNow` numbers a state's document
   * anew (-1 when gone); a new example's position is set on the row.
   */
  apply(kept: PhraseRows, serials: Uint32Array, documentNow: (serial: number) => number, minVoices: number): Int32Array {
    const authorsDelta = new Int32Array(this.rows.length);
    for (let at = 0; at < this.pairKey.length; at += 1) {
      const f = this.pairFlags[at]!;
      const before = (f & (IN_UNCHANGED | IN_RETIRED)) !== 0 ? 1 : 0;
      const after = (f & (IN_UNCHANGED | IN_NEW)) !== 0 ? 1 : 0;
      authorsDelta[this.pairKey[at]!]! += after - before;
    }
    const documents = new Int32Array(this.rows.length);
    for (let u = 0; u < this.rows.length; u += 1) {
      const row = this.rows[u]!;
      const c = kept.counts(row);
      const authors = c.authors + authorsDelta[u]!;
      const counts = {
        units: c.units - this.unitsLess[u]! + this.unitsMore[u]!,
        documents: c.documents - this.documentsLess[u]! + this.documentsMore[u]!,
        authors,
        voices: c.voices - c.authors - this.unsignedLess[u]! + this.unsignedMore[u]! + authors,
      };
      kept.setCounts(row, counts);
      const [oldDocument, oldPosition] = kept.example(row);
      let document = documentNow(serials[oldDocument]!);
      if (document < 0) this.missed = true; // its example is gone though no retired document held it: not a state of this corpus
      else if (this.firstDocument[u] !== NONE && this.firstDocument[u]! < document) {
        document = this.firstDocument[u]!;
        kept.setExample(row, document, this.firstPosition[u]!);
      } else kept.setExample(row, document, oldPosition);
      documents[u] = counts.voices < minVoices || (counts.documents < 2 && counts.authors < 2) ? -1 : document;
    }
    return documents;
  }

  /** The state's row of update `u`. */
  rowOf(u: number): number {
    return this.rows[u]!;
  }
}
