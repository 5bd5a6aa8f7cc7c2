import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimsGoldFigures } from './claims-gold-figures.js';
import { claimsGoldFigures } from './claims-gold-figures.js';

// Issue 6 acceptance: every claim the gold lists for a unit is found in that unit, and at most one
// mention in five lands in a unit whose gold does not list that claim.
describe('claims against the gold annotation of the sample pages', () => {
  let figures: ClaimsGoldFigures;
  beforeAll(async () => {
    figures = await claimsGoldFigures();
  });

  it('finds every claim the gold lists for a unit in that unit', () => {
    expect(figures.missed).toEqual([]);
    expect(figures.recall).toBe(1);
  });

  it('puts at most one mention in five in a unit whose gold does not list that claim', () => {
    expect(figures.mentions).toBeGreaterThan(0);
    expect(figures.outsideShare, figures.outside.join('\n')).toBeLessThanOrEqual(0.2);
  });
});
