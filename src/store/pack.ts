import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { AnalysedDocument, Document } from '../model.js';

// Brotli at quality 3: on the bench corpus's analyses and CSV rows it keeps 26 % of the bytes
// (deflate level 6: 25 %) and decompresses about twice as fast as deflate; qualities above 4 cost
// several times the compression time for a point or two.
const QUALITY = 3;

// The window of a stream: no larger than its text needs (a decoder allocates the window the stream
// announces, 4 MB by default), at most brotli's default.
const windowBits = (bytes: number): number => Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))));

/**
 * Compress a text for the store (brotli, UTF-8). The bytes are copied out of zlib's 16 KB output
 * buffer: a worker posting the result would otherwise send the whole buffer.
 */
export function packText(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return new Uint8Array(brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_LGWIN]: windowBits(bytes.length) },
  }));
}

/** The text packText compressed. */
export function unpackText(packed: Uint8Array): string {
  return brotliDecompressSync(packed).toString('utf8');
}

/**
 * An analysed document and its CSV rows, compressed together: the rows repeat the texts and the
 * evidence of the analysis, which the compressor then stores as references (a third smaller than
 * two separate streams). The Document's own unit list is left out: it is the list of the analysed
 * units' `unit`s (same objects), and would hold every text twice.
 */
export function packDocument(doc: AnalysedDocument, rows: readonly string[]): Uint8Array {
  const { units: _units, ...document } = doc.document;
  return packParts([JSON.stringify({ ...doc, document }), ...rows]);
}

/** The parts of a packDocument: the analysed document and the rows packed with it. */
export function unpackDocument(packed: Uint8Array): { analysis: AnalysedDocument; rows: string[] } {
  const [json = '', ...rows] = unpackParts(packed);
  const doc = JSON.parse(json) as Omit<AnalysedDocument, 'document'> & { document: Omit<Document, 'units'> };
  return { analysis: { ...doc, document: { ...doc.document, units: doc.units.map((u) => u.unit) } }, rows };
}

/** Texts packed together: a first line with the length of every part but the last, then the parts. */
export function packParts(parts: readonly string[]): Uint8Array {
  return packText(`${parts.slice(0, -1).map((p) => p.length).join(' ')}\n${parts.join('')}`);
}

/** The texts packParts compressed. */
export function unpackParts(packed: Uint8Array): string[] {
  const text = unpackText(packed);
  const newline = text.indexOf('\n');
  const lengths = newline === 0 ? [] : text.slice(0, newline).split(' ').map(Number);
  const parts: string[] = [];
  let at = newline + 1;
  for (const n of lengths) {
    parts.push(text.slice(at, at + n));
    at += n;
  }
  parts.push(text.slice(at));
  return parts;
}
