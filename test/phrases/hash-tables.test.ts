import { describe, expect, it } from 'vitest';
import { GenerationSet, KeyCounts, KeyedTable, KeyFilter, PairSet } from '../../src/phrases/hash-tables.js';
import { hashString } from '../../src/phrases/hashes.js';

const keys = (n: number, prefix: string): [number, number][] => Array.from({ length: n }, (_, i) => hashString(`${prefix}${i}`));

describe('KeyedTable', () => {
  it('finds every key added, as it grows far past its first size, and no other', () => {
    const table = new KeyedTable<number>(4);
    const added = keys(20_000, 'in-');
    added.forEach(([h1, h2], i) => table.add(h1, h2, i));
    expect(table.size).toBe(20_000);
    expect(added.every(([h1, h2], i) => table.get(h1, h2) === i)).toBe(true);
    expect(keys(20_000, 'out-').filter(([h1, h2]) => table.get(h1, h2) !== undefined)).toEqual([]);
  });

  it('tells apart keys that share either half', () => {
    const table = new KeyedTable<string>();
    table.add(1, 2, 'a');
    table.add(1, 3, 'b');
    table.add(4, 2, 'c');
    expect([table.get(1, 2), table.get(1, 3), table.get(4, 2), table.get(4, 3)]).toEqual(['a', 'b', 'c', undefined]);
    // A key given as a signed 32-bit integer is the same key as its unsigned value.
    table.add(-1, -2, 'd');
    expect(table.get(0xffffffff, 0xfffffffe)).toBe('d');
  });

  it('keeps the insertion order', () => {
    const table = new KeyedTable<number>();
    const added = keys(1000, 'r-');
    added.forEach(([h1, h2], i) => table.add(h1, h2, i));
    expect([...table].map(([, , v]) => v)).toEqual(added.map((_, i) => i));
  });
});

describe('GenerationSet', () => {
  it('says "new" once per key between two clears, and forgets everything on clear', () => {
    const set = new GenerationSet();
    set.clear(3);
    expect([set.addIfNew(7), set.addIfNew(7), set.addIfNew(0xffffffff), set.addIfNew(-1)]).toEqual([true, false, true, false]);
    set.clear(3);
    expect(set.addIfNew(7)).toBe(true);
  });

  it('grows to the keys it is told to expect', () => {
    const set = new GenerationSet();
    const many = keys(5000, 'g-').map(([h1]) => h1);
    set.clear(many.length);
    expect(many.filter((k) => !set.addIfNew(k))).toEqual([]);
    expect(many.filter((k) => set.addIfNew(k))).toEqual([]);
  });
});

describe('KeyCounts', () => {
  it('is empty once cleared, keeping its room, and counts afresh', () => {
    const counts = new KeyCounts();
    for (let i = 0; i < 3000; i += 1) counts.add(i, i * 7);
    const bytes = counts.bytes;
    counts.clear();
    expect(counts.size).toBe(0);
    expect(counts.bytes).toBe(bytes);
    expect(counts.get(5, 35)).toBe(0);
    expect(counts.add(5, 35)).toBe(1);
    expect(counts.add(5, 35)).toBe(2);
    expect(counts.get(6, 42)).toBe(0);
  });

  it('counts every key exactly through growth, 0 for a key never added', () => {
    const counts = new KeyCounts();
    const added = keys(5000, 'c-');
    added.forEach(([h1, h2], i) => {
      for (let k = 0; k <= i % 3; k += 1) counts.add(h1, h2);
    });
    expect(added.filter(([h1, h2], i) => counts.get(h1, h2) !== (i % 3) + 1)).toEqual([]);
    expect(counts.size).toBe(5000);
    const [h1, h2] = hashString('never');
    expect(counts.get(h1, h2)).toBe(0);
    expect(counts.add(0, 0)).toBe(1);
    expect(counts.add(0, 0)).toBe(2);
  });
});

describe('PairSet', () => {
  it('says "new" once per key through growth, tells apart keys that share either half, (0, 0) included', () => {
    const set = new PairSet();
    const added = keys(30_000, 'p-');
    expect(added.filter(([h1, h2]) => !set.add(h1, h2))).toEqual([]);
    expect(added.filter(([h1, h2]) => set.add(h1, h2))).toEqual([]);
    // Halves swapped, or one half shared with a key in the set, and the empty slot's own value.
    const [a1, a2] = added[0]!;
    expect([set.add(a2, a1), set.add(a1, 0), set.add(0, a2), set.add(0, 0), set.add(0, 0), set.add(0, 1)]).toEqual([true, true, true, true, false, true]);
    expect(set.size).toBe(30_005);
  });

  it('is empty once cleared, keeping its room, and 8 bytes a slot, grown when three quarters full', () => {
    const set = new PairSet();
    for (let i = 0; i < 768; i += 1) set.add(i + 1, i * 7);
    expect(set.bytes).toBe(8 * 1024);
    set.add(5000, 1);
    expect(set.bytes).toBe(8 * 2048);
    set.add(0, 0);
    set.clear();
    expect(set.size).toBe(0);
    expect(set.bytes).toBe(8 * 2048);
    expect([set.add(1, 0), set.add(0, 0), set.add(1, 0)]).toEqual([true, true, false]);
  });
});

describe('KeyFilter', () => {
  it('holds every key added, and lets few others through (about one in thirty-two)', () => {
    const filter = new KeyFilter(10_000);
    const added = keys(10_000, 'in-');
    for (const [, h2] of added) filter.add(h2);
    expect(added.every(([, h2]) => filter.mayHold(h2))).toBe(true);
    const others = keys(100_000, 'out-').filter(([, h2]) => filter.mayHold(h2)).length;
    expect(others).toBeGreaterThan(0);
    expect(others).toBeLessThan(100_000 / 16);
  });
});
