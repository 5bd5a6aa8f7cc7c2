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
