import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { run } from '../../src/run.js';
import { LOCK_FILE } from '../../src/store/run-lock.js';
import { STORE_FILE } from '../../src/store/store.js';
import { generateCorpus } from '../../scripts/generate-corpus.js';
import { optionsFor, readCsvs, tempDir } from './run-helpers.js';

const CLI = ['--import', 'tsx', 'src/cli.ts'];
const cues = loadLexicons(path.resolve('lexicons')).claims.entries.flatMap((e) => e.examples);

function startRun(corpus: string, out: string, ...flags: string[]): ChildProcess {
  return spawn(process.execPath, [...CLI, 'run', corpus, '--out', out, '--quiet', ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('a run killed or started twice', () => {
  it('refuses a second run on the same output folder at once (exit 2), while the first one finishes', async () => {
    const corpus = tempDir('corpus');
    generateCorpus(corpus, 600_000, { seed: 3, cues, format: 'txt' });
    const out = tempDir('out');
    const first = startRun(corpus, out, '--workers', '1');
    while (!existsSync(path.join(out, LOCK_FILE)) && first.exitCode === null) await sleep(20);
    expect(first.exitCode).toBeNull();
    const second = spawnSync(process.execPath, [...CLI, 'run', corpus, '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr.split('\n')[0]).toMatch(/is in use by another controverse run \(pid \d+ on /u);
    expect(await exited(first)).toBe(0);
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
  }, 240_000);

  it('keeps the previous reports and a consistent store when killed (SIGKILL) at random moments, and the next run completes', async () => {
    const corpus = tempDir('corpus');
    generateCorpus(corpus, 400_000, { seed: 5, cues, format: 'txt' });
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const previous = readCsvs(out);

    generateCorpus(path.join(corpus, 'new'), 200_000, { seed: 6, cues, format: 'txt' });
    const reference = tempDir('reference');
    await run(optionsFor(corpus, reference));
    const expected = readCsvs(reference);

    for (let attempt = 0; attempt < 5; attempt += 1) {
      const child = startRun(corpus, out, '--full');
      await sleep(300 + Math.random() * 3000);
      child.kill('SIGKILL');
      await exited(child);
      const now = readCsvs(out);
      // Each kill leaves one whole set of reports: the previous one or, if the run got that far, the new one.
      expect([previous, expected]).toContainEqual(now);
      const db = new Database(path.join(out, STORE_FILE));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }

    const last = spawnSync(process.execPath, [...CLI, 'run', corpus, '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(last.stderr).toBe('');
    expect(last.status).toBe(0);
    expect(readCsvs(out)).toEqual(expected);
  }, 300_000);
});
