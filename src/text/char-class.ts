/**
 * Unicode letter and number tests on code points, for scanners that would otherwise run a `\p{L}`
 * regex per character or build an array of matches: the same classes as the regexes `\p{L}` and
 * `\p{N}` (with the `u` flag), each code point looked up once and then read from a table.
 */

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;

// Class bits of a code point; 0 in the table means not looked up yet.
const KNOWN = 1;
const IS_LETTER = 2;
const IS_NUMBER = 4;

// The Basic Multilingual Plane, filled as code points are met (64 KB); the rare code points above
// it are remembered in a map.
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function lookUp(cp: number): number {
  const c = String.fromCodePoint(cp);
  return KNOWN | (LETTER.test(c) ? IS_LETTER : 0) | (NUMBER.test(c) ? IS_NUMBER : 0);
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = bmp[cp]!;
    if (k === 0) {
      k = lookUp(cp);
      bmp[cp] = k;
    }
    return k;
  }
  let k = astral.get(cp);
  if (k === undefined) {
    k = lookUp(cp);
    astral.set(cp, k);
  }
  return k;
}

/**
 * Length in UTF-16 code units of the code point at `i` when its class has one of the `mask` bits
 * (2 for a surrogate pair), else 0. A lone surrogate is in no class, as for the `u`-flag regexes.
 */
function lengthIn(text: string, i: number, mask: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (classOf((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) & mask) !== 0 ? 2 : 0;
  }
  return (classOf(c) & mask) !== 0 ? 1 : 0;
}

/** Length of the code point at `i` when it is a letter (`\p{L}`), else 0. */
export function letterLength(text: string, i: number): number {
  return lengthIn(text, i, IS_LETTER);
}

/** Length of the code point at `i` when it is a letter or a number (`[\p{L}\p{N}]`), else 0. */
export function letterOrNumberLength(text: string, i: number): number {
  return lengthIn(text, i, IS_LETTER | IS_NUMBER);
}
