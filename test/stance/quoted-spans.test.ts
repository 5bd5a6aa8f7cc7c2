import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { plainCountLabels, plainCountLexicon } from '../../src/stance/plain-count.js';
import { SHIPPED_STANCES } from '../builders/shipped-categories.js';
import { isInside, quotedSpans } from '../../src/stance/quoted-spans.js';

const quoted = (text: string): string[] => quotedSpans(text).map((s) => text.slice(s.start, s.end));

describe('quotedSpans', () => {
  it('pairs guillemets, nested ones included, as one quotation', () => {
    expect(quoted('« « Concurrence déloyale », « sans avenir »… » ont-ils dit')).toEqual([' « Concurrence déloyale », « sans avenir »… ']);
  });

  it('pairs straight and curly double quotes in order of appearance, as scraped text mixes them', () => {
    expect(quoted('que ” Les 4 Vérités ” publient et "autre"')).toEqual([' Les 4 Vérités ', 'autre']);
  });

  it('opens nothing with a quote that is never closed', () => {
    expect(quoted('un « mot sans fin')).toEqual([]);
    expect(quoted('un "mot sans fin')).toEqual([]);
  });

  it('tells whether a span lies wholly inside a quotation', () => {
    const spans = quotedSpans('a « bc » d');
    expect(isInside({ start: 4, end: 6 }, spans)).toBe(true);
    expect(isInside({ start: 0, end: 6 }, spans)).toBe(false);
  });
});

describe('the plain dictionary count (baseline)', () => {
  const plain = plainCountLexicon(loadLexicons(path.resolve('lexicons')).stances);

  it('keeps one-word patterns only, with no negation and no weights', () => {
    for (const e of plain.entries) {
      expect(e.weight).toBe(1);
      for (const p of e.patterns) expect(p).toHaveLength(1);
    }
    expect(plain.entries.some((e) => e.kind === 'intensifier')).toBe(false);
  });

  it('sets a label on any hit, negated or weak', () => {
    expect(plainCountLabels("Ce n'est pas un gâchis.", plain, SHIPPED_STANCES).labels.sceptical).toBe(1);
    expect(plainCountLabels('Un touriste américain.', plain, SHIPPED_STANCES).labels.sovereigntist).toBe(1);
    expect(plainCountLabels("Quel gaspillage d'argent public", plain, SHIPPED_STANCES).evidence.sceptical).toBe('"gaspillage" [sceptical.gaspillage]');
  });
});
