import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, type RunOptions } from '../../src/options.js';
import { run } from '../../src/run.js';
import type { RunSummary } from '../../src/pipeline/run-summary.js';

/** A generated corpus of bad input next to one good page; the 50 MB files are made here, never committed. */
function badCorpus(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'controverse-bad-'));
  writeFileSync(path.join(root, 'good.txt'), "L'État promet un cloud souverain pour nos données.\n");
  const fifty = 50 * 1024 * 1024;
  writeFileSync(path.join(root, 'one-line.txt'), Buffer.alloc(fifty, 'a'));
  const jsonl = Buffer.alloc(fifty + 40, 'b');
  jsonl.write('{"id": "ok", "text": "Une ligne correcte."}\n{"text": "', 0);
  jsonl.write('"}', jsonl.length - 2);
  writeFileSync(path.join(root, 'one-line.jsonl'), jsonl);
  writeFileSync(path.join(root, 'lines.jsonl'), '{"id": "a", "text": "Premier."}\n{pas du json}\n{"id": "c", "text": "Troisième."}\n');
  writeFileSync(path.join(root, 'no-columns.csv'), 'id,body\n1,Bonjour\n');
  writeFileSync(path.join(root, 'empty.json'), '');
  writeFileSync(path.join(root, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5]));
  writeFileSync(path.join(root, 'slides.pptx.md'), '# pas un format lu');
  symlinkSync(path.join(root, 'gone.txt'), path.join(root, 'dangling.txt'));
  writeFileSync(path.join(root, 'locked.txt'), 'secret');
  chmodSync(path.join(root, 'locked.txt'), 0o000);
  return root;
}

const isRoot = process.getuid?.() === 0;

describe('a corpus of bad input', () => {
  const corpus = badCorpus();
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-out-'));
  const options: RunOptions = {
    inputs: [corpus], outDir: out, lexiconDir: path.resolve('lexicons'),
    langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'],
  };
  let summary: RunSummary;
  let diagnostics = '';
  let units = '';
  beforeAll(async () => {
    summary = await run(options);
    diagnostics = readFileSync(path.join(out, 'diagnostics.csv'), 'utf8');
    units = readFileSync(path.join(out, 'units.csv'), 'utf8');
  });
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true }); // the two 50 MB files
    rmSync(out, { recursive: true, force: true });
  });

  it.each([
    // one-line.txt and one-line.jsonl would share the id "one-line": both keep their extension (#18).
    ['one-line.txt', /error,file-too-large,one-line\.txt,,"the file holds 50 MiB, over the 4 MiB limit for one page; skipped",one-line\.txt,$/mu],
    ['one-line.jsonl', /error,record-too-large,,,"line of 50 MiB characters, over the 4 MiB limit for one document; skipped",one-line\.jsonl,2$/mu],
    ['lines.jsonl', /error,invalid-json,,,not valid JSON \(.*\); line skipped,lines\.jsonl,2$/mu],
    ['no-columns.csv', /error,missing-columns,,,".*""doc_id"".*file skipped",no-columns\.csv,1$/mu],
    ['empty.json', /error,empty-file,empty,,the file is empty,empty\.json,$/mu],
    ['binary.html', /error,binary-file,binary,,"the file is binary, not text",binary\.html,$/mu],
    ['slides.pptx.md', /error,unsupported-format,slides\.pptx,,.*,slides\.pptx\.md,$/mu],
    ['dangling.txt', /error,unreadable-file,,,"cannot read the file: ENOENT.*",dangling\.txt,$/mu],
  ])('writes a diagnostics row for %s', (_file, row) => {
    expect(diagnostics).toMatch(row);
  });

  it.skipIf(isRoot)('writes a diagnostics row for a file it may not read', () => {
    expect(diagnostics).toMatch(/error,unreadable-file,,,"cannot read the file: EACCES.*",locked\.txt,$/mu);
  });

  it('still analyses the good page and the good records, and counts the errors for exit code 1', () => {
    expect(units).toContain('good#0,good,0,article');
    expect(units).toMatch(/^one-line\.jsonl#ok#0,/mu);
    expect(units).toMatch(/^lines#a#0,.*Premier\.$/mu);
    expect(units).toMatch(/^lines#c#0,.*Troisième\.$/mu);
    expect(summary.documents).toBe(4 + (isRoot ? 1 : 0));
    expect(summary.errors).toBe(8 + (isRoot ? 0 : 1));
  });
});
