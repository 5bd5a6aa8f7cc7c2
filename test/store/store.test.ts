import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, STORE_FILE } from '../../src/store/store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

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
    const store = Store.open(dir);
    expect(store.files().size).toBe(0);
    expect([...store.phraseSignatures()]).toEqual([]);
    expect(store.phraseSignatureBytes()).toBe(0);
    expect(store.counts()).toEqual({ documents: 0, units: 0, claims: 0 });
    store.close();
  });
});
