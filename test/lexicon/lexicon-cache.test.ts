import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconCacheKey, loadRunLexiconsCached, packLexicons, unpackLexicons } from '../../src/lexicon/lexicon-cache.js';
import { loadRunLexicons } from '../../src/lexicon/run-lexicons.js';
import { run } from '../../src/run.js';
import { peekLexiconCache } from '../../src/store/peek-lexicon-cache.js';
import { copyCorpus, optionsFor, readCsvs, tempDir } from '../run/run-helpers.js';

/** A writable copy of the shipped lexicons. */
function copyLexicons(): string {
  const dir = path.join(tempDir('lexicon-cache'), 'lexicons');
  cpSync('lexicons', dir, { recursive: true });
  return dir;
}

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
}

/** sceptical.mensonge (found on the first sample page) weighs 4 instead of 1. */
const heavierLie = (text: string): string => text.replace('  - id: sceptical.mensonge\n', '  - id: sceptical.mensonge\n    weight: 4\n');

describe('the lexicon cache', () => {
  it('has a key that changes with any file of the folder or of stances/, the fitted option, the code', () => {
    const dir = copyLexicons();
    const key = lexiconCacheKey(dir, {}, 'code');
    expect(key).toMatch(/^[0-9a-f]{64}$/u);
    expect(lexiconCacheKey(dir, {}, 'code')).toBe(key);
    expect(lexiconCacheKey(dir, { fitted: true }, 'code')).toBe(key);
    const keys = new Set([key]);
    const differs = (k: string | undefined): void => {
      expect(k).toBeDefined();
      expect(keys.has(k!)).toBe(false);
      keys.add(k!);
    };
    differs(lexiconCacheKey(dir, { fitted: false }, 'code'));
    differs(lexiconCacheKey(dir, {}, 'other code'));
    edit(path.join(dir, 'stances', 'sceptical.fr.yaml'), heavierLie);
    differs(lexiconCacheKey(dir, {}, 'code'));
    edit(path.join(dir, 'function-words.fr.yaml'), (t) => `${t}\n`);
    differs(lexiconCacheKey(dir, {}, 'code'));
    writeFileSync(path.join(dir, 'stances', 'other.fr.yaml'), 'version: 1\n');
    differs(lexiconCacheKey(dir, {}, 'code'));
    writeFileSync(path.join(dir, 'fitted.yaml'), 'format: 1\n');
    differs(lexiconCacheKey(dir, {}, 'code'));
    expect(lexiconCacheKey(path.join(dir, 'missing'), {}, 'code')).toBeUndefined();
  });

  it('gives the cached lexicons when the key is the folder’s, without reading it, and reads the folder otherwise', () => {
    const dir = copyLexicons();
    const other = copyLexicons();
    edit(path.join(other, 'stances', 'sceptical.fr.yaml'), heavierLie);
    const first = loadRunLexiconsCached(dir, {}, 'code', undefined);
    expect(first.store?.key).toBe(lexiconCacheKey(dir, {}, 'code'));
    expect(unpackLexicons(first.store!.data).files).toEqual(loadRunLexicons(dir).files);
    // A cache under this folder's key is taken as it is: here, the other folder's lexicons.
    const otherFiles = loadRunLexicons(other).files;
    const hit = loadRunLexiconsCached(dir, {}, 'code', { key: first.store!.key, data: packLexicons(loadRunLexicons(other)) });
    expect(hit.store).toBeUndefined();
    expect(hit.lexicons.files).toEqual(otherFiles);
    // Under another key (the code changed), or unreadable, the folder is read and a new cache made.
    const miss = loadRunLexiconsCached(dir, {}, 'new code', { key: first.store!.key, data: packLexicons(loadRunLexicons(other)) });
    expect(miss.lexicons.files).toEqual(loadRunLexicons(dir).files);
    expect(miss.store?.key).toBe(lexiconCacheKey(dir, {}, 'new code'));
    const broken = loadRunLexiconsCached(dir, {}, 'code', { key: first.store!.key, data: 'not a cache' });
    expect(broken.lexicons.files).toEqual(loadRunLexicons(dir).files);
  });

  it('is kept by a run, and a rerun after a lexicon file changed writes what a full run with it writes', async () => {
    const corpus = copyCorpus();
    const lexiconDir = copyLexicons();
    const out = tempDir('out');
    await run(optionsFor(corpus, out, { lexiconDir }));
    const kept = peekLexiconCache(out);
    expect(kept?.key).toBeDefined();
    const before = readCsvs(out);
    // Nothing changed: the cache is used and the reports stay those of a full run.
    await run(optionsFor(corpus, out, { lexiconDir }));
    expect(peekLexiconCache(out)).toEqual(kept);
    expect(readCsvs(out)).toEqual(before);

    edit(path.join(lexiconDir, 'stances', 'sceptical.fr.yaml'), heavierLie);
    const rerun = await run(optionsFor(corpus, out, { lexiconDir }));
    expect(rerun.changes.reused).toBe(0);
    expect(peekLexiconCache(out)?.key).not.toBe(kept?.key);
    const fresh = tempDir('out-fresh');
    await run(optionsFor(corpus, fresh, { lexiconDir }));
    expect(readCsvs(out)).toEqual(readCsvs(fresh));
    expect(readCsvs(out)['stances.csv']).not.toEqual(before['stances.csv']);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { lexicons: unknown };
    expect(manifest.lexicons).toEqual(JSON.parse(readFileSync(path.join(fresh, 'manifest.json'), 'utf8')).lexicons);
  }, 120_000);
});
