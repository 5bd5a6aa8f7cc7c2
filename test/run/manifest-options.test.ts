import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { optionsFor, tempDir } from './run-helpers.js';

const manifestOptions = (out: string): Record<string, unknown> =>
  (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { options: Record<string, unknown> }).options;

describe('the manifest options', () => {
  it('record --worker-memory and --fields (fields by name), and null when they are not given', async () => {
    const corpus = path.resolve('test/fixtures/corpora/structured');
    const given = tempDir('manifest-given');
    await run(optionsFor(corpus, given, { workers: 1, workerMemoryMb: 256, fields: { title: 'titre', text: 'corps' } }));
    expect(manifestOptions(given)).toMatchObject({ worker_memory_mb: 256, fields: { text: 'corps', title: 'titre' } });
    expect(Object.keys(manifestOptions(given).fields as object)).toEqual(['text', 'title']);
    const plain = tempDir('manifest-plain');
    await run(optionsFor(corpus, plain, { workers: 1 }));
    expect(manifestOptions(plain)).toMatchObject({ worker_memory_mb: null, fields: null });
  });
});
