import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexicon, type EntryMatch, type LexiconEntry, type NegationRules, type PatternToken } from '../../src/lexicon/lexicon.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { tokenise, tokeniseWithIds } from '../../src/text/tokenise.js';
import { Vocabulary } from '../../src/text/vocabulary.js';
import { linearMatcher } from './linear-matcher.js';

const negation: NegationRules = { cues: new Set(['pas']), window: 3, barriers: new Set(), version: 1, source: 'test' };

// A small alphabet, so that random patterns and texts meet often: words that share prefixes
// ("dette", "dettes", "det…"), an elided clitic, accents that fold away.
const WORDS = ['la', "l'", 'dette', 'dettes', 'det', 'publique', 'gaspillage', 'gaspiller', 'argent', 'pas', 'etat', 'et', 'de'];
const TEXT_WORDS = [...WORDS, 'État', 'ÉTAT', 'Dette', 'dilapidé', 'gas', 'x'];

const patternToken: fc.Arbitrary<PatternToken> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS).map((norm): PatternToken => ({ kind: 'word', norm })) },
  { weight: 2, arbitrary: fc.constantFrom('de', 'det', 'gas', 'gaspill', 'e', 'la', 'pub').map((norm): PatternToken => ({ kind: 'prefix', norm })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }).map((max): PatternToken => ({ kind: 'gap', max })) },
);

// Entries with one to three patterns; weights and ids collide on purpose, so that the tie rules
// (weight, id, order tried) decide, and a pattern may even start with a gap (it never matches).
const entries: fc.Arbitrary<LexiconEntry[]> = fc.array(
  fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    weight: fc.constantFrom(0.5, 1, 2),
    patterns: fc.array(fc.array(patternToken, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  }).map(({ id, weight, patterns }): LexiconEntry => ({ id, weight, patterns, match: [], containsNegation: false, examples: [], counter: [], source: 'test' })),
  { minLength: 1, maxLength: 12 },
);

const text = fc.array(fc.constantFrom(...TEXT_WORDS), { maxLength: 14 }).map((w) => w.join(' ').replace(/' /gu, "'"));

/** A match as the tests compare it: the entry, the span, and which pattern matched (the very object). */
const shown = (m: EntryMatch | undefined): unknown => (m === undefined ? undefined : { entry: m.entry, start: m.start, end: m.end, pattern: m.pattern });

describe('Lexicon trie against the linear matcher it replaced', () => {
  it('finds the same matches, with and without token ids, at every position', () => {
    fc.assert(
      fc.property(entries, fc.array(text, { minLength: 1, maxLength: 4 }), (es, texts) => {
        const lexicon = new Lexicon(es, negation);
        const oracle = linearMatcher(es);
        const vocabulary = new Vocabulary();
        for (const t of texts) {
          const tokens = tokenise(t);
          const { tokens: same, ids } = tokeniseWithIds(t, vocabulary);
          expect(same).toEqual(tokens);
          const expected = oracle.findAll(tokens).map(shown);
          expect(lexicon.findAll(tokens).map(shown)).toEqual(expected);
          expect(lexicon.findAll(tokens, ids).map(shown)).toEqual(expected);
          for (let i = -1; i <= tokens.length; i += 1) {
            const one = shown(oracle.longestEntryAt(tokens, i));
            expect(shown(lexicon.longestEntryAt(tokens, i))).toEqual(one);
            expect(shown(lexicon.longestEntryAt(tokens, i, ids))).toEqual(one);
          }
        }
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('finds the same matches when the vocabulary starts afresh between texts and within one', () => {
    // A vocabulary of four words: ids are handed out again and again, and tables kept by id must follow.
    fc.assert(
      fc.property(entries, fc.array(text, { minLength: 2, maxLength: 5 }), (es, texts) => {
        const lexicon = new Lexicon(es, negation);
        const vocabulary = new Vocabulary(4);
        for (const t of texts) {
          const { tokens, ids } = tokeniseWithIds(t, vocabulary);
          expect(lexicon.findAll(tokens, ids).map(shown)).toEqual(linearMatcher(es).findAll(tokens).map(shown));
        }
      }),
      { numRuns: 200, seed: 18 },
    );
  });

  it('finds the same matches with the shipped lexicons on their own examples and counter-examples', () => {
    const { stances, claims } = loadLexicons('lexicons');
    const vocabulary = new Vocabulary();
    for (const lexicon of [stances, claims]) {
      const oracle = linearMatcher(lexicon.entries);
      const samples = lexicon.entries.flatMap((e) => [...e.examples, ...e.counter]);
      expect(samples.length).toBeGreaterThan(100);
      // Joined in pairs too, so that matches meet other text on both sides.
      for (const [k, sample] of samples.entries()) {
        const t = `${sample} ${samples[(k * 7 + 3) % samples.length]!}`;
        const { tokens, ids } = tokeniseWithIds(t, vocabulary);
        const expected = oracle.findAll(tokens).map(shown);
        expect(lexicon.findAll(tokens, ids).map(shown)).toEqual(expected);
        expect(lexicon.findAll(tokens).map(shown)).toEqual(expected);
      }
    }
  });
});

describe('Vocabulary', () => {
  it('gives words that fold alike one id, and tokens the norms tokenise gives', () => {
    const vocabulary = new Vocabulary();
    const { tokens, ids } = tokeniseWithIds("L'État, l’état et l'ETAT : cœur", vocabulary);
    expect(tokens).toEqual(tokenise("L'État, l’état et l'ETAT : cœur"));
    const idOf = (k: number): number => ids!.ids[k]!;
    expect(tokens.map((t) => t.norm)).toEqual(["l'", 'etat', "l'", 'etat', 'et', "l'", 'etat', 'coeur']);
    expect(idOf(1)).toBe(idOf(3));
    expect(idOf(3)).toBe(idOf(6));
    expect(idOf(0)).toBe(idOf(2));
    expect(idOf(4)).not.toBe(idOf(1));
    expect(ids!.ids.length).toBe(tokens.length);
  });

  it('starts afresh past its bound, and says so: ids of a text that spans the change are not given', () => {
    const vocabulary = new Vocabulary(3);
    const first = tokeniseWithIds('un deux', vocabulary);
    expect(first.ids?.generation).toBe(0);
    const spanning = tokeniseWithIds('trois quatre cinq', vocabulary);
    expect(spanning.ids).toBeUndefined();
    expect(spanning.tokens.map((t) => t.norm)).toEqual(['trois', 'quatre', 'cinq']);
    expect(vocabulary.generation).toBeGreaterThan(0);
    expect(vocabulary.size).toBeLessThanOrEqual(3);
  });
});
