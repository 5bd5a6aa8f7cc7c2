import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { trimWalToCommitted } from '../../src/store/trim-wal.js';
import { LOCK_FILE } from '../../src/store/run-lock.js';
import { STORE_FILE } from '../../src/store/store.js';
import { optionsFor, tempDir } from '../run/run-helpers.js';

// #18: on a full disk the WAL of the failed transaction took all the free space and stayed there.

/** A small tmpfs at a fresh folder, or undefined when this process may not mount one (not root). */
function smallDisk(megabytes: number): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = tempDir('disk');
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).status === 0 ? dir : undefined;
}

describe('the store on a full disk (#18)', () => {
  it('cuts the frames of a failed transaction from the WAL, keeping what was committed', () => {
    const file = path.join(tempDir('wal'), 'x.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('cache_size = 8'); // pages spill into the WAL before the commit
    db.exec('CREATE TABLE t (x TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('committed');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    expect(() => db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(2000));
      throw new Error('the disk is full');
    })()).toThrow('the disk is full');
    const before = statSync(`${file}-wal`).size;
    expect(before).toBeGreaterThan(1 << 20);
    expect(trimWalToCommitted(file)).toBe(true);
    expect(statSync(`${file}-wal`).size).toBeLessThan(64 * 1024);
    expect(trimWalToCommitted(file)).toBe(false);
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual(['committed']);
    db.close();
    const again = new Database(file);
    expect(again.prepare('SELECT x FROM t').pluck().all()).toEqual(['committed']);
    expect(again.pragma('quick_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('leaves no large WAL and no lock behind when the disk fills up during a run (a tmpfs, as root)', async (ctx) => {
    const out = smallDisk(4);
    if (out === undefined) {
      ctx.skip();
      return;
    }
    try {
      const corpus = tempDir('corpus');
      mkdirSync(path.join(corpus, 'c'));
      // 1.4 MB of short documents: their store takes several times that.
      for (let f = 0; f < 20; f += 1) {
        const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `Le cloud souverain de la page ${f} coûtera des milliards dilapidés, ${i} fois plus que prévu.`, comments: [{ id: 'c', text: `Encore un gaspillage ${i} ! Cette fois ça va marcher ${f}.` }] }));
        writeFileSync(path.join(corpus, 'c', `f${f}.jsonl`), lines.join('\n'));
      }
      await expect(run(optionsFor(corpus, out, { workers: 1 }))).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_FULL|^ENOSPC/u) as unknown });
      const left = Object.fromEntries(readdirSync(out).map((f) => [f, statSync(path.join(out, f)).size]));
      expect(left[`${STORE_FILE}-wal`] ?? 0).toBeLessThan(64 * 1024);
      expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
      const db = new Database(path.join(out, STORE_FILE), { readonly: true });
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      spawnSync('umount', [out]);
    }
  }, 120_000);
});
