import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, type RunOptions } from '../../src/options.js';
import { REPORT_FILES, run } from '../../src/run.js';

const CSVS = REPORT_FILES.filter((f) => f.endsWith('.csv'));

function runOn(corpus: string): { out: string; summary: ReturnType<typeof run> } {
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-out-'));
  const options: RunOptions = {
    inputs: [path.resolve(corpus)], outDir: out, lexiconDir: path.resolve('lexicons'),
    langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'],
  };
  return { out, summary: run(options) };
}

describe.each(['basic', 'layouts', 'structured'])('the whole pipeline on the "%s" fixture corpus', (name) => {
  const { out, summary } = runOn(`test/fixtures/corpora/${name}`);

  it.each(CSVS)('writes %s as reviewed', async (file) => {
    await expect(readFileSync(path.join(out, file), 'utf8')).toMatchFileSnapshot(`../fixtures/golden/${name}/${file}`);
  });

  it('writes every file of the contract and no temporary file', () => {
    expect(readdirSync(out).sort()).toEqual([...REPORT_FILES].sort());
  });

  it('gives byte-identical CSVs on a second run', () => {
    const again = runOn(`test/fixtures/corpora/${name}`);
    for (const file of CSVS) expect(readFileSync(path.join(again.out, file), 'utf8')).toBe(readFileSync(path.join(out, file), 'utf8'));
    expect(again.summary).toMatchObject({ ...summary, outDir: again.out });
  });
});

describe('the basic corpus', () => {
  const { out, summary } = runOn('test/fixtures/corpora/basic');

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
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { inputs: { file: string }[]; lexicons: { path: string; version: number }[] };
    expect(manifest.inputs.map((i) => i.file)).toEqual(['article.txt', 'empty.txt', 'image.png', 'sub/latin1.txt']);
    expect(manifest.lexicons.length).toBe(7); // negation, three stances, intensifiers, claims, function words
  });
});
