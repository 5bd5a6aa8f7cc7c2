import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOfRun } from '../../src/ingest/shard-of.js';
import { loadRunLexicons } from '../../src/lexicon/run-lexicons.js';
import { run } from '../../src/run.js';
import { analysisKey, pipelineHash } from '../../src/store/analysis-key.js';
import { unpackDocument } from '../../src/store/pack.js';
import { Store } from '../../src/store/store.js';
import { updateStore } from '../../src/store/update-store.js';
import { DOCUMENT_CSVS, writeDocumentCsvs } from '../../src/store/write-document-csvs.js';
import { copyCorpus, optionsFor, tempDir } from '../run/run-helpers.js';

const csvsIn = (dir: string): string[] => DOCUMENT_CSVS.map((f) => readFileSync(path.join(dir, f), 'utf8'));

/** Bring the store of `out` up to date with `corpus` as a run does, then write its per-document CSVs into a new folder, counting unpacks. */
async function rewrite(corpus: string, out: string): Promise<{ unpacked: number; dir: string; documents: number }> {
  const options = optionsFor(corpus, out, { workers: 1 });
  const lexicons = loadRunLexicons(options.lexiconDir, {});
  const { files } = filesOfRun(options.inputs, undefined, { outDir: out, followLinks: false });
  const key = analysisKey({ pipeline: pipelineHash(), lexicons: lexicons.files, langDetector: options.langDetector, fields: undefined });
  const { store } = Store.open(out);
  try {
    await updateStore(store, files, key, options);
    let unpacked = 0;
    const dir = tempDir('csvs');
    writeDocumentCsvs(store, dir, { spreadsheet: false }, out, { unpack: (packed) => ((unpacked += 1), unpackDocument(packed)) });
    return { unpacked, dir, documents: store.counts().documents };
  } finally {
    store.close();
  }
}

describe('the per-document CSVs of a rerun', () => {
  it('unpack only the new and changed documents, copy the others from the reports they replace, and equal a full run', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    cpSync(path.join(corpus, 'pages', '001_f0eed57cc5c25b8c.txt'), path.join(corpus, 'pages', 'copy-of-001.txt'));
    const changedPage = path.join(corpus, 'pages', '003_9fa0ee35a58430c9.txt');
    writeFileSync(changedPage, readFileSync(changedPage, 'utf8').replace('L’Europe se ridiculise.', 'L’Europe se ridiculise. Encore des milliards dilapidés pour rien.'));
    rmSync(path.join(corpus, 'pages', '004_6ccc96158d268618.txt'));

    const rerun = await rewrite(corpus, out);
    expect(rerun.unpacked).toBe(2); // one page each: the copy and the changed page
    expect(rerun.documents).toBeGreaterThan(5);
    const fullOut = tempDir('out-full');
    await run(optionsFor(corpus, fullOut));
    expect(csvsIn(rerun.dir)).toEqual(csvsIn(fullOut));
  });

  it('unpack every document when a report they would copy from was edited, and still equal a full run', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const units = path.join(out, 'units.csv');
    writeFileSync(units, readFileSync(units, 'utf8').replace('Europe', 'Eurape')); // same size, other bytes
    const rerun = await rewrite(corpus, out);
    expect(rerun.unpacked).toBe(rerun.documents);
    const fullOut = tempDir('out-full');
    await run(optionsFor(corpus, fullOut));
    expect(csvsIn(rerun.dir)).toEqual(csvsIn(fullOut));
  });

  it('copy nothing into a run in another CSV dialect', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const { store } = Store.open(out);
    try {
      let unpacked = 0;
      const dir = tempDir('csvs');
      writeDocumentCsvs(store, dir, { spreadsheet: true }, out, { unpack: (packed) => ((unpacked += 1), unpackDocument(packed)) });
      expect(unpacked).toBe(store.counts().documents);
    } finally {
      store.close();
    }
  });
});
