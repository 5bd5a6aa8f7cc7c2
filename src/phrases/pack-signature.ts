import { REPEATED_SENTENCE_MIN_WORDS } from './segments.js';
import { PHRASE_BREAK, SENTENCE_END } from './signature.js';

/**
 * A phrase signature (see PhraseSigner) as the store keeps it: each of its 32-bit words in the form
 * that suits it. Hashes (stem keys, voice, unit and sentence hashes) are random: four bytes each,
 * little-endian. Everything else (counts, positions, codes) is small: a varint of 7 bits a byte, one
 * byte for most codes. The layout tells which word is which, so nothing marks them. Format: one
 * byte FORMAT, then the number of words (a varint), then the words.
 *
 * On the 20 MB bench corpus: 18.8 MB of signatures as 32-bit words, 10.0 MB packed. Deflating
 * them as well gave 9.3 MB, but doubled the time to read them back (0.15 s instead of 0.08 s per
 * walk over the 4.7 M words, against 0.07 s for the 32-bit words), and every count walks them
 * several times.
 */
const FORMAT = 1;

/** One side of the copy: gives the next word, read as a varint or as a hash, and copies it across. */
interface WordCopier {
  small(): number;
  hash(): number;
}

/** Copies every word of a signature, in the layout's order, each in its form. */
function copyLayout(io: WordCopier): void {
  const nStems = io.small();
  for (let i = 0; i < 2 * nStems; i += 1) io.hash();
  const nUnits = io.small();
  for (let u = 0; u < nUnits; u += 1) {
    io.small(); // position
    io.small(); // signed
    io.hash(); // a1
    io.hash(); // a2
    io.small(); // tokens
    io.hash(); // u1
    io.hash(); // u2
    const nCodes = io.small();
    let tokens = 0;
    let sentenceStart = 0;
    for (let c = 0; c < nCodes; c += 1) {
      const code = io.small();
      if (code === SENTENCE_END) {
        if (tokens - sentenceStart >= REPEATED_SENTENCE_MIN_WORDS) {
          io.hash();
          io.hash();
          c += 2;
        }
        sentenceStart = tokens;
      } else if (code !== PHRASE_BREAK) tokens += 1;
    }
  }
}

/** Reads a signature's words, writes their bytes. */
class Packer implements WordCopier {
  readonly bytes: Uint8Array;
  at = 0;
  read = 0;
  constructor(private readonly signature: Uint32Array) {
    this.bytes = new Uint8Array(1 + 5 * (signature.length + 1));
    this.bytes[this.at++] = FORMAT;
    this.varint(signature.length);
  }

  private next(): number {
    if (this.read >= this.signature.length) throw new Error('phrase signature: shorter than its layout');
    return this.signature[this.read++]!;
  }

  private varint(word: number): void {
    let v = word;
    while (v >= 0x80) {
      this.bytes[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.at++] = v;
  }

  small(): number {
    const v = this.next();
    this.varint(v);
    return v;
  }

  hash(): number {
    const v = this.next();
    const at = this.at;
    this.bytes[at] = v & 0xff;
    this.bytes[at + 1] = (v >>> 8) & 0xff;
    this.bytes[at + 2] = (v >>> 16) & 0xff;
    this.bytes[at + 3] = v >>> 24;
    this.at = at + 4;
    return v;
  }
}

/** Reads the bytes of a packed signature, writes its words. */
class Unpacker implements WordCopier {
  readonly signature: Uint32Array;
  at = 1;
  written = 0;
  /** `room` gives the array of `words` words to write into (a new one by default). */
  constructor(readonly bytes: Uint8Array, room: (words: number) => Uint32Array = (words) => new Uint32Array(words)) {
    if (bytes[0] !== FORMAT) throw new Error(`packed phrase signature: unknown format ${String(bytes[0])}`);
    this.signature = room(this.varint());
  }

  private put(v: number): number {
    if (this.written >= this.signature.length) throw new Error('packed phrase signature: longer than its word count');
    this.signature[this.written++] = v;
    return v;
  }

  private varint(): number {
    const bytes = this.bytes;
    let v = 0;
    let scale = 1;
    let b = 0x80;
    while (b >= 0x80) {
      if (this.at >= bytes.length) throw new Error('packed phrase signature: truncated');
      b = bytes[this.at++]!;
      v += (b & 0x7f) * scale;
      scale *= 0x80;
    }
    return v;
  }

  small(): number {
    return this.put(this.varint());
  }

  hash(): number {
    const bytes = this.bytes;
    const at = this.at;
    if (at + 4 > bytes.length) throw new Error('packed phrase signature: truncated');
    this.at = at + 4;
    return this.put((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0);
  }
}

/** The store's form of a signature. */
export function packSignature(signature: Uint32Array): Uint8Array {
  const packer = new Packer(signature);
  copyLayout(packer);
  if (packer.read !== signature.length) throw new Error('phrase signature: longer than its layout');
  return packer.bytes.slice(0, packer.at);
}

/** The signature packSignature packed. */
export function unpackSignature(packed: Uint8Array, room?: (words: number) => Uint32Array): Uint32Array {
  const unpacker = new Unpacker(packed, room);
  copyLayout(unpacker);
  if (unpacker.written !== unpacker.signature.length || unpacker.at !== packed.length) throw new Error('packed phrase signature: does not match its word count');
  return unpacker.signature;
}

/**
 * unpackSignature into one array, grown as needed: each signature it gives is a view of that array,
 * valid until the next call. A walk over every stored signature then allocates no array per document
 * (at 200 MB of corpus, 190 MB of arrays per walk that the garbage collector was slow to give back).
 */
export function signatureUnpacker(): (packed: Uint8Array) => Uint32Array {
  let room = new Uint32Array(1024);
  const view = (words: number): Uint32Array => {
    if (words > room.length) room = new Uint32Array(Math.max(words, 2 * room.length));
    return room.subarray(0, words);
  };
  return (packed) => unpackSignature(packed, view);
}
