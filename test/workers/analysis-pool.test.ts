import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../src/ingest/list-corpus.js';
import { loadRunLexicons, type RunLexicons } from '../../src/lexicon/run-lexicons.js';
import { filesOfRun } from '../../src/ingest/shard-of.js';
import { openOutput } from '../../src/store/open-output.js';
import { updateStore } from '../../src/store/update-store.js';
import { run } from '../../src/run.js';
import { unpackDocument } from '../../src/store/pack.js';
import { STORE_FILE } from '../../src/store/store.js';
import { analyseOnWorkers, runOnWorker, type AnalysisReply, type AnalysisTask } from '../../src/workers/analysis-pool.js';
import type { PhrasesJob, PhrasesResult } from '../../src/workers/phrases-worker.js';
import { optionsFor, tempDir } from '../run/run-helpers.js';

describe('the analysis worker pool', () => {
  it('loads the TypeScript worker entry under vitest and analyses every file on two threads', async () => {
    const files = listCorpus([path.resolve('corpus')]);
    const first = files[0]!;
    const tasks: AnalysisTask[] = [
      ...files.map((f, id) => ({ id, path: f.relative, absolute: f.absolute })),
      { id: files.length, path: first.relative, absolute: first.absolute, knownSha256: createHash('sha256').update(readFileSync(first.absolute)).digest('hex') },
    ];
    const replies: AnalysisReply[] = [];
    await analyseOnWorkers(2, optionsFor('corpus', tempDir('out')), tasks.values(), (r) => replies.push(r));
    expect(replies).toHaveLength(tasks.length);
    const byId = new Map(replies.map((r) => [r.id, r]));
    for (const f of files) {
      const r = byId.get(files.indexOf(f));
      expect(r?.kind).toBe('analysed');
      if (r?.kind === 'analysed') {
        expect(r.sha256).toBe(createHash('sha256').update(readFileSync(f.absolute)).digest('hex'));
        const analysis = unpackDocument(r.documents[0]!.packed);
        expect(analysis.document.id).toBe(r.documents[0]?.docId);
        expect(analysis.units).toHaveLength(r.documents[0]!.nUnits);
      }
    }
    // A file whose hash the store already knows is hashed, not analysed.
    expect(byId.get(files.length)?.kind).toBe('unchanged');
  });

  it('analyses with the lexicons the main thread read, without reading the lexicon folder itself', async () => {
    const lexicons = loadRunLexicons(path.resolve('lexicons'));
    const files = listCorpus([path.resolve('corpus')]);
    const tasks: AnalysisTask[] = files.map((f, id) => ({ id, path: f.relative, absolute: f.absolute }));
    const analyse = async (lexiconDir: string, handed?: RunLexicons): Promise<AnalysisReply[]> => {
      const replies: AnalysisReply[] = [];
      await analyseOnWorkers(1, { ...optionsFor('corpus', tempDir('out')), lexiconDir }, tasks.values(), (r) => replies.push(r), handed === undefined ? {} : { lexicons: handed });
      // hashedAt is the clock's, not the analysis'.
      return replies.sort((a, b) => a.id - b.id).map((r) => ({ ...r, hashedAt: 0 }));
    };
    // The folder named in the options is not there: only the lexicons handed over can be used.
    const handed = await analyse(path.join(tempDir('no-lexicons'), 'lexicons'), lexicons);
    expect(handed.every((r) => r.kind === 'analysed' && r.documents.length > 0)).toBe(true);
    expect(handed).toEqual(await analyse(path.resolve('lexicons')));
  }, 60_000);

  it('turns a file it cannot read into an unreadable-file diagnostic', async () => {
    const tasks: AnalysisTask[] = [{ id: 0, path: 'x.txt', absolute: path.resolve('corpus') }];
    // Reading a folder fails like an unreadable file: a diagnostic, not a crash.
    const replies: AnalysisReply[] = [];
    await analyseOnWorkers(1, optionsFor('corpus', tempDir('out')), tasks.values(), (r) => replies.push(r));
    expect(replies[0]).toMatchObject({ kind: 'analysed', sha256: '', diagnostics: [{ code: 'unreadable-file', file: 'x.txt' }] });
  });

  it('runs a job again without its heap cap when the capped thread runs out of memory, with the same result', async () => {
    const out = tempDir('out');
    await run(optionsFor('corpus', out));
    const job: PhrasesJob = { storeFile: path.join(out, STORE_FILE) };
    const free = await runOnWorker<PhrasesResult>('phrases-worker', job);
    expect(free.phrases.length).toBeGreaterThan(0);
    // 1 MB cannot even hold the thread's start-up: it stops with ERR_WORKER_OUT_OF_MEMORY.
    const capped = await runOnWorker<PhrasesResult>('phrases-worker', job, 1);
    expect(capped.phrases).toEqual(free.phrases);
  }, 60_000);

  it('counts phrases from the stored phrase state and the signatures retired since, as a count from scratch does', async () => {
    const out = tempDir('out');
    await run(optionsFor('corpus', out));
    const storeFile = path.join(out, STORE_FILE);
    const output = openOutput(out);
    try {
      expect(output.store.phraseState()).toBeDefined();
      const [gone] = [...output.store.files().keys()].sort();
      output.store.removeFiles([gone!]);
    } finally {
      output.close();
    }
    const recounted = await runOnWorker<PhrasesResult>('phrases-worker', { storeFile } satisfies PhrasesJob);
    const scratch = await runOnWorker<PhrasesResult>('phrases-worker', { storeFile, full: true } satisfies PhrasesJob);
    expect(recounted.recounted).toBe(true);
    expect(scratch.recounted).toBe(false);
    expect(recounted.phrases.length).toBeGreaterThan(0);
    expect(recounted.phrases).toEqual(scratch.phrases);
  }, 60_000);

  it('stops with the thread’s own error, blaming no file, when a thread dies starting up', async () => {
    const replies: AnalysisReply[] = [];
    const [a] = listCorpus([path.resolve('corpus')]);
    const tasks: AnalysisTask[] = [{ id: 0, path: a!.relative, absolute: a!.absolute }];
    // 8 MB cannot hold the lexicons and the detector.
    await expect(analyseOnWorkers(1, optionsFor('corpus', tempDir('out')), tasks.values(), (r) => replies.push(r), { resourceLimits: { maxOldGenerationSizeMb: 8 } }))
      .rejects.toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(replies).toEqual([]);
  }, 60_000);

  it('starts no more analysis threads than files, whatever --workers asks (#18)', async () => {
    const corpus = tempDir('three');
    mkdirSync(path.join(corpus, 'c'));
    for (const name of ['a', 'b', 'c/d']) writeFileSync(path.join(corpus, `${name}.txt`), `Un cloud souverain pour ${name}.\n`);
    const threadsFor = async (workers: number): Promise<number> => {
      const out = tempDir('out');
      const { files } = filesOfRun([corpus], undefined, { outDir: out });
      const output = openOutput(out);
      try {
        return (await updateStore(output.store, files, 'key', optionsFor(corpus, out, { workers }))).threads;
      } finally {
        output.close();
      }
    };
    expect(await threadsFor(64)).toBe(3);
    expect(await threadsFor(2)).toBe(2);
  }, 60_000);

  it('starts one analysis thread on a rerun with little to analyse, as many as asked on a first run', async () => {
    const corpus = tempDir('rerun');
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(path.join(corpus, `${name}.txt`), `Un cloud souverain pour ${name}.\n`);
    const out = tempDir('out');
    const threadsOfRun = async (): Promise<number> => {
      const { files } = filesOfRun([corpus], undefined, { outDir: out });
      const output = openOutput(out);
      try {
        return (await updateStore(output.store, files, 'key', optionsFor(corpus, out, { workers: 2 }))).threads;
      } finally {
        output.close();
      }
    };
    expect(await threadsOfRun()).toBe(2);
    for (const name of ['e', 'f', 'g']) writeFileSync(path.join(corpus, `${name}.txt`), `Un cloud souverain pour ${name}.\n`);
    expect(await threadsOfRun()).toBe(1);
  }, 60_000);
});
