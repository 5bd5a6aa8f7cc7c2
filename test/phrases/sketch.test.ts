import { describe, expect, it } from 'vitest';
import { BloomFilter, CountMinSketch, hashString } from '../../src/phrases/sketch.js';

const keys = (n: number, prefix: string): [number, number][] => Array.from({ length: n }, (_, i) => hashString(`${prefix}${i}`));

describe.each([
  ['BloomFilter', (bits: number) => new BloomFilter(bits)],
  ['blocked BloomFilter', (bits: number) => new BloomFilter(bits, true)],
])('%s', (_name, make) => {
  it('never forgets a key, and says "new" for few unseen keys at 10+ bits per key', () => {
    const filter = make(20); // 1 M bits for 50,000 keys: 20 bits per key
    const added = keys(50_000, 'in-');
    for (const [h1, h2] of added) filter.addIfNew(h1, h2);
    expect(added.filter(([h1, h2]) => filter.addIfNew(h1, h2))).toEqual([]);
    const falseYes = keys(50_000, 'out-').filter(([h1, h2]) => !filter.addIfNew(h1, h2)).length;
    expect(falseYes / 50_000).toBeLessThan(0.01);
  });

  it('forgets everything on clear()', () => {
    const filter = make(12);
    expect(filter.addIfNew(1, 2)).toBe(true);
    expect(filter.addIfNew(1, 2)).toBe(false);
    filter.clear();
    expect(filter.addIfNew(1, 2)).toBe(true);
  });
});

describe('CountMinSketch', () => {
  it('never undercounts and is exact when keys are few', () => {
    const sketch = new CountMinSketch(16);
    const all = keys(1000, 'k');
    all.forEach(([h1, h2], i) => {
      for (let k = 0; k <= i % 5; k += 1) sketch.add(h1, h2);
    });
    all.forEach(([h1, h2], i) => expect(sketch.estimate(h1, h2)).toBe((i % 5) + 1));
  });

  it('overcounts few keys at a key per four counters, and its four probes of a key are four counters', () => {
    // 2^14 counters per probe, 2^12 keys counted once: a key is overcounted only when all four of
    // its counters are shared (~1 %; 0.2 % for four independent rows, ~22 % for a single probe).
    const sketch = new CountMinSketch(14);
    const all = keys(1 << 12, 'load-');
    for (const [h1, h2] of all) sketch.add(h1, h2);
    expect(all.every(([h1, h2]) => sketch.estimate(h1, h2) >= 1)).toBe(true);
    const over = all.filter(([h1, h2]) => sketch.estimate(h1, h2) > 1).length / all.length;
    expect(over).toBeLessThan(0.03);
    const single = new CountMinSketch(14);
    single.add(123, 456);
    expect(single.counters.reduce((n, c) => n + c, 0)).toBe(4);
  });

  it('adds up: two sketches of two halves summed are the sketch of the whole', () => {
    const all = keys(5000, 'sum-');
    const whole = new CountMinSketch(12);
    const [a, b] = [new CountMinSketch(12), new CountMinSketch(12)];
    all.forEach(([h1, h2], i) => {
      whole.add(h1, h2);
      (i % 2 === 0 ? a : b).add(h1, h2);
    });
    a.addAll(b.counters);
    expect([...a.counters]).toEqual([...whole.counters]);
  });

  it('refuses counters of another size', () => {
    expect(() => new CountMinSketch(12, new Uint16Array(100))).toThrow(/cannot take 100 counters/u);
  });
});
