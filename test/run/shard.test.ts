import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../src/ingest/list-corpus.js';
import { run } from '../../src/run.js';
import { MergeError, mergeShards } from '../../src/pipeline/merge-shards.js';
import { shardOf } from '../../src/ingest/shard-of.js';
import { copyCorpus, optionsFor, readCsvs, tempDir } from './run-helpers.js';

describe('sharded runs and merge', () => {
  it('puts every file in exactly one shard, the same one every time', () => {
    const files = listCorpus([path.resolve('corpus'), path.resolve('test/fixtures/corpora/basic')]).map((f) => f.relative);
    for (const f of files) {
      const k = shardOf(f, 3);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(3);
      expect(shardOf(f, 3)).toBe(k);
    }
  });

  it('gives, once merged, the same CSVs as one run over the whole corpus', async () => {
    const corpus = copyCorpus();
    const whole = tempDir('whole');
    await run(optionsFor(corpus, whole));
    const shards = [1, 2, 3].map((index) => tempDir(`shard-${index}`));
    const files: number[] = [];
    for (const [i, dir] of shards.entries()) {
      const s = await run(optionsFor(corpus, dir, { shard: { index: i + 1, count: 3 } }));
      files.push(s.files);
    }
    expect(files.reduce((a, b) => a + b, 0)).toBe(9);
    const merged = tempDir('merged');
    const summary = await mergeShards({ ...optionsFor(corpus, merged), shardDirs: shards });
    expect(summary.files).toBe(9);
    expect(readCsvs(merged)).toEqual(readCsvs(whole));

    await expect(mergeShards({ ...optionsFor(corpus, merged), shardDirs: shards.slice(0, 2) })).rejects.toThrow(MergeError);
    await expect(mergeShards({ ...optionsFor(corpus, merged), shardDirs: [whole] })).rejects.toThrow(/not made by a run with --shard/u);
  });

  it('merges shards run with --fields only when merge is given the same --fields (the field map is part of the analysis key)', async () => {
    const corpus = copyCorpus();
    const fields = { text: 'corps' };
    const shards = [1, 2].map((index) => tempDir(`fields-shard-${index}`));
    for (const [i, dir] of shards.entries()) await run(optionsFor(corpus, dir, { shard: { index: i + 1, count: 2 }, fields }));
    await expect(mergeShards({ ...optionsFor(corpus, tempDir('fields-merged-without')), shardDirs: shards })).rejects.toThrow(/--fields/u);
    await expect(mergeShards({ ...optionsFor(corpus, tempDir('fields-merged-other'), { fields: { text: 'autre' } }), shardDirs: shards })).rejects.toThrow(MergeError);
    const merged = await mergeShards({ ...optionsFor(corpus, tempDir('fields-merged'), { fields }), shardDirs: shards });
    expect(merged.files).toBe(9);
  });

  it('keeps the corpus listing\'s rows (links out of the corpus, pipes) once in the merged diagnostics (#18)', async () => {
    const corpus = tempDir('listing');
    cpSync('corpus', path.join(corpus, 'pages'), { recursive: true });
    symlinkSync(path.resolve('README.md'), path.join(corpus, 'outside.txt'));
    const fifo = spawnSync('mkfifo', [path.join(corpus, 'pipe.txt')]).status === 0;
    const whole = tempDir('whole');
    await run(optionsFor(corpus, whole, { workers: 1 }));
    const shards = [1, 2].map((index) => tempDir(`shard-${index}`));
    for (const [i, dir] of shards.entries()) await run(optionsFor(corpus, dir, { workers: 1, shard: { index: i + 1, count: 2 } }));
    const merged = tempDir('merged');
    await mergeShards({ ...optionsFor(corpus, merged, { workers: 1 }), shardDirs: shards });
    const diagnostics = readFileSync(path.join(merged, 'diagnostics.csv'), 'utf8');
    expect(diagnostics.match(/,link-outside-corpus,.*,outside\.txt,/gu)).toHaveLength(1);
    if (fifo) expect(diagnostics.match(/,special-file,.*,pipe\.txt,/gu)).toHaveLength(1);
    expect(readCsvs(merged)).toEqual(readCsvs(whole));
  }, 120_000);

  it('exits 2 on a malformed --shard and on merging an incomplete job', () => {
    const cli = (...args: string[]): ReturnType<typeof spawnSync> => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
    expect(cli('run', 'corpus', '--shard', '4/3').status).toBe(2);
    expect(cli('run', 'corpus', '--workers', '0').status).toBe(2);
    const r = cli('merge', tempDir('empty'), '--out', tempDir('merged'));
    expect(r.status).toBe(2);
    expect(String(r.stderr)).toMatch(/no controverse\.sqlite/u);
  });
});
