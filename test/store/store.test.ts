import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysedDocument } from '../../src/model.js';
import { run } from '../../src/run.js';
import { packDocument, unpackDocument, unpackText } from '../../src/store/pack.js';
import { mentionRecords } from '../../src/report/build-rows.js';
import { documentFigures } from '../../src/report/html/aggregate-report.js';
import { SCHEMA_VERSION, Store, STORE_FILE } from '../../src/store/store.js';
import { toStoredDocument } from '../../src/store/stored-document.js';
import { copyCorpus, optionsFor, readCsvs, tempDir } from '../run/run-helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function analysedDocument(): AnalysedDocument {
  const unit = (position: number, text: string) => ({
    id: `d#${position}`, docId: 'd', position, kind: position === 0 ? 'article' as const : 'comment' as const, depth: 0, text,
    ...(position === 0 ? {} : { author: 'Zoé' }),
  });
  const units = [unit(0, 'Un article « entier », avec des accents.'), unit(1, 'Un commentaire.\nSur deux lignes 😀')];
  return {
    document: { id: 'd', file: 'd.txt', sha256: 'ab', title: 'Titre', units },
    lang: { code: 'fra', score: 0.9 },
    units: units.map((u) => ({
      unit: u, lang: { code: 'fra', score: 1 }, nTokens: 3,
      stances: [{ stance: 'sceptical', score: 1, label: 1, hits: 1, evidence: '"accents" [x]' }],
      claims: [{ claimId: 'c', unitId: u.id, span: { start: 0, end: 2 }, match: 'Un', negated: false }],
    })),
  };
}

describe('pack', () => {
  it('gives back the analysed document it packed, the units shared with the document', () => {
    const doc = analysedDocument();
    const analysis = unpackDocument(packDocument(doc));
    expect(analysis).toEqual(doc);
    expect(analysis.document.units[1]).toBe(analysis.units[1]!.unit);
  });

  it('keeps each text only once in the packed analysis, and no CSV rows', () => {
    const json = unpackText(packDocument(analysedDocument()));
    expect(json.split('Un commentaire.').length - 1).toBe(1);
    expect(JSON.parse(json)).not.toHaveProperty('rows');
  });
});

describe('Store', () => {
  it('rebuilds a store of another schema version from scratch, its phrase tables included', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-store-'));
    dirs.push(dir);
    const old = new Database(path.join(dir, STORE_FILE));
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '0');
      CREATE TABLE files (path TEXT PRIMARY KEY); INSERT INTO files VALUES ('old.txt');
      CREATE TABLE documents (path TEXT NOT NULL, ord INTEGER NOT NULL, analysis TEXT NOT NULL);
      CREATE TABLE phrase_sketch (covers TEXT NOT NULL, part INTEGER NOT NULL, counters BLOB NOT NULL); INSERT INTO phrase_sketch VALUES ('c', 0, x'00');`);
    old.close();
    const { store, rebuiltFrom } = Store.open(dir);
    expect(rebuiltFrom).toBe(0);
    expect(store.files().size).toBe(0);
    expect([...store.phraseSignatures()]).toEqual([]);
    expect(store.phraseSignatureWords()).toBe(0);
    expect(store.counts()).toEqual({ documents: 0, units: 0, claims: 0 });
    store.close();
    const again = Store.open(dir);
    expect(again.rebuiltFrom).toBeUndefined();
    again.store.close();
  });

  it("gives back each document's report figures and claim mentions, together, in report order", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-store-'));
    dirs.push(dir);
    const { store } = Store.open(dir);
    const doc = analysedDocument();
    const other = { ...doc, document: { ...doc.document, id: 'a' }, units: doc.units.map((u) => ({ ...u, claims: [] })) };
    const file = { sha256: 'ab', bytes: 1, size: 1, mtimeMs: 0, ino: 0, hashedAt: 0, analysisKey: 'k', diagnostics: [] };
    store.putFiles([{ ...file, path: 'd.txt', documents: [toStoredDocument(doc)] }, { ...file, path: 'a.txt', documents: [toStoredDocument(other)] }]);
    const parts = [...store.reportParts()];
    expect(parts.map((p) => p.path)).toEqual(['a.txt', 'd.txt']);
    expect(parts[0]!.mentions).toEqual([]);
    expect(parts[1]!.mentions).toEqual(JSON.parse(JSON.stringify(mentionRecords(doc))));
    expect(parts[1]!.mentions).toHaveLength(2);
    expect(parts[1]!.figures).toEqual(JSON.parse(JSON.stringify(documentFigures(doc))));
    store.close();
  });

  it('writes a new phrase state into the pages the old one freed: the file does not grow by a state each rerun', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-store-'));
    dirs.push(dir);
    const { store } = Store.open(dir);
    // Random bytes, the size of a few hundred pages: they cannot share pages with the old ones.
    const state = (seed: number): Uint8Array => Uint8Array.from({ length: 2_000_000 }, (_, i) => (Math.imul(i + seed, 2654435761) >>> 13) & 0xff);
    store.setPhraseState(state(1));
    const pages = (): number => {
      const reader = new Database(path.join(dir, STORE_FILE), { readonly: true });
      const count = reader.pragma('page_count', { simple: true }) as number;
      reader.close();
      return count;
    };
    const after1 = pages();
    store.setPhraseState(state(2));
    store.setPhraseState(state(3));
    expect(pages()).toBeLessThan(after1 + 100);
    expect(Buffer.from(store.phraseState()!).equals(Buffer.from(state(3)))).toBe(true);
    store.close();
  });

  it('rebuilds a store of the previous schema on the next run, says so, and writes the reports of a fresh run', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    const fresh = tempDir('fresh');
    dirs.push(corpus, out, fresh);
    expect((await run(optionsFor(corpus, out))).storeRebuiltFrom).toBeUndefined();
    const db = new Database(path.join(out, STORE_FILE));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(String(SCHEMA_VERSION - 1));
    db.close();
    const rerun = await run(optionsFor(corpus, out));
    expect(rerun.storeRebuiltFrom).toBe(SCHEMA_VERSION - 1);
    expect(rerun.changes.added).toHaveLength(9);
    await run(optionsFor(corpus, fresh));
    expect(readCsvs(out)).toEqual(readCsvs(fresh));
  });

  it('keeps the analyses and CSV rows of the sample corpus in less than twice its size', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    dirs.push(corpus, out);
    await run(optionsFor(corpus, out));
    const corpusBytes = readdirSync(corpus, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0);
    const db = new Database(path.join(out, STORE_FILE), { readonly: true });
    const stored = db.prepare('SELECT sum(length(packed)) FROM documents').pluck().get() as number;
    db.close();
    // Uncompressed, the analysis alone held every text twice and the CSV rows a third time (6× the
    // corpus). These pages are small (3 KB) and compress less well on their own than the bench's.
    expect(stored).toBeLessThan(2 * corpusBytes);
  });
});
