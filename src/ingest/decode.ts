/** Bytes → text: BOMs, UTF-8, UTF-16 and the Windows-1252 of older French sites; NFC. */

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Share of NUL or control bytes above which a file is treated as binary, not text. */
const BINARY_CONTROL_SHARE = 0.1;

/** True when the bytes look like a binary file (image, archive, executable) rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  if (sample[0] === 0xff && sample[1] === 0xfe) return false; // UTF-16 BOMs carry NULs
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control += 1;
  return control / sample.length > BINARY_CONTROL_SHARE;
}

/** Decode a file's bytes: BOM first, then strict UTF-8, else Windows-1252 (a superset of Latin-1's printable range). */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const decodeWith = (encoding: DecodedText['encoding'], data: Uint8Array): DecodedText => ({
    text: new TextDecoder(encoding, { ignoreBOM: true }).decode(data).normalize('NFC'),
    encoding,
  });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return decodeWith('windows-1252', bytes);
  }
}
