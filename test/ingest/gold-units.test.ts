import { describe, expect, it } from 'vitest';
import { readGoldUnits, scoreAgainstGold } from './gold-units.js';

const gold = readGoldUnits();
const score = scoreAgainstGold(gold);

describe('segmentation of the sample pages against the gold (eval/samples/seeds-units.tsv)', () => {
  it('reads all 30 gold units', () => {
    expect(gold.length).toBe(30);
  });

  it.each(score.checks.map((c) => [`${c.gold.file}#${c.gold.unit}`, c] as const))('finds %s with its gold boundaries and metadata', (_id, check) => {
    expect(check.found).toBe(true);
    expect(check.startsRight, `starts with "${check.gold.first_words}"`).toBe(true);
    expect(check.endsRight, `ends with "${check.gold.last_words}"`).toBe(true);
    expect(check.wrong).toEqual({});
  });

  it('matches 30 units out of 30, all metadata right, and no unit the gold does not have', () => {
    expect({ matched: score.unitsMatched, metadata: `${score.metadataCorrect}/${score.metadataTotal}`, extra: score.extraUnits })
      .toEqual({ matched: 30, metadata: '180/180', extra: 0 });
  });
});

describe('scoring a document the gold gives no article', () => {
  it('compares gold unit n with the unit after the empty article, parents shifted alike', () => {
    const row = (unit: string, kind: string, parent: string, depth: string, first: string): Parameters<typeof scoreAgainstGold>[0][number] => ({
      file: 'package.json', doc: '', unit, kind, author: '', published: '', parent, depth, quotes: '', first_words: first, last_words: first, note: '',
    });
    const units = [
      { id: 'x#0', docId: 'x', position: 0, kind: 'article' as const, depth: 0, text: '' },
      { id: 'x#1', docId: 'x', position: 1, kind: 'comment' as const, depth: 0, text: 'Un.' },
      { id: 'x#2', docId: 'x', position: 2, kind: 'reply' as const, depth: 1, parentId: 'x#1', text: 'Deux.' },
    ];
    // Any file: the stub reader ignores its bytes.
    const ingest = (): { documents: { id: string; file: string; sha256: string; units: typeof units }[] } => ({ documents: [{ id: 'x', file: 'x.csv', sha256: '', units }] });
    const score = scoreAgainstGold([row('0', 'comment', '', '0', 'Un.'), row('1', 'reply', '0', '1', 'Deux.')], '.', ingest as never);
    expect(score.checks.map((c) => [c.found && c.startsRight && c.endsRight, c.wrong])).toEqual([[true, {}], [true, {}]]);
  });
});
