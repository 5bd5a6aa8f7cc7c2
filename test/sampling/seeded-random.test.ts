import { describe, expect, it } from 'vitest';
import { seededShuffle } from '../../src/sampling/seeded-random.js';

describe('seededShuffle', () => {
  const items = Array.from({ length: 20 }, (_, i) => `p${i}`);

  it('gives a permutation of the items, the same for the same seed, and leaves the input as it was', () => {
    const a = seededShuffle(items, 42);
    expect([...a].sort()).toEqual([...items].sort());
    expect(seededShuffle(items, 42)).toEqual(a);
    expect(a).not.toEqual(items);
    expect(items[0]).toBe('p0');
  });

  it('gives another order for another seed', () => {
    expect(seededShuffle(items, 1)).not.toEqual(seededShuffle(items, 2));
  });
});
