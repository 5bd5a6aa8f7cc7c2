import { hashPair } from './hashes.js';
import { KeyIndex, PairSet } from './hash-tables.js';
import { PhraseRows } from './phrase-rows.js';
import { logLikelihood, type WordCounts } from './score-phrases.js';
import { PHRASE_MAX_WORDS } from './segments.js';
import { stemKey1, stemKey2, type SignatureVisitor } from './walk-signatures.js';

/**
 * The full tally of some phrase keys over one walk: per key, its units, documents, voices (a named
 * author counts once however often they post the phrase, an unsigned unit once), named authors,
 * first unit and stems. Reused from walk to walk: `clear` empties it.
 */
export class PhraseTally {
  rows = new PhraseRows();
  private rowOf = new KeyIndex();
  private readonly pairs = new PairSet();
  private readonly stems = new Uint32Array(2 * PHRASE_MAX_WORDS);

  /**
   * Empty it. `expectedKeys`: room for that many keys first (rows and index, so that they do not
   * grow by doubling), and the tables kept and reused, no longer handed out (the caller is done with `rows`).
   */
  clear(expectedKeys?: number): void {
    if (expectedKeys === undefined) {
      this.rows = new PhraseRows();
      this.rowOf.clear();
    } else {
      this.rows.clear(expectedKeys, 3 * expectedKeys);
      if (this.rowOf.bytes / 12 >= 2 * expectedKeys) this.rowOf.clear();
      else this.rowOf = new KeyIndex(expectedKeys);
    }
    this.pairs.clear();
  }

  /** (phrase, author) pairs seen so far. */
  get pairCount(): number {
    return this.pairs.size;
  }

  /** Bytes of its tables. */
  get bytes(): number {
    return this.rowOf.bytes + this.pairs.bytes + this.rows.bytes;
  }

  /** A visitor that tallies, in one walk, the keys `wanted` accepts. */
  visitor(wanted: (h1: number, h2: number) => boolean): SignatureVisitor {
    let docIndex = 0;
    let unitPosition = 0;
    let author: [number, number] | undefined;
    return {
      document: (index) => {
        docIndex = index;
      },
      unit: (position, signed, a1, a2) => {
        unitPosition = position;
        author = signed ? [a1, a2] : undefined;
      },
      segment: (_start, _end, content, length, h1, h2, sig) => {
        if (!wanted(h1, h2)) return;
        let row = this.rowOf.get(h1, h2);
        if (row < 0) {
          for (let k = 0; k < length; k += 1) {
            this.stems[2 * k] = stemKey1(sig, content[k]!);
            this.stems[2 * k + 1] = stemKey2(sig, content[k]!);
          }
          row = this.rows.add(h1, h2, docIndex, unitPosition, this.stems, length);
          this.rowOf.add(h1, h2, row);
        }
        // The walk gives each phrase once per unit; a named author is one voice however often they post it.
        if (author === undefined) this.rows.count(row, docIndex, 1, 0);
        else {
          const fresh = this.pairs.add(...hashPair(h1, h2, author, 3)) ? 1 : 0;
          this.rows.count(row, docIndex, fresh, fresh);
        }
      },
    };
  }

  /**
   * Copy to `kept`, scored, the phrases tallied that recur enough: `minVoices` voices, across two
   * documents or two named authors.
   */
  keep(kept: PhraseRows, minVoices: number, counts: WordCounts): void {
    const t = this.rows;
    for (let row = 0; row < t.length; row += 1) {
      const { voices, documents, authors } = t.counts(row);
      if (voices < minVoices || (documents < 2 && authors < 2)) continue;
      kept.copy(t, row, scoreOf(voices, t.stemKeys(row), counts));
    }
  }
}

/** A phrase's score as phrases.csv gives it: the log-likelihood to three decimals. */
export function scoreOf(voices: number, stems: ArrayLike<number>, counts: WordCounts): number {
  return Math.round(logLikelihood(voices, stems, counts) * 1000) / 1000;
}
