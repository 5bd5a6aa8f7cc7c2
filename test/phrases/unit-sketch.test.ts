import { describe, expect, it } from 'vitest';
import { hashString } from '../../src/phrases/hashes.js';
import { SKETCH_BYTES, UnitSketch } from '../../src/phrases/unit-sketch.js';
import { seededRandom } from '../../src/sampling/seeded-random.js';

describe('UnitSketch', () => {
  it('lets through every key added as often as its levels, whatever its size, and says so on the add that reaches them', () => {
    const rnd = seededRandom(5);
    for (const levels of [1, 2, 3, 5]) {
      for (const bytes of [1, 100, 10_000, 1_000_000]) {
        const sketch = new UnitSketch(levels, bytes);
        const keys = Array.from({ length: 5000 }, (_, i) => ({ key: hashString(`k${i}`), times: Math.floor(rnd() * (levels + 2)) }));
        const order = keys.flatMap((k) => Array.from({ length: k.times }, () => k.key));
        for (let i = order.length - 1; i > 0; i -= 1) {
          const j = Math.floor(rnd() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const reached = new Map<string, number>();
        for (const [h1, h2] of order) {
          const id = `${h1},${h2}`;
          const seen = (reached.get(id) ?? 0) + 1;
          reached.set(id, seen);
          // Never fewer levels than the key's adds so far.
          expect(sketch.add(h1, h2)).toBeGreaterThanOrEqual(Math.min(seen, sketch.levels));
        }
        const missed = keys.filter(({ key: [h1, h2], times }) => times >= levels && !sketch.passes(h1, h2));
        expect(missed, `${levels} levels, ${bytes} bytes`).toEqual([]);
      }
    }
  });

  it('lets few other keys through at its full size, and counts the keys that reach the top', () => {
    const sketch = new UnitSketch(2);
    expect(sketch.bytes).toBe(SKETCH_BYTES);
    for (let i = 0; i < 200_000; i += 1) {
      const [h1, h2] = hashString(`k${i}`);
      sketch.add(h1, h2);
      if (i % 10 === 0) sketch.add(h1, h2);
    }
    expect(sketch.promoted).toBeGreaterThanOrEqual(20_000);
    expect(sketch.promoted).toBeLessThan(20_100);
    let through = 0;
    for (let i = 0; i < 200_000; i += 1) {
      const [h1, h2] = hashString(`k${i}`);
      if (i % 10 !== 0 && sketch.passes(h1, h2)) through += 1;
    }
    expect(through).toBeLessThan(100);
    const [h1, h2] = hashString('never added');
    expect(new UnitSketch(2).passes(h1, h2)).toBe(false);
  });
});
