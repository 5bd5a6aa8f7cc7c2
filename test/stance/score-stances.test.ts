import { describe, expect, it } from 'vitest';
import type { StanceTag } from '../../src/model.js';
import { LABEL_THRESHOLD, scoreStances } from '../../src/stance/score-stances.js';
import { shippedCategories } from '../builders/shipped-categories.js';

const categories = shippedCategories();

const text = 'abc def ghi jkl';
const tag = (entryId: string, weight: number, more: Partial<StanceTag> = {}): StanceTag => ({
  unitId: 'u', stance: 'sceptical', entryId, span: { start: 0, end: 3 }, weight, negated: false, ...more,
});
const sceptical = (tags: StanceTag[]) => scoreStances(text, tags, categories).find((v) => v.stance === 'sceptical')!;

describe('scoreStances', () => {
  it('sets the label at the threshold: one ordinary cue is enough, one weak cue is not', () => {
    expect(LABEL_THRESHOLD).toBe(1);
    expect(sceptical([tag('a', 1)]).label).toBe(1);
    expect(sceptical([tag('a', 0.5)]).label).toBe(0);
    expect(sceptical([tag('a', 0.5), tag('b', 0.5)]).label).toBe(1);
  });

  it('counts a repeated entry once', () => {
    const v = sceptical([tag('a', 0.5), tag('a', 0.5), tag('a', 0.5)]);
    expect(v.score).toBe(0.5);
    expect(v.hits).toBe(3);
    expect(v.label).toBe(0);
  });

  it('applies intensity and leaves out negated, quoted and ironic cues, naming them in the evidence', () => {
    const v = sceptical([
      tag('a', 0.5, { intensity: 2, intensifierSpan: { start: 4, end: 7 } }),
      tag('b', 1, { negated: true, negationSpan: { start: 8, end: 11 } }),
      tag('c', 1, { discount: 'quoted' }),
      tag('d', 1, { discount: 'ironic' }),
    ]);
    expect(v).toMatchObject({ score: 1, label: 1, hits: 1 });
    expect(v.evidence).toBe('"abc" [a] (×2 by "def"); NOT "abc" [b] (negated by "ghi"); QUOTED "abc" [c]; IRONIC "abc" [d]');
  });

  it('gives every label 1 some evidence', () => {
    for (const v of scoreStances(text, [tag('a', 1)], categories)) if (v.label === 1) expect(v.evidence).not.toBe('');
  });
});
