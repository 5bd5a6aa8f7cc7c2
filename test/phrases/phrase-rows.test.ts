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

  /** The kept rows of a count as sorted strings (key, counts, example, stems): the same set whatever the order kept. */
  const keptRows = (counted: ReturnType<typeof countSignedPhrases>): string[] => {
    const { kept, docIds } = counted;
    const rows: string[] = [];
    for (let row = 0; row < kept.length; row += 1) {
      const [doc, position] = kept.example(row);
      rows.push(JSON.stringify([kept.h1(row), kept.h2(row), kept.counts(row), `${docIds[doc]!}#${position}`, [...kept.stemKeys(row)], kept.score(row)]));
    }
    return rows.sort();
  };
  const objectRows = (minVoices?: number): string[] => objectCount(corpus, minVoices === undefined ? {} : { minVoices })
    .map((p) => JSON.stringify([p.h1, p.h2, { voices: p.voices, units: p.units, documents: p.documents, authors: p.authors }, p.example, p.stems.flat()]))
    .sort();
  const withoutScores = (rows: string[]): string[] => rows.map((r) => JSON.stringify((JSON.parse(r) as unknown[]).slice(0, 5))).sort();

  it('keeps every phrase the object path keeps, with a prefilter so small that most keys collide in it', () => {
    const expected = objectRows();
    const reference = countSignedPhrases(corpus);
    expect(withoutScores(keptRows(reference))).toEqual(expected);
    // One block of 2 × 256 bits for thousands of keys: nearly every key is let through, and the
    // tally alone decides; a prefilter that dropped a key held by two units would lose a row here.
    for (const sketchBytes of [1, 64, 4096]) {
      const counted = countSignedPhrases(corpus, { sketchBytes });
      expect(keptRows(counted), `${sketchBytes} bytes`).toEqual(keptRows(reference));
      expect(mergePhrases(counted, corpus, 60)).toEqual(objectPhrases(corpus, { limit: 60 }));
    }
    expect(countSignedPhrases(corpus, { sketchBytes: 1 }).stats.trackedPeak).toBeGreaterThan(2 * reference.stats.trackedPeak);
  });

  it('keeps the same phrases when three voices are asked, through a three-level prefilter, small or not', () => {
    const expected = objectRows(3);
    expect(expected.length).toBeGreaterThan(100);
    for (const sketchBytes of [1, 96, undefined]) {
      const counted = countSignedPhrases(corpus, { minVoices: 3, ...(sketchBytes === undefined ? {} : { sketchBytes }) });
      expect(withoutScores(keptRows(counted)), `${sketchBytes ?? 'default'} bytes`).toEqual(expected);
    }
  });

  it('tallies in as many shares as the keys let through need, split again when a share holds too many keys or pairs, and lists the same rows', () => {
    const reference = countSignedPhrases(corpus);
    expect(reference.stats.passes).toBe(1);
    const expected = objectPhrases(corpus, { limit: 60 });
    // Shares planned from the first walk's estimate of the keys let through.
    const planned = countSignedPhrases(corpus, { keysPerPass: 500 });
    expect(planned.stats.passes).toBe(Math.ceil(planned.stats.keysPeak / 500));
    expect(planned.stats.passes).toBeGreaterThan(1);
    expect(planned.stats.trackedPeak).toBeLessThanOrEqual(501);
    expect(keptRows(planned)).toEqual(keptRows(reference));
    // A tiny prefilter lets through far more keys than it estimates: the shares overflow and are split.
    const split = countSignedPhrases(corpus, { passes: 2, keysPerPass: 3000, sketchBytes: 1 });
    expect(split.stats.passes).toBeGreaterThan(Math.max(2, Math.ceil(split.stats.keysPeak / 3000)));
    expect(split.stats.trackedPeak).toBeLessThanOrEqual(3001);
    expect(mergePhrases(split, corpus, 60)).toEqual(expected);
    expect(keptRows(split)).toEqual(keptRows(reference));
    // Too many (phrase, author) pairs for one share.
    const pairs = countSignedPhrases(corpus, { pairsPerPass: 500 });
    expect(pairs.stats.passes).toBeGreaterThan(3);
    expect(keptRows(pairs)).toEqual(keptRows(reference));
    for (const passes of [1, 3, 11]) {
      for (const keysPerPass of [200, 4_000_000]) {
        const counted = countSignedPhrases(corpus, { passes, keysPerPass });
        expect(counted.stats.passes).toBeGreaterThanOrEqual(passes);
        expect(keptRows(counted), `${passes} passes, ${keysPerPass} keys`).toEqual(keptRows(reference));
        expect(mergePhrases(counted, corpus, 60)).toEqual(expected);
      }
    }
    expect(countSignedPhrases(corpus, { passes: 2 }).stats).toMatchObject({ passes: 2 });
  });

  it('skips repeated units and sentences in every tally walk as the first walk did, and keeps what the object path keeps', () => {
    // Whole units and long sentences copied across pages: the tally walks replay the first walk's repeat tests.
    const copied = Array.from({ length: 12 }, () => Array.from({ length: 2 }, () => sentence(rnd, [])).join(' '));
    const repeated: SignedDocument[] = docs.map((doc, d) => {
      const units = [...doc.unitTexts()].map(([position, text]) => ({
        position, text: d % 3 === 0 ? copied[d % copied.length]! : d % 3 === 1 ? `${text} ${copied[(d * 7) % copied.length]!}` : text,
        ...(d % 2 === 0 ? { author: `auteur${d % 9}` } : {}),
      }));
      const texts = new Map(units.map((u) => [u.position, u.text]));
      return { docId: doc.docId, signature: signer.sign(units), unitTexts: () => texts };
    });
    const again = (): SignedDocument[] => repeated;
    const reference = countSignedPhrases(again);
    expect(reference.stats.duplicateUnits + reference.stats.repeatedSentences).toBeGreaterThan(50);
    const expected = objectCount(again).map((p) => JSON.stringify([p.h1, p.h2, { voices: p.voices, units: p.units, documents: p.documents, authors: p.authors }, p.example, p.stems.flat()])).sort();
    for (const options of [{}, { passes: 3 }, { keysPerPass: 100, sketchBytes: 1 }]) {
      const counted = countSignedPhrases(again, options);
      expect(withoutScores(keptRows(counted)), JSON.stringify(options)).toEqual(expected);
      expect(mergePhrases(counted, again, 60)).toEqual(objectPhrases(again, { limit: 60 }));
    }
  });

  it('drops a phrase found only inside a longer one with the same voices', () => {
    const found = findSignedPhrases(corpus, { limit: 5000, passes: 4 }).phrases.map((p) => p.phrase);
    expect(found.filter((p) => p.includes('gaia-x'))).toEqual(['projet européen gaia-x reste une fumisterie']);
  });
});
