/**
 * Case-insensitive regular expressions without the `i` flag. An unanchored `/…/iu` pattern tried on
 * every line of a page (a cheap pre-test, "hier|aujourd|…") case-folds each character it reads, and
 * ran four to five times slower than the same pattern written with a class per letter. `caseless`
 * rewrites a pattern source so that, with the `u` flag alone, it matches exactly what it matched with
 * `iu`: each letter becomes the class of the characters `iu` folds onto it (`s` also matches `ſ`,
 * `k` the Kelvin sign).
 */

/** The characters `/x/iu` matches besides x's own lower and upper case. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = { s: '\u017f', k: '\u212a' };

/** The class standing for one letter under `iu` (a lone character when it has no other case). */
function letterClass(c: string): string {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  // A letter whose case mapping is not one character (ß → SS) is not folded the same way by `iu`.
  if (lower.length !== 1 || upper.length !== 1) throw new Error(`caseless: no simple case pair for "${c}"`);
  const members = new Set([lower, upper, ...(EXTRA_FOLDS[lower] ?? '')]);
  return members.size === 1 ? c : `[${[...members].join('')}]`;
}

/**
 * `source` (a pattern written for the `iu` flags) rewritten for the `u` flag alone. Supported: letters,
 * other literal characters, groups, alternation, quantifiers and escapes that do not depend on case
 * (`\s`, `\d`, `\(`, `\.`…). Character classes and `\b`, `\B`, `\w`, `\W` fold differently under `iu`
 * and are refused (write them out, see line-cues.ts), and so are escapes naming a character by its code.
 */
export function caseless(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[bBwWpPkuxc]/u.test(next)) throw new Error(`caseless: "\\${next}" is not supported`);
      out += c + next;
      i += 1;
    } else if (c === '[') {
      throw new Error('caseless: character classes are not supported');
    } else if (c === '(' && source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      throw new Error('caseless: named groups are not supported');
    } else {
      out += /\p{L}/u.test(c) ? letterClass(c) : c;
    }
  }
  return out;
}

/** A word character as `\b` reads it under `iu`: `\w`, and the two characters that fold onto one (`ſ`, the Kelvin sign). */
export const IU_WORD_CHAR = '[\\w\\u017f\\u212a]';
