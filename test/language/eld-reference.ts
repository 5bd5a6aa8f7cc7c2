import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EldSize } from '../../src/language/eld-database.js';
import { eldPackageDir } from '../../src/language/eld-package.js';
import type { EldVerdict } from '../../src/language/eld-scoring.js';

const require = createRequire(import.meta.url);

interface EldResult {
  readonly language: string;
  getScores(): Record<string, number>;
}

/** eld's database as eld itself evaluates it: `{ type, languages, ngrams }`. */
export interface EldNgramsData {
  readonly type: string;
  readonly languages: Record<string, string>;
  readonly ngrams: Record<string, Record<string, number>>;
}

/**
 * The real eld package, the reference the compact model must match: its entry for `size`
 * (evaluating the whole database, hundreds of MB: tests only), then what the detector used to
 * read from it — the language and the two best of getScores().
 */
export function referenceEld(size: EldSize): (text: string) => EldVerdict {
  const dir = eldPackageDir();
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> };
  const entry = manifest.exports[`./${size}`]?.import;
  if (entry === undefined) throw new Error(`the installed eld package has no "${size}" database`);
  const eld = (require(path.join(dir, entry)) as { eld: { detect(text: string): EldResult } }).eld;
  return (text) => {
    const result = eld.detect(text);
    const scores = Object.values(result.getScores()).sort((a, b) => b - a);
    return { language: result.language, top: scores[0] ?? 0, second: scores[1] ?? 0 };
  };
}

/** The database object eld's module exports (shared with referenceEld's, by Node's module cache). */
export function referenceNgramsData(size: EldSize): EldNgramsData {
  return (require(path.join(eldPackageDir(), `src/ngrams/${size}.js`)) as { ngramsData: EldNgramsData }).ngramsData;
}
