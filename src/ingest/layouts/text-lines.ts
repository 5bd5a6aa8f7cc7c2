/** Line-level helpers shared by the page layouts. */

/** The page split into lines (LF, CRLF or CR ends). Split once per page by the caller and passed to every layout. */
export function splitLines(text: string): readonly string[] {
  // Most pages end lines with LF only: a plain split, without the regex.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/u) : text.split('\n');
}

/** True for a line with nothing visible on it (no-break spaces count as nothing). */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * `read(lines[i])` for any line index i, each line read at most once: for the cues a reading of one
 * page asks of the same lines several times (made per reading, never kept at module level).
 */
export function perLine<T>(lines: readonly string[], read: (line: string) => T | undefined): (i: number) => T | undefined {
  const known: (T | null | undefined)[] = [];
  return (i) => {
    let value = known[i];
    if (value === undefined) {
      value = read(lines[i]!) ?? null;
      known[i] = value;
    }
    return value ?? undefined;
  };
}

/** Leading white space width, a tab counting as four spaces. */
export function indentOf(line: string): number {
  // The run of /^[ \t\u00a0]*/u, read character by character (asked for on every line by several readers).
  let width = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (c === 9) width += 4;
    else if (c === 32 || c === 0xa0) width += 1;
    else break;
  }
  return width;
}

/**
 * Number of words (runs of letters or digits) in a line, counting no further than `cap`: callers
 * only compare with a small threshold, and a 50 MB single-line file must not be counted in full.
 */
export function wordCount(line: string, cap = Number.POSITIVE_INFINITY): number {
  // The runs of /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/u, read character by character (the
  // pattern was a good part of the reader's time): a word goes on over an apostrophe or a hyphen
  // followed by a letter or digit.
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length && n < cap;) {
    const c = line.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (isLetterOrDigit(c)) {
      if (!inWord) { n += 1; inWord = true; }
    } else if (inWord && (c === 39 || c === 0x2019 || c === 45) && i + 1 < line.length && isLetterOrDigit(line.codePointAt(i + 1)!)) {
      // The joiner is inside the word.
    } else inWord = false;
    i += width;
  }
  return n;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

/** `\p{L}` for one code point; ASCII and the Latin-1 and Latin Extended-A letters without the pattern. */
export function isLetter(c: number): boolean {
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  if (c >= 0xc0 && c <= 0x17f) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(String.fromCodePoint(c));
}

/** `[\p{L}\p{N}]` for one code point; ASCII and the Latin-1 and Latin Extended-A letters without the pattern. */
function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  if (c >= 0xc0 && c <= 0x17f) return c !== 0xd7 && c !== 0xf7;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

/** A run of non-blank lines, with the number of blank lines before it. */
export interface Paragraph {
  /** Index of its first line in the page. */
  readonly start: number;
  readonly lines: readonly string[];
  /** Blank lines between the previous paragraph (or the range start) and this one. */
  readonly gapBefore: number;
}

/** The paragraphs of lines[from, to). */
export function paragraphsOf(lines: readonly string[], from = 0, to = lines.length): Paragraph[] {
  const out: Paragraph[] = [];
  let gap = 0;
  let current: { start: number; lines: string[]; gapBefore: number } | undefined;
  for (let i = from; i < to; i += 1) {
    const line = lines[i]!;
    if (isBlank(line)) {
      if (current !== undefined) { out.push(current); current = undefined; gap = 0; }
      gap += 1;
      continue;
    }
    if (current === undefined) current = { start: i, lines: [], gapBefore: gap };
    current.lines.push(line);
  }
  if (current !== undefined) out.push(current);
  return out;
}

// "Joëlle Melin", "Jean-Luc de La Tour", "Marie D." — capitalised words with name particles.
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|du|des|d['’]|von|van|le|la|ben|el|da|di)\s*)?\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** True for a line that reads like a person's name ("Joëlle Melin"), not a role or a sentence. */
export function looksLikePersonName(line: string): boolean {
  return PERSON_NAME.test(line.trim());
}

// Words a one-line comment may consist of, which a user name never is.
const NOT_A_HANDLE = new Set([
  'bravo', 'merci', 'oui', 'non', 'exactement', 'absolument', 'effectivement', 'idem', 'pareil', 'ok', 'okay',
  'mdr', 'lol', 'ptdr', 'top', 'super', 'génial', 'enfin', 'bof', 'hélas', 'voilà', 'certes', 'bien', 'vrai', 'faux',
  'évidemment', 'clairement', 'bref', 'ah', 'oh', 'eh', 'bah', 'ben', 'bon', 'ouf', 'tiens', 'hein', 'nan', 'ouais',
]);
// French function words: a short line holding one is a sentence, not a user name ("Tout à fait").
const FUNCTION_WORDS = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'de', 'du', 'à', 'au', 'aux', 'et', 'ou', 'en', 'pas', 'ne', 'je', 'tu', 'il',
  'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'ça', 'ce', 'c’est', "c'est", 'est', 'sont', 'que', 'qui', 'pour', 'par',
  'sur', 'avec', 'dans', 'mais', 'donc', 'plus', 'très', 'tout', 'fait', 'trop', 'si', 'y', 'a', 'mon', 'ma', 'mes',
]);

/**
 * True for a line that reads like a commenter's user name: one handle ("vincent83D", "le_chat",
 * "marie@lemmy.world") or two or three name words ("quinctius cincinnatus"), no sentence
 * punctuation, not an interjection ("Bravo") or a phrase with function words ("Tout à fait").
 */
export function looksLikeHandle(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 40 || /[.!?…:;,]$/u.test(t)) return false;
  if (/^@?[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:@[\p{L}\p{N}.-]+\.[\p{L}]{2,})?$/u.test(t)) {
    if (/^\d+$/u.test(t)) return false;
    return !NOT_A_HANDLE.has(t.toLowerCase());
  }
  const words = t.split(/\s+/u);
  if (words.length > 3) return false;
  return words.every((w) => /^[\p{L}][\p{L}\p{N}_.'’-]*$/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()) && !NOT_A_HANDLE.has(w.toLowerCase()));
}
