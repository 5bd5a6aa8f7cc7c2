import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, type RunOptions } from '../../src/options.js';
import { run } from '../../src/run.js';
import { REPORT_FILES } from '../../src/report/outputs.js';
import { STORE_FILE } from '../../src/store/store.js';

const HOSTILE_IDS = ['../../escape', '/etc/passwd', '..\\..\\win', 'a/../../b', '<script>alert(1)</script>', '=cmd|calc', '.'];

describe('record ids that look like paths or markup', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'controverse-ids-'));
  const corpus = path.join(base, 'corpus');
  const out = path.join(base, 'nested', 'out');
  mkdirSync(corpus, { recursive: true });
  writeFileSync(path.join(corpus, 'x.jsonl'), HOSTILE_IDS.map((id) => JSON.stringify({ id, title: id, text: 'Le cloud souverain.' })).join('\n'));
  const options: RunOptions = {
    inputs: [corpus], outDir: out, lexiconDir: path.resolve('lexicons'),
    langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'],
  };
  beforeAll(async () => {
    await run(options);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('write nothing but the report files, and nothing outside the output folder', () => {
    expect(readdirSync(out).sort()).toEqual([...REPORT_FILES, STORE_FILE].sort());
    expect(readdirSync(base).sort()).toEqual(['corpus', 'nested']);
    expect(readdirSync(path.join(base, 'nested'))).toEqual(['out']);
    expect(readdirSync(corpus)).toEqual(['x.jsonl']);
  });

  it('stay data in the CSVs: every id kept, formulas neutralised', () => {
    const documents = readFileSync(path.join(out, 'documents.csv'), 'utf8');
    for (const id of HOSTILE_IDS.filter((i) => !i.startsWith('='))) expect(documents).toContain(`x#${id}`);
    expect(documents).toContain("'=cmd|calc");
  });

  it('are escaped in the HTML report', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
  });
});
