import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../src/text/fold-accents.js';

const slowFold = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

// Characters of the table (below U+0180) and around it: combining marks, Greek capital sigma (whose
// lower case depends on its neighbours), the Kelvin sign, Hangul (decomposed into several letters),
// a lone surrogate and an emoji.
const piece = fc.oneof(
  fc.integer({ min: 0, max: 0x17f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0301', '\u0327', 'e\u0301', 'Σ', 'ΑΣ', 'ǅ', 'İ', '\u212a', 'ẞ', '한', '\ud83d', '😀', 'Ǻ', '’', 'ﬁ'),
);

describe('foldAccents', () => {
  it('folds any text as NFD, combining marks dropped, then lower case', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (s) => {
        expect(foldAccents(s)).toBe(slowFold(s));
      }),
      { numRuns: 5000, seed: 5 },
    );
  });

  it('folds every character of the basic plane alone and after a capital É', () => {
    for (let c = 0; c < 0x10000; c += 1) {
      const s = `É${String.fromCharCode(c)}a`;
      if (foldAccents(s) !== slowFold(s)) throw new Error(`U+${c.toString(16)}`);
    }
  });

  it('reads French lines as the page shows them', () => {
    expect(foldAccents('Réponse à Élodie · Aujourd’hui')).toBe('reponse a elodie · aujourd’hui');
    expect(foldAccents('  ŒUVRE  ')).toBe('  œuvre  ');
  });
});
