import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharSet } from '../../src/text/char-set.js';

// The sets the stages use, written as the regular expressions they replaced.
const SETS: readonly [string, RegExp][] = [
  ['.;:!?()[]«»"“”…—–,\n', /[.;:!?()[\]«»"“”…—–]|,|\n/u],
  ['.!?;:,«»“”"()\n', /[.!?;:,«»“”"()\n]/u],
  ['.!?;\n…', /[.!?;\n…]/u],
  ['.!?;:…,()[]{}"«»“”|\n', /[.!?;:…,()[\]{}"«»“”|\n]/u],
];

// Text between tokens as pages have it: spaces, punctuation, quotes, dashes, emoji (surrogate pairs), letters.
const piece = fc.constantFrom(' ', '\u00a0', '\n', '.', ',', ';', ':', '!', '?', '…', '«', '»', '“', '”', '"', '(', ')', '[', ']', '{', '}', '|', '—', '–', '-', "'", '’', 'a', 'é', '😀', '\ud83d', '\u2026\u0301');

describe('CharSet', () => {
  it('says what the regular expression of the same characters says of the slice, on any stretch of text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.nat(), fc.nat(), (text, a, b) => {
        const from = a % (text.length + 1);
        const to = b % (text.length + 2);
        for (const [chars, re] of SETS) expect(new CharSet(chars).anyIn(text, from, to)).toBe(re.test(text.slice(from, to)));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('refuses a character of two code units', () => {
    expect(() => new CharSet('.😀')).toThrow(/one UTF-16 code unit/u);
  });
});
