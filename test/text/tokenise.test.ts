import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordFolder } from '../../src/text/normalise.js';
import { tokenise, tokenSpans } from '../../src/text/tokenise.js';

const norms = (text: string): string[] => tokenise(text).map((t) => t.norm);

describe('tokenise', () => {
  it('splits elided clitics from their word, with straight and typographic apostrophes', () => {
    expect(norms("l'État")).toEqual(["l'", 'etat']);
    expect(norms('l’État')).toEqual(["l'", 'etat']);
    expect(norms("qu'on")).toEqual(["qu'", 'on']);
    expect(norms('L’ETAT')).toEqual(["l'", 'etat']);
  });

  it('keeps "aujourd’hui" whole', () => {
    expect(norms('aujourd’hui')).toEqual(["aujourd'hui"]);
  });

  it('folds case, accents and ligatures, and keeps spans on the original text', () => {
    const text = 'Le CŒUR de l’Élysée';
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.norm)).toEqual(['le', 'coeur', 'de', "l'", 'elysee']);
    for (const t of tokens) expect(text.slice(t.span.start, t.span.end)).toBe(t.surface);
  });

  it('keeps hyphenated words and drops punctuation', () => {
    expect(norms('Gaia-X, peut-être ???')).toEqual(['gaia-x', 'peut-etre']);
  });

  it('reads words as the regex [\\p{L}\\p{N}]+(?:[-\'’‘ʼ][\\p{L}\\p{N}]+)* would', () => {
    // Trailing and doubled joiners end the word; numbers of every kind are word characters.
    expect(norms("l'- -x a--b c'' 3½ Ⅻe ²")).toEqual(['l', 'x', 'a', 'b', 'c', '3½', 'ⅻe', '²']);
    // "ʼ" (U+02BC) is a letter itself: "Jʼa" is one run, still split as an elision.
    expect(norms('JʼJQu ʼa')).toEqual(["j'", 'jqu', "'a"]);
    // Letters outside the BMP are one code point of two code units; a lone surrogate is nothing.
    const text = 'x\u{1D400}y \uD835z';
    expect(tokenise(text).map((t) => [t.surface, t.span.start, t.span.end])).toEqual([['x\u{1D400}y', 0, 4], ['z', 6, 7]]);
  });
});

describe('tokenise with a WordFolder', () => {
  it('gives the same tokens as without, elisions included, text after text', () => {
    const folder = new WordFolder();
    for (const text of ["L’État et l'ÉTAT, qu'on dit aujourd’hui souverain", 'Gaia-X, jusqu’à l`Etat : cœur', "L’État et l'ÉTAT"]) {
      expect(tokenise(text, folder)).toEqual(tokenise(text));
    }
  });
});

describe('tokenSpans', () => {
  it('gives the spans tokenise gives, elisions and the words that look elided but are not included', () => {
    const pieces = ["L’État", "l'ÉTAT", "qu'on", 'Aujourd’hui', "AUJOURD'HUI", "Prud'hommes", "presqu’île", "Quelqu'un", 'jusqu’à', 'Gaia-X', 'ʼa', 'x\u{1D400}y', '\uD835z', '—', ', ', ' ', '12', 'e\u0301té', "d'", "'", '-'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(tokenSpans(text)).toEqual(tokenise(text).flatMap((t) => [t.span.start, t.span.end]));
    }), { numRuns: 2000 });
  });
});
