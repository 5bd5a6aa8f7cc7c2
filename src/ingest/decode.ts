/** Bytes → text: BOMs, UTF-8, UTF-16 and the Windows-1252 of older French sites; NFC. */
import iconv from 'iconv-lite';

export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read as: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252' or a charset the file declared. */
  readonly encoding: string;
  /** Invalid byte sequences replaced by U+FFFD, when UTF-8 with a few bad bytes was read as UTF-8. */
  readonly replaced?: number;
}

/** Share of NUL or control bytes above which a file is treated as binary, not text. */
const BINARY_CONTROL_SHARE = 0.1;

/** Bytes looked at to sniff BOM-less UTF-16 and binary files: enough for a few lines of text. */
const SNIFF_BYTES = 8192;

/**
 * Share of 2-byte pairs with a NUL on one side, above which BOM-less bytes are read as UTF-16.
 * French text in UTF-16 has a NUL in nearly every pair ("é" is 0xE9 0x00); binary files have NULs
 * on both sides, which the other-side check rules out.
 */
const UTF16_NUL_SHARE = 0.7;

/** UTF-16 without a BOM, told by NULs on the same side of nearly every byte pair; undefined otherwise. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, SNIFF_BYTES - (SNIFF_BYTES % 2));
  const pairs = Math.floor(sample.length / 2);
  // Either way needs NULs: most files have none, which a native search tells at once.
  if (pairs < 2 || sample.indexOf(0) === -1) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul += 1;
    if (sample[i + 1] === 0) oddNul += 1;
  }
  if (oddNul / pairs >= UTF16_NUL_SHARE && evenNul === 0) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_SHARE && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** True when the bytes look like a binary file (image, archive, executable) rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.length === 0) return false;
  if (sample[0] === 0xff && sample[1] === 0xfe) return false; // UTF-16 BOMs carry NULs
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const b = sample[i]!;
    // Most bytes are 32 or more: one comparison tells them.
    if (b < 32 && (b < 9 || (b > 13 && b !== 27))) control += 1;
  }
  // UTF-16 without a BOM has NULs in every other byte: text, though it looks binary.
  return control / sample.length > BINARY_CONTROL_SHARE && sniffUtf16(sample) === undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of bytes that are valid UTF-8 (ASCII included), else undefined. */
function asUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Bytes that are not valid UTF-8 read as UTF-8 all the same, when they mostly are: as many
 * well-formed non-ASCII characters ("é" as 0xC3 0xA9) as invalid sequences at least. A UTF-8 page
 * with one stray byte keeps its accents (the byte becomes U+FFFD) instead of turning into "Ã©"
 * throughout; a Windows-1252 file ("é" a lone 0xE9) has almost no well-formed sequences and is not
 * taken. Undefined when the bytes do not read as UTF-8.
 */
function asMostlyUtf8(bytes: Uint8Array): { text: string; replaced: number } | undefined {
  const text = lossyUtf8.decode(bytes);
  let marks = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) marks += 1;
    else if (c >= 0x80 && (c < 0xdc00 || c > 0xdfff)) nonAscii += 1; // a surrogate pair counts once
  }
  let written = 0; // U+FFFD the file itself holds (0xEF 0xBF 0xBD), not a replacement
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written += 1;
  const replaced = marks - written;
  nonAscii += written;
  return nonAscii > 0 && replaced <= nonAscii ? { text, replaced } : undefined;
}

/** A charset name iconv-lite can decode ("ISO-8859-15", "latin1", "windows-1252"), lower-cased; undefined otherwise. */
export function knownCharset(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const charset = name.trim().toLowerCase();
  // As browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are read as Windows-1252.
  if (/^(?:iso[-_]?8859-1|latin-?1|l1|us-ascii|ascii|cp819|iso-ir-100)$/u.test(charset)) return 'windows-1252';
  return charset !== '' && iconv.encodingExists(charset) ? charset : undefined;
}

/**
 * Decode a file's bytes. In order: a BOM (UTF-8, UTF-16 LE/BE); BOM-less UTF-16 (NULs on one side
 * of every byte pair); strict UTF-8; the charset the file declares (HTML `<meta charset>`), when it
 * is not UTF-8; UTF-8 with a few invalid sequences (replaced by U+FFFD, counted in `replaced`);
 * else Windows-1252, which reads every Latin-1 (ISO-8859-1) character the same way and
 * adds the typographic quotes, "œ" and "€" that French Latin-1 pages really hold.
 * Strict UTF-8 first: bytes of French Latin-1 text are practically never valid UTF-8 ("é" is a lone
 * 0xE9), while UTF-8 text read as Latin-1 turns into "Ã©". Measured in the README (scripts/measure-decoding.ts).
 */
export function decodeBytes(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  const decodeWith = (encoding: string, data: Uint8Array): DecodedText => ({
    text: iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), encoding, { stripBOM: false }).normalize('NFC'),
    encoding,
  });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== undefined) return decodeWith(utf16, bytes);
  // Valid UTF-8 is decoded once: the strict decoder's text is the one iconv-lite would give.
  const utf8 = asUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8.normalize('NFC'), encoding: 'utf-8' };
  const declared = knownCharset(declaredCharset);
  if (declared !== undefined && !/^utf-?8$/u.test(declared)) return decodeWith(declared, bytes);
  const mostly = asMostlyUtf8(bytes);
  if (mostly !== undefined) return { text: mostly.text.normalize('NFC'), encoding: 'utf-8', replaced: mostly.replaced };
  return decodeWith('windows-1252', bytes);
}
