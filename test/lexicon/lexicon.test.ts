import { describe, expect, it } from 'vitest';
import { Lexicon, type LexiconEntry, type NegationRules, type PatternToken } from '../../src/lexicon/lexicon.js';
import { tokenise } from '../../src/text/tokenise.js';

const negation: NegationRules = { cues: new Set(['pas']), window: 3, barriers: new Set(), version: 1, source: 'test' };
const word = (norm: string): PatternToken => ({ kind: 'word', norm });
const prefix = (norm: string): PatternToken => ({ kind: 'prefix', norm });
const entry = (id: string, weight: number, ...patterns: PatternToken[][]): LexiconEntry => ({
  id, weight, patterns, match: [], containsNegation: false, examples: [], counter: [], source: 'test',
});

describe('Lexicon: prefix patterns', () => {
  // Prefixes of several lengths and first letters, one shorter than the loader allows (the index
  // must not lose it), a prefix followed by a word, and one starting with a non-ASCII letter.
  const lexicon = new Lexicon([
    entry('a.dilapid', 1, [prefix('dilapid')]),
    entry('b.dil', 1, [prefix('dil')]),
    entry('c.di', 1, [prefix('di')]),
    entry('d.gaspill-argent', 2, [prefix('gaspill'), word('argent')]),
    entry('e.gas', 1, [prefix('gas')]),
    entry('f.echec', 1, [prefix('echec')]),
    entry('g.milliards', 1, [word('milliards'), prefix('dilapid')]),
  ], negation);
  const found = (text: string): string[] => lexicon.findAll(tokenise(text)).map((m) => `${m.entry.id}@${m.start}-${m.end}`);

  it('finds every prefix a word starts with, longest match and ties as before', () => {
    expect(found('dilapidés')).toEqual(['a.dilapid@0-1']);
    expect(found('dilemme')).toEqual(['b.dil@0-1']);
    expect(found('direct')).toEqual(['c.di@0-1']);
    expect(found('gaspiller argent')).toEqual(['d.gaspill-argent@0-2']);
    expect(found('gaspiller temps gaz')).toEqual(['e.gas@0-1']);
    expect(found('Échecs répétés')).toEqual(['f.echec@0-1']);
    expect(found('milliards dilapidés')).toEqual(['g.milliards@0-2']);
    expect(found('le de du')).toEqual([]);
  });
});

describe('Lexicon: a word that starts many patterns', () => {
  // "la" starts patterns whose second element is a word, a prefix, a gap or nothing: which of them
  // are tried depends on the next word, and none may be lost (nor the order that breaks ties).
  const gap = (max: number): PatternToken => ({ kind: 'gap', max });
  const lexicon = new Lexicon([
    entry('a.la-dette', 1, [word('la'), word('dette')]),
    entry('b.la-dilapid', 1, [word('la'), prefix('dilapid')]),
    entry('c.la-gap-publique', 1, [word('la'), gap(2), word('publique')]),
    entry('d.la', 0.5, [word('la')]),
    entry('e.la-dette-publique', 1, [word('la'), word('dette'), word('publique')]),
    entry('f.la-dette-tie', 1, [word('la'), word('dette')], [word('la'), gap(1), word('dette')]),
  ], negation);
  const found = (text: string): string[] => lexicon.findAll(tokenise(text)).map((m) => `${m.entry.id}@${m.start}-${m.end}/${m.entry.patterns.indexOf(m.pattern!)}`);

  it('finds the same matches whatever the next word, at the end of the text too', () => {
    expect(found('la dette')).toEqual(['a.la-dette@0-2/0']);
    expect(found('la dette publique')).toEqual(['c.la-gap-publique@0-3/0']);
    expect(found('la dilapidation')).toEqual(['b.la-dilapid@0-2/0']);
    expect(found('la grande dette')).toEqual(['f.la-dette-tie@0-3/1']);
    expect(found('la chose publique la')).toEqual(['c.la-gap-publique@0-3/0', 'd.la@3-4/0']);
    expect(found('la')).toEqual(['d.la@0-1/0']);
    expect(found('la la dette la dilapidée')).toEqual(['f.la-dette-tie@0-3/1', 'b.la-dilapid@3-5/0']);
  });
});
