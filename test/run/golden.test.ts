import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, type RunOptions } from '../../src/options.js';
import { run } from '../../src/run.js';
import type { RunSummary } from '../../src/pipeline/run-summary.js';
import { REPORT_FILES } from '../../src/report/outputs.js';
import { STORE_FILE } from '../../src/store/store.js';

const CSVS = REPORT_FILES.filter((f) => f.endsWith('.csv'));

async function runOn(corpus: string): Promise<{ out: string; summary: RunSummary }> {
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-out-'));
  const options: RunOptions = {
    inputs: [path.resolve(corpus)], outDir: out, lexiconDir: path.resolve('lexicons'),
    langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'],
  };
  return { out, summary: await run(options) };
}

describe.each(['basic', 'layouts', 'structured'])('the whole pipeline on the "%s" fixture corpus', (name) => {
  let out = '';
  let summary: RunSummary;
  beforeAll(async () => ({ out, summary } = await runOn(`test/fixtures/corpora/${name}`)));

  it.each(CSVS)('writes %s as reviewed', async (file) => {
    await expect(readFileSync(path.join(out, file), 'utf8')).toMatchFileSnapshot(`../fixtures/golden/${name}/${file}`);
  });

  it('writes every file of the contract, the store, and no temporary file', () => {
    expect(readdirSync(out).sort()).toEqual([...REPORT_FILES, STORE_FILE].sort());
  });

  it('gives byte-identical CSVs on a second run', async () => {
    const again = await runOn(`test/fixtures/corpora/${name}`);
    for (const file of CSVS) expect(readFileSync(path.join(again.out, file), 'utf8')).toBe(readFileSync(path.join(out, file), 'utf8'));
    expect(again.summary).toMatchObject({ ...summary, outDir: again.out });
  });
});

describe('the basic corpus', () => {
  let out = '';
  let summary: RunSummary;
  beforeAll(async () => ({ out, summary } = await runOn('test/fixtures/corpora/basic')));

  it('reports the empty and the binary file as errors and still analyses the rest', () => {
    const diagnostics = readFileSync(path.join(out, 'diagnostics.csv'), 'utf8');
    expect(diagnostics).toMatch(/error,empty-file,empty,/);
    expect(diagnostics).toMatch(/error,binary-file,image,/);
    expect(summary.errors).toBe(2);
    expect(summary.documents).toBe(2);
  });

  it('decodes Windows-1252 text', () => {
    expect(readFileSync(path.join(out, 'units.csv'), 'utf8')).toContain('souveraineté numérique');
  });

  it('records inputs and lexicon versions in the manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      inputs: { file: string }[]; lexicons: { path: string; version: number }[]; counts: Record<string, number>;
    };
    expect(manifest.inputs.map((i) => i.file)).toEqual(['article.txt', 'empty.txt', 'image.png', 'sub/latin1.txt']);
    // A small corpus never fills the phrase tables: the floor stays at the default two voices.
    expect(manifest.counts.phrase_admission_floor).toBe(2);
    expect(manifest.lexicons.length).toBe(7); // negation, three stances, intensifiers, claims, function words
  });
});
