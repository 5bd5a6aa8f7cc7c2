import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, STORE_FILE, type FileRecord } from '../../src/store/store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-store-'));
  dirs.push(dir);
  return dir;
}

const csv = { dialect: 'rfc4180', documents: '', units: '', stances: '', mentions: '' };
function record(file: string, docs: { docId: string; phraseUnits: string | null }[]): FileRecord {
  return {
    path: file, sha256: 'x', bytes: 1, size: 1, mtimeMs: 0, hashedAt: 0, analysisKey: 'k', diagnostics: [],
    documents: docs.map((d) => ({ ...d, nUnits: 1, nClaims: 0, analysis: '{}', claims: null, csv })),
  };
}

describe('Store', () => {
  it("streams each document's phrase units in report order, leaving out documents without any", () => {
    const store = Store.open(tempDir());
    store.putFiles([record('b.txt', [{ docId: 'b', phraseUnits: '[["b#0",null,"deux"]]' }]), record('a.txt', [{ docId: 'a', phraseUnits: '[["a#0","x","un"]]' }, { docId: 'a2', phraseUnits: null }])]);
    expect([...store.phraseUnits()]).toEqual([{ docId: 'a', json: '[["a#0","x","un"]]' }, { docId: 'b', json: '[["b#0",null,"deux"]]' }]);
    store.close();
  });

  it('rebuilds a store of an older schema from scratch, its phrase sketch included', () => {
    const dir = tempDir();
    const old = new Database(path.join(dir, STORE_FILE));
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '1');
      CREATE TABLE files (path TEXT PRIMARY KEY); INSERT INTO files VALUES ('old.txt');
      CREATE TABLE documents (path TEXT NOT NULL, ord INTEGER NOT NULL, analysis TEXT NOT NULL);
      CREATE TABLE phrase_sketch (covers TEXT NOT NULL, part INTEGER NOT NULL, counters BLOB NOT NULL); INSERT INTO phrase_sketch VALUES ('c', 0, x'00');`);
    old.close();
    const store = Store.open(dir);
    expect(store.files().size).toBe(0);
    expect(store.phraseSketch('c')).toBeUndefined();
    store.putFiles([record('a.txt', [{ docId: 'a', phraseUnits: '[]' }])]);
    expect([...store.phraseUnits()]).toHaveLength(1);
    store.close();
  });
});
