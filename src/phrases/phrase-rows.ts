/**
 * Phrases tallied or kept, column by column in typed arrays: a million kept phrases as objects (key,
 * stems as pairs, example id as a string) took ~700 MB of heap at 200 MB of corpus; here a row is
 * ~70 bytes. Rows are numbered in the order they were added.
 */

// The 32-bit cells of a row.
const H1 = 0;
const H2 = 1;
const VOICES = 2;
const UNITS = 3;
const DOCUMENTS = 4;
const AUTHORS = 5;
/** Index of the last document counted; NO_DOCUMENT before the first. */
const LAST_DOCUMENT = 6;
const EXAMPLE_DOCUMENT = 7;
const EXAMPLE_POSITION = 8;
/** Where the row's stem keys start in `stemCells`, and how many stems (pairs of keys) it has. */
const STEMS_FROM = 9;
const STEM_COUNT = 10;
const CELLS = 11;
const NO_DOCUMENT = 0xffffffff;

/** The counts of a row. */
export interface PhraseCounts {
  readonly voices: number;
  readonly units: number;
  readonly documents: number;
  readonly authors: number;
}

export class PhraseRows {
  private cells: Uint32Array<ArrayBuffer>;
  private stemCells: Uint32Array<ArrayBuffer>;
  private scores: Float64Array<ArrayBuffer>;
  private stemEnd = 0;
  length = 0;

  /** Room for `rows` rows and `stems` stems first (a table read back whole grows no copy). */
  constructor(rows = 256, stems = 512) {
    this.cells = new Uint32Array(CELLS * Math.max(1, rows));
    this.stemCells = new Uint32Array(2 * Math.max(1, stems));
    this.scores = new Float64Array(Math.max(1, rows));
  }

  /**
   * Add a phrase with no count yet: its two hashes, its first unit (document index, position) and
   * its content words' stem keys, `stemCount` pairs (k1, k2) flat in `stems`. Gives its row.
   */
  add(h1: number, h2: number, exampleDocument: number, examplePosition: number, stems: ArrayLike<number>, stemCount: number): number {
    const row = this.length;
    if ((row + 1) * CELLS > this.cells.length) this.cells = grown(this.cells, (row + 1) * CELLS);
    if (row + 1 > this.scores.length) this.scores = grown(this.scores, row + 1);
    if (this.stemEnd + 2 * stemCount > this.stemCells.length) this.stemCells = grown(this.stemCells, this.stemEnd + 2 * stemCount);
    const at = row * CELLS;
    const c = this.cells;
    c[at + H1] = h1;
    c[at + H2] = h2;
    c[at + VOICES] = 0;
    c[at + UNITS] = 0;
    c[at + DOCUMENTS] = 0;
    c[at + AUTHORS] = 0;
    c[at + LAST_DOCUMENT] = NO_DOCUMENT;
    c[at + EXAMPLE_DOCUMENT] = exampleDocument;
    c[at + EXAMPLE_POSITION] = examplePosition;
    c[at + STEMS_FROM] = this.stemEnd;
    c[at + STEM_COUNT] = stemCount;
    for (let k = 0; k < 2 * stemCount; k += 1) this.stemCells[this.stemEnd + k] = stems[k]!;
    this.stemEnd += 2 * stemCount;
    this.scores[row] = 0;
    this.length += 1;
    return row;
  }

  /**
   * Count one unit holding the row's phrase (each unit once), in document `document` (documents
   * come in order): `voice` 1 when it brings a new voice, `author` 1 when that voice is a named author.
   */
  count(row: number, document: number, voice: number, author: number): void {
    const at = row * CELLS;
    const c = this.cells;
    c[at + UNITS]! += 1;
    if (c[at + LAST_DOCUMENT] !== document) {
      c[at + LAST_DOCUMENT] = document;
      c[at + DOCUMENTS]! += 1;
    }
    c[at + VOICES]! += voice;
    c[at + AUTHORS]! += author;
  }

  /**
   * Add a row of `from` with its counts, example and stems, and a score; `exampleDocument`, when
   * given, numbers its example's document anew (a rerun's corpus). Gives its row here.
   */
  copy(from: PhraseRows, row: number, score: number, exampleDocument?: number): number {
    const at = row * CELLS;
    const mine = this.add(from.h1(row), from.h2(row), exampleDocument ?? from.cells[at + EXAMPLE_DOCUMENT]!, from.cells[at + EXAMPLE_POSITION]!, from.stemKeys(row), from.stemCount(row));
    this.cells.set(from.cells.subarray(at + VOICES, at + LAST_DOCUMENT + 1), mine * CELLS + VOICES);
    this.scores[mine] = score;
    return mine;
  }

  /** Set the counts of a row added with none (a row read back from a stored state). */
  setCounts(row: number, counts: PhraseCounts): void {
    const at = row * CELLS;
    const c = this.cells;
    c[at + VOICES] = counts.voices;
    c[at + UNITS] = counts.units;
    c[at + DOCUMENTS] = counts.documents;
    c[at + AUTHORS] = counts.authors;
  }

  /** Set the example of a row: the document index and position of the first unit that holds its phrase. */
  setExample(row: number, document: number, position: number): void {
    this.cells[row * CELLS + EXAMPLE_DOCUMENT] = document;
    this.cells[row * CELLS + EXAMPLE_POSITION] = position;
  }

  /**
   * Keep, in place and in order, the rows `documentOf` gives a document for (-1: drop it), each with
   * that document as its example's and a new score (`scoreOf`). Rows are numbered afresh.
   */
  retain(documentOf: (row: number) => number, scoreOf: (row: number) => number): void {
    const c = this.cells;
    const stems = this.stemCells;
    let kept = 0;
    let stemEnd = 0;
    for (let row = 0; row < this.length; row += 1) {
      const document = documentOf(row);
      if (document < 0) continue;
      const score = scoreOf(row);
      const from = row * CELLS;
      const to = kept * CELLS;
      const stemsFrom = c[from + STEMS_FROM]!;
      const stemLength = 2 * c[from + STEM_COUNT]!;
      stems.copyWithin(stemEnd, stemsFrom, stemsFrom + stemLength);
      c.copyWithin(to, from, from + CELLS);
      c[to + EXAMPLE_DOCUMENT] = document;
      c[to + STEMS_FROM] = stemEnd;
      this.scores[kept] = score;
      stemEnd += stemLength;
      kept += 1;
    }
    this.length = kept;
    this.stemEnd = stemEnd;
  }

  h1(row: number): number {
    return this.cells[row * CELLS + H1]!;
  }
  h2(row: number): number {
    return this.cells[row * CELLS + H2]!;
  }
  voices(row: number): number {
    return this.cells[row * CELLS + VOICES]!;
  }
  counts(row: number): PhraseCounts {
    const at = row * CELLS;
    const c = this.cells;
    return { voices: c[at + VOICES]!, units: c[at + UNITS]!, documents: c[at + DOCUMENTS]!, authors: c[at + AUTHORS]! };
  }
  /** The document index and position of the first unit that held the phrase. */
  example(row: number): readonly [number, number] {
    return [this.cells[row * CELLS + EXAMPLE_DOCUMENT]!, this.cells[row * CELLS + EXAMPLE_POSITION]!];
  }
  stemCount(row: number): number {
    return this.cells[row * CELLS + STEM_COUNT]!;
  }
  /** The stem keys, (k1, k2) pairs flat: a view, valid until the next add. */
  stemKeys(row: number): Uint32Array {
    const from = this.cells[row * CELLS + STEMS_FROM]!;
    return this.stemCells.subarray(from, from + 2 * this.stemCount(row));
  }
  score(row: number): number {
    return this.scores[row]!;
  }

  /** Forget every row, keeping the room, with room for `rows` rows and `stems` stems at least (reused from walk to walk). */
  clear(rows: number, stems: number): void {
    this.length = 0;
    this.stemEnd = 0;
    if (rows * CELLS > this.cells.length) this.cells = new Uint32Array(rows * CELLS);
    if (rows > this.scores.length) this.scores = new Float64Array(rows);
    if (2 * stems > this.stemCells.length) this.stemCells = new Uint32Array(2 * stems);
  }

  /** Let go of the room kept for rows to come. */
  trim(): void {
    if (this.cells.length === this.length * CELLS && this.stemCells.length === this.stemEnd) return;
    this.cells = this.cells.slice(0, this.length * CELLS);
    this.scores = this.scores.slice(0, this.length);
    this.stemCells = this.stemCells.slice(0, this.stemEnd);
  }

  /** Bytes its rows need (`bytes` less the room not used yet). */
  get usedBytes(): number {
    return this.length * (CELLS * 4 + 8) + this.stemEnd * 4;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.cells.byteLength + this.scores.byteLength + this.stemCells.byteLength;
  }
}

/** A copy of `a` with room for at least `n` elements (twice its size, or a quarter more past 16 M: a table read back and added to). */
function grown<A extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: A, n: number): A {
  const b = new (a.constructor as new (n: number) => A)(Math.max(n, a.length < 1 << 24 ? a.length * 2 : a.length + (a.length >> 2)));
  b.set(a);
  return b;
}
