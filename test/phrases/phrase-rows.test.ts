import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentence } from '../../scripts/generate-corpus.js';
import { countSignedPhrases } from '../../src/phrases/count-phrases.js';
import { findSignedPhrases, loadPhraseWords, PhraseSigner, type SignedDocument } from '../../src/phrases/find-phrases.js';
import { KeyIndex } from '../../src/phrases/hash-tables.js';
import { mergePhrases } from '../../src/phrases/merge-phrases.js';
import { PhraseRows } from '../../src/phrases/phrase-rows.js';
import { seededRandom } from '../../src/sampling/seeded-random.js';
import { objectCount, objectPhrases } from './object-phrases.js';

describe('PhraseRows', () => {
  it('gives back every row as added, counted and copied, as it grows far past its first size and once trimmed', () => {
    const tallies = new PhraseRows();
    const n = 3000;
    const stemsOf = (i: number): number[] => Array.from({ length: 2 * (1 + (i % 6)) }, (_, k) => (i * 7919 + k * 104729) >>> 0);
    for (let i = 0; i < n; i += 1) {
      const stems = stemsOf(i);
      expect(tallies.add(0xfffffff0 - i, i * 3, i % 97, i % 13, stems, stems.length / 2)).toBe(i);
    }
    for (let i = 0; i < n; i += 1) {
      for (let d = 0; d < i % 5; d += 1) {
        tallies.count(i, d, 1, d % 2);
        tallies.count(i, d, 0, 0); // a second unit of the same document: no new document, no new voice
      }
    }
    const kept = new PhraseRows();
    for (let i = n - 1; i >= 0; i -= 1) kept.copy(tallies, i, i / 8);
    kept.trim();
    expect(kept.length).toBe(n);
    for (let row = 0; row < n; row += 1) {
      const i = n - 1 - row;
      const documents = i % 5;
      expect(kept.h1(row)).toBe(0xfffffff0 - i);
      expect(kept.h2(row)).toBe(i * 3);
      expect(kept.counts(row)).toEqual({ voices: documents, units: 2 * documents, documents, authors: Math.floor(documents / 2) });
      expect(kept.voices(row)).toBe(documents);
      expect(kept.example(row)).toEqual([i % 97, i % 13]);
      expect(kept.stemCount(row)).toBe(1 + (i % 6));
      expect([...kept.stemKeys(row)]).toEqual(stemsOf(i));
      expect(kept.score(row)).toBe(i / 8);
    }
    expect(kept.bytes).toBeLessThan(tallies.bytes);
  });
});

describe('KeyIndex', () => {
  it('finds the row of every key added, as it grows, and no other key, also keys that share either half', () => {
    const index = new KeyIndex(4);
    for (let i = 0; i < 5000; i += 1) index.add(0x80000000 + (i % 50), i, i);
    for (let i = 0; i < 5000; i += 1) expect(index.get(0x80000000 + (i % 50), i)).toBe(i);
    expect(index.get(0x80000000 + 1, 0)).toBe(-1);
    expect(index.get(0x80000000, 5000)).toBe(-1);
    expect(index.size).toBe(5000);
  });
});

describe('packed phrases', () => {
  // Generated French comment threads (the bench's sentences): many phrases recur, many inside longer
  // ones with the same voices, far more than the rows written at the small limits.
  const rnd = seededRandom(17);
  const signer = new PhraseSigner(loadPhraseWords(path.resolve('lexicons')));
  const refrain = 'le projet européen gaia-x reste une fumisterie';
  const docs: SignedDocument[] = Array.from({ length: 250 }, (_, d) => {
    const units = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, position) => {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sentence(rnd, [])).join(' ') + (rnd() < 0.1 ? ` Pour le lecteur ${d}, ${refrain} depuis ${position + 1} ans.` : '');
      const author = rnd() < 0.6 ? `auteur${Math.floor(rnd() * 40)}` : undefined;
      return { position, text, ...(author === undefined ? {} : { author }) };
    });
    const texts = new Map(units.map((u) => [u.position, u.text]));
    return { docId: `page-${d}`, signature: signer.sign(units), unitTexts: () => texts };
  });
  const corpus = (): SignedDocument[] => docs;

  it('lists the same rows as the object path, in one pass or many, at any limit', () => {
    expect(objectCount(corpus).length).toBeGreaterThan(500);
    for (const limit of [7, 60, 5000]) {
      const expected = objectPhrases(corpus, { limit });
      expect(expected.length).toBeGreaterThan(Math.min(limit, 100) - 1);
      for (const passes of [1, 3, 11]) {
        expect(findSignedPhrases(corpus, { limit, passes }).phrases, `limit ${limit}, ${passes} passes`).toEqual(expected);
      }
    }
  });

  it('splits a pass whose share holds more keys than a pass may count, and lists the same rows', () => {
    const counted = countSignedPhrases(corpus, { passes: 2, keysPerPass: 3000 });
    expect(counted.stats.passes).toBeGreaterThan(2);
    expect(counted.stats.keysPeak).toBeLessThanOrEqual(3001);
    expect(mergePhrases(counted, corpus, 60)).toEqual(objectPhrases(corpus, { limit: 60 }));
    expect(countSignedPhrases(corpus, { passes: 2 }).stats).toMatchObject({ passes: 2 });
  });

  it('drops a phrase found only inside a longer one with the same voices', () => {
    const found = findSignedPhrases(corpus, { limit: 5000, passes: 4 }).phrases.map((p) => p.phrase);
    expect(found.filter((p) => p.includes('gaia-x'))).toEqual(['projet européen gaia-x reste une fumisterie']);
  });
});
