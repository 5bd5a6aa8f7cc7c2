import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, knownCharset, looksBinary } from '../../src/ingest/decode.js';

const FRENCH = "L'État « souverain » ? Ça coûte cher : gâchis, œuvre, été… 20 € d'économies.";
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeBytes(utf8(FRENCH))).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(FRENCH)]))).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with their BOMs', () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, ...iconv.encode(FRENCH, 'utf-16le')]))).toEqual({ text: FRENCH, encoding: 'utf-16le' });
    expect(decodeBytes(Uint8Array.from([0xfe, 0xff, ...iconv.encode(FRENCH, 'utf-16be')]))).toEqual({ text: FRENCH, encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a BOM from the NULs on one side of each byte pair', () => {
    expect(decodeBytes(iconv.encode(FRENCH, 'utf-16le'))).toEqual({ text: FRENCH, encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode(FRENCH, 'utf-16be'))).toEqual({ text: FRENCH, encoding: 'utf-16be' });
  });

  it('reads Windows-1252 (typographic quotes, "œ", "€") when the bytes are not UTF-8', () => {
    expect(decodeBytes(iconv.encode(FRENCH, 'windows-1252'))).toEqual({ text: FRENCH, encoding: 'windows-1252' });
  });

  it('reads ISO-8859-1 French text the same way', () => {
    const latin1 = "Souveraineté numérique : l'État, les hébergeurs, où, ça, là.";
    expect(decodeBytes(iconv.encode(latin1, 'latin1')).text).toBe(latin1);
  });

  it('uses a charset the file declares when the bytes are not UTF-8', () => {
    expect(decodeBytes(iconv.encode('Coût : 20 €, œuvre', 'iso-8859-15'), 'ISO-8859-15')).toEqual({ text: 'Coût : 20 €, œuvre', encoding: 'iso-8859-15' });
  });

  it('keeps valid UTF-8 even when the file declares Latin-1 (a common mislabel)', () => {
    expect(decodeBytes(utf8('été'), 'iso-8859-1').text).toBe('été');
  });

  it('ignores a declared charset it does not know', () => {
    expect(decodeBytes(iconv.encode('été', 'windows-1252'), 'x-unknown').encoding).toBe('windows-1252');
  });

  it('normalises to NFC: a decomposed "é" becomes one character', () => {
    const decomposed = 'e\u0301te\u0301';
    expect(decodeBytes(utf8(decomposed)).text).toBe('été');
    expect(decodeBytes(utf8(decomposed)).text.length).toBe(3);
  });
});

describe('knownCharset', () => {
  it('reads Latin-1 and ASCII labels as Windows-1252, as browsers do', () => {
    expect(knownCharset('ISO-8859-1')).toBe('windows-1252');
    expect(knownCharset('us-ascii')).toBe('windows-1252');
    expect(knownCharset(' utf-8 ')).toBe('utf-8');
    expect(knownCharset('klingon')).toBeUndefined();
  });
});

describe('looksBinary', () => {
  it('flags bytes full of NULs and control codes', () => {
    expect(looksBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]))).toBe(true);
  });

  it('does not flag text, nor UTF-16 with or without a BOM', () => {
    expect(looksBinary(utf8(FRENCH))).toBe(false);
    expect(looksBinary(Uint8Array.from([0xff, 0xfe, ...iconv.encode(FRENCH, 'utf-16le')]))).toBe(false);
    expect(looksBinary(iconv.encode(FRENCH, 'utf-16be'))).toBe(false);
  });
});
