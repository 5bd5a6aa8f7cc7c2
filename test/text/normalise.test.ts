import { describe, expect, it } from 'vitest';
import { foldForMatching, foldWhiteSpace } from '../../src/text/normalise.js';

describe('foldWhiteSpace', () => {
  it('folds every run of white space, no-break and zero-width spaces included, to one space', () => {
    expect(foldWhiteSpace('  a \n\t b\u00a0\u00a0c\u202fd\u200be \ufeff f  ')).toBe('a b c d e f');
    expect(foldWhiteSpace('a\u00a0b')).toBe('a b');
    expect(foldWhiteSpace('déjà un seul espace')).toBe('déjà un seul espace');
  });
});

describe('foldForMatching', () => {
  it('folds case, accents, ligatures and apostrophes', () => {
    expect(foldForMatching('L’ÉTAT')).toBe("l'etat");
    expect(foldForMatching('Cœur')).toBe('coeur');
  });
});
