import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULTS, type RunOptions } from '../../src/options.js';
import { REPORT_FILES } from '../../src/report/outputs.js';

/** The CSV reports of the contract. */
export const CSVS = REPORT_FILES.filter((f) => f.endsWith('.csv'));

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `controverse-${prefix}-`));
}

/** A writable copy of the sample corpus and the basic fixture corpus, side by side. */
export function copyCorpus(): string {
  const dir = tempDir('corpus');
  cpSync('corpus', path.join(dir, 'pages'), { recursive: true });
  cpSync('test/fixtures/corpora/basic', path.join(dir, 'basic'), { recursive: true });
  return dir;
}

/** Run options for a test: two workers unless told otherwise. */
export function optionsFor(corpus: string, outDir: string, more: Partial<RunOptions> = {}): RunOptions {
  return {
    inputs: [corpus], outDir, lexiconDir: path.resolve('lexicons'), langDetector: DEFAULTS.langDetector,
    spreadsheet: false, commandLine: ['test'], workers: 2, ...more,
  };
}

/** Every CSV report of an output folder, by name. */
export function readCsvs(outDir: string): Record<string, string> {
  return Object.fromEntries(CSVS.map((f) => [f, readFileSync(path.join(outDir, f), 'utf8')]));
}
