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
