import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { foldWhiteSpace } from '../../src/text/normalise.js';
import { FRESH_HELD_OUT_DIR, type GoldUnit, HELD_OUT_DIR, NINTH_HELD_OUT_DIR, readGoldUnits, readThreadGold, siteKindOf, THREAD_SET_DIR } from './gold-units.js';

// The held-out gold is never compared with what the reader produces in a test (it is a measurement,
// not a target: scripts/eval-units.ts), but it must be consistent with its own pages: a typo in the
// first words of a unit would silently lower the figure.

/** The words a reader of the page sees: the text of an HTML page, a text copy as it is; white space folded. */
function pageWords(file: string): string {
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.html')) return foldWhiteSpace(parseHtml(raw).structuredText);
  // An export's cells may hold markup as the API returns it ("&#39;", "<br>", a Mastodon status's
  // "<p>" and mention links): the reader reads its text.
  const decoded = /\.(?:csv|jsonl?)$/u.test(file) ? decodeHTML(raw.replace(/<br\s*\/?>|<\/p>/giu, ' ').replace(/<[a-z/][^>]*>/giu, '')) : raw;
  return foldWhiteSpace(decoded);
}

const kindsOf = (dir: string): string[] => readdirSync(path.join(dir, 'pages')).sort();

/** The gold units of each document: a page, or one record group (`doc`) of an export holding several. */
function byDocument(gold: readonly GoldUnit[]): Map<string, GoldUnit[]> {
  const documents = new Map<string, GoldUnit[]>();
  for (const g of gold) {
    const key = g.doc === undefined || g.doc === '' ? g.file : `${g.file}#${g.doc}`;
    documents.set(key, [...(documents.get(key) ?? []), g]);
  }
  return documents;
}

/** Per document: units numbered from 0 with an article first, links pointing back, and every unit's first and last words in the page. */
function checkGoldOfPages(dir: string, byDoc: ReadonlyMap<string, readonly GoldUnit[]>): void {
  it.each([...byDoc.keys()])('%s: units numbered from 0, an article first, parents, depths and quotes pointing at earlier units', (key) => {
    const units = byDoc.get(key) ?? [];
    expect(units.map((g) => Number(g.unit))).toEqual(units.map((_, i) => i));
    // An article first, unless the page has none (an app's reactions screen, an export of comments
    // alone: eval/threads/README-from-heldout-4.md); never an article after the first unit.
    expect(units.map((g) => g.kind === 'article')).toEqual(units.map((_, i) => i === 0 && units[0]!.kind === 'article'));
    for (const g of units.slice(1)) {
      const at = Number(g.unit);
      const parent = g.parent === '' ? undefined : units[Number(g.parent)];
      expect(g.kind, `unit ${g.unit}`).toBe(parent === undefined ? 'comment' : 'reply');
      expect(Number(g.depth), `depth of unit ${g.unit}`).toBe(parent === undefined ? 0 : Number(parent.depth) + 1);
      if (parent !== undefined) expect(Number(g.parent), `parent of unit ${g.unit}`).toBeLessThan(at);
      if (g.quotes !== '') expect(Number(g.quotes), `quotes of unit ${g.unit}`).toBeLessThan(at);
      expect(g.published, `date of unit ${g.unit}`).toMatch(/^(?:\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)?$/u);
    }
  });

  it.each([...byDoc.keys()])('%s: the first and last words of every unit are in the page, in that order', (key) => {
    const units = byDoc.get(key) ?? [];
    const words = pageWords(path.join(dir, 'pages', units[0]?.file ?? key));
    for (const g of units) {
      const first = words.indexOf(foldWhiteSpace(g.first_words));
      expect(first, `first words of unit ${g.unit}: "${g.first_words}"`).toBeGreaterThanOrEqual(0);
      expect(words.indexOf(foldWhiteSpace(g.last_words), first), `last words of unit ${g.unit}: "${g.last_words}"`).toBeGreaterThanOrEqual(first);
    }
  });
}

describe.each([HELD_OUT_DIR, FRESH_HELD_OUT_DIR, NINTH_HELD_OUT_DIR])('held-out gold in %s', (dir) => {
  const gold = readThreadGold(dir);
  const byFile = new Map<string, GoldUnit[]>();
  for (const g of gold) byFile.set(g.file, [...(byFile.get(g.file) ?? []), g]);

  it('has a gold file for every kind of page and gold rows for every page', () => {
    const pages = kindsOf(dir).flatMap((kind) => readdirSync(path.join(dir, 'pages', kind)).map((f) => `${kind}/${f}`));
    expect([...byFile.keys()].sort()).toEqual(pages.sort());
    expect(readdirSync(path.join(dir, 'gold')).sort()).toEqual(kindsOf(dir).map((k) => `${k}.tsv`));
    for (const kind of kindsOf(dir)) {
      expect(readGoldUnits(path.join(dir, 'gold', `${kind}.tsv`)).filter((g) => siteKindOf(g) !== kind).map((g) => g.file), kind).toEqual([]);
    }
  });

  checkGoldOfPages(dir, byDocument(gold));
});

// The development set's saved HTML pages: a typo in their gold would lower the figure silently.
describe('gold of the saved HTML pages of the development set', () => {
  checkGoldOfPages(THREAD_SET_DIR, byDocument(readThreadGold(THREAD_SET_DIR).filter((g) => g.file.endsWith('.html'))));
});

describe('the fresh held-out set', () => {
  it('has only kinds of pages that are in neither the thread set nor the first held-out set', () => {
    const seen = new Set([...kindsOf(THREAD_SET_DIR), ...kindsOf(HELD_OUT_DIR)]);
    const fresh = kindsOf(FRESH_HELD_OUT_DIR);
    expect(fresh.filter((k) => seen.has(k))).toEqual([]);
    expect(fresh.length).toBeGreaterThanOrEqual(12);
  });
});
