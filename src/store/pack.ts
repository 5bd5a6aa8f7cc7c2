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
 * An analysed document, compressed. Its CSV rows are not kept: they are rendered again from it when
 * a report is written without them (renderDocumentCsv), which costs less than unpacking them (the
 * 20 MB bench: 0.7 s to render every document's rows, 1.3 s more to unpack rows packed with the
 * analyses) and keeps the store a fifth smaller. The Document's own unit list is left out: it is
 * the list of the analysed units' `unit`s (same objects), and would hold every text twice.
 */
export function packDocument(doc: AnalysedDocument): Uint8Array {
  const { units: _units, ...document } = doc.document;
  return packText(JSON.stringify({ ...doc, document }));
}

/** The analysed document packDocument compressed. */
export function unpackDocument(packed: Uint8Array): AnalysedDocument {
  const doc = JSON.parse(unpackText(packed)) as Omit<AnalysedDocument, 'document'> & { document: Omit<Document, 'units'> };
  return { ...doc, document: { ...doc.document, units: doc.units.map((u) => u.unit) } };
}
