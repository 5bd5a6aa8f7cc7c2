import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPhraseWords } from '../../src/phrases/find-phrases.js';
import { DEFAULTS } from '../../src/options.js';
import { run } from '../../src/run.js';
import { foldForMatching } from '../../src/text/normalise.js';
import { tokenise } from '../../src/text/tokenise.js';

// Issue 6 acceptance: the top 20 rows of phrases.csv on the sample corpus hold no phrase made only
// of function words, and no phrase counted twice because one author posted the same comment twice.
describe('phrases.csv on the sample corpus', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-phrases-'));
  let phrases: Record<string, string>[] = [];
  let units: Record<string, string>[] = [];
  let top: Record<string, string>[] = [];
  beforeAll(async () => {
    await run({ inputs: [path.resolve('corpus')], outDir: out, lexiconDir: path.resolve('lexicons'), langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'] });
    phrases = parse(readFileSync(path.join(out, 'phrases.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    units = parse(readFileSync(path.join(out, 'units.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    top = phrases.slice(0, 20);
  });
  const { functionWords } = loadPhraseWords(path.resolve('lexicons'));
  const flat = (s: string): string => foldForMatching(s).replace(/\s+/gu, ' ');

  it('has at least 20 rows', () => {
    expect(top.length).toBe(20);
  });

  it('lists nothing that only one author repeats (a comment posted twice on one page)', () => {
    const listed = phrases.map((p) => p.phrase);
    for (const own of ['ferrari toute neuve', 'code confidentiel', 'turbines arabelle']) {
      const authors = new Set(units.filter((u) => flat(u.text!).includes(flat(own))).map((u) => u.author));
      expect(authors.size, own).toBe(1);
      expect(listed, own).not.toContain(own);
    }
  });

  it.each(top.map((p) => [p.phrase!, p] as const))('"%s" holds a word that is not a function word', (_phrase, row) => {
    const words = tokenise(row.phrase!).map((t) => t.norm);
    expect(words.some((w) => !functionWords.has(w))).toBe(true);
  });

  it.each(top.map((p) => [p.phrase!, p] as const))('"%s" counts each author once', (_phrase, row) => {
    const variants = row.variants!.split(' | ').map(flat);
    const holding = units.filter((u) => variants.some((v) => flat(u.text!).includes(v)));
    const voices = new Set(holding.map((u) => (u.author ? `a:${u.author.toLowerCase()}` : `u:${u.unit_id}`)));
    expect(Number(row.frequency)).toBeGreaterThanOrEqual(2);
    expect(Number(row.frequency)).toBeLessThanOrEqual(voices.size);
  });
});
