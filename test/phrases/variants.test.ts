import { describe, expect, it } from 'vitest';
import { packTrails, unpackTrails } from '../../src/phrases/form-trails.js';
import { KeyedTable } from '../../src/phrases/hash-tables.js';
import { collectVariants, DROPPED_FORM, FormCounts, type SampledForms } from '../../src/phrases/variants.js';

describe('FormCounts', () => {
  it('gives the forms most frequent first, and a trail of each occurrence: its document and its form among those', () => {
    const f = new FormCounts();
    f.add('Cloud souverain', 3);
    f.add('cloud souverain', 3);
    f.add('cloud souverain', 7);
    const sampled = f.sampled();
    expect(sampled.forms).toEqual(['cloud souverain', 'Cloud souverain']);
    expect(sampled.counts).toEqual([2, 1]);
    expect([...sampled.trail.docs]).toEqual([3, 3, 7]);
    expect([...sampled.trail.forms]).toEqual([1, 0, 0]);
  });

  it('marks the occurrences of a form past the twelve kept as dropped', () => {
    const f = new FormCounts();
    for (let k = 0; k < 13; k += 1) f.add(`forme ${String.fromCharCode(97 + k)}`, k);
    const sampled = f.sampled();
    expect(sampled.forms).toHaveLength(12);
    expect(sampled.trail.forms[12]).toBe(DROPPED_FORM);
    expect(sampled.trail.forms.slice(0, 12).every((k) => k < 12)).toBe(true);
  });
});

describe('packTrails', () => {
  it('gives back the trails packed, whatever the gaps between their documents', () => {
    const trails = [
      { docs: Uint32Array.from([0, 0, 5, 200, 70_000, 3_000_000_000]), forms: Uint8Array.from([0, 1, 0, 2, DROPPED_FORM, 0]) },
      { docs: new Uint32Array(), forms: new Uint8Array() },
      { docs: Uint32Array.from([9]), forms: Uint8Array.from([3]) },
    ];
    expect(unpackTrails(packTrails(trails), 3)).toEqual(trails);
  });

  it('refuses a trail whose documents go back (not taken in corpus order), or that names a form past those a phrase keeps', () => {
    expect(() => packTrails([{ docs: Uint32Array.from([4, 2]), forms: Uint8Array.from([0, 0]) }])).toThrow(/go back/u);
    expect(() => packTrails([{ docs: Uint32Array.from([4]), forms: Uint8Array.from([20]) }])).toThrow(/form 20/u);
  });
});

describe('collectVariants', () => {
  const known = (): KeyedTable<SampledForms> => {
    const table = new KeyedTable<SampledForms>();
    table.add(1, 1, { forms: ['milliards dilapidés'], counts: [2], sampleEnd: 0, trail: { docs: Uint32Array.from([0, 1]), forms: Uint8Array.from([0, 0]) } });
    table.add(3, 3, { forms: ['argent public'], counts: [1], sampleEnd: 0, trail: { docs: Uint32Array.from([0]), forms: Uint8Array.from([0]) } });
    return table;
  };

  it('does not walk the corpus when every phrase needed is known; of the others wanted, gives those known', () => {
    const corpus = (): never => {
      throw new Error('walked');
    };
    const forms = collectVariants([{ h1: 1, h2: 1 }], [{ h1: 2, h2: 2 }, { h1: 3, h2: 3 }], corpus, known());
    expect(forms.get(1, 1)?.forms).toEqual(['milliards dilapidés']);
    expect(forms.get(2, 2)).toBeUndefined();
    expect(forms.get(3, 3)?.forms).toEqual(['argent public']);
  });

  it('walks the corpus when a phrase needed is not known', () => {
    let walked = 0;
    const corpus = (): [] => {
      walked += 1;
      return [];
    };
    const forms = collectVariants([{ h1: 1, h2: 1 }, { h1: 2, h2: 2 }], [], corpus, known());
    expect(walked).toBe(1);
    expect(forms.get(2, 2)?.forms).toEqual([]);
  });
});
