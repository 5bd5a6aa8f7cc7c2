import { describe, expect, it } from 'vitest';
import { WordFolder, foldForMatching, foldWhiteSpace } from '../../src/text/normalise.js';

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

describe('foldForMatching on plain ASCII words', () => {
  it('gives the same norm as the full fold, backquote apostrophe included', () => {
    expect(foldForMatching('Gaia-X')).toBe('gaia-x');
    expect(foldForMatching("AUJOURD'HUI")).toBe("aujourd'hui");
    expect(foldForMatching('l`Etat')).toBe("l'etat");
    expect(foldForMatching('OVH2024')).toBe('ovh2024');
  });
});

describe('WordFolder', () => {
  it('folds exactly as foldForMatching, from memory or not', () => {
    const folder = new WordFolder();
    for (const w of ['ÉTAT', 'État', 'état', 'Cœur', 'l’État', 'Gaia-X', 'ÉTAT', 'straße']) expect(folder.fold(w)).toBe(foldForMatching(w));
  });

  it('stays bounded: past its size it starts afresh and still folds right', () => {
    const folder = new WordFolder(3);
    const words = ['Un', 'Deux', 'Trois', 'Quatre', 'Éné', 'Un', 'Quatre'];
    expect(words.map((w) => folder.fold(w))).toEqual(['un', 'deux', 'trois', 'quatre', 'ene', 'un', 'quatre']);
    expect(folder.size).toBeLessThanOrEqual(3);
  });
});
