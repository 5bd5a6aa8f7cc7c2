// The pages of the dev split of eval/stances, or one half of them (A: the first half in page order,
// B: the second), or those of one writer (split.tsv's `writer` column: a, b, c, d): for page-held-out
// and writer-held-out checks on dev. The test split is never returned.
import path from 'node:path';
import { UserError } from '../src/errors.js';
import { readSplit } from '../src/evaluate/read-coded.js';

const SPLIT_FILE = path.resolve('eval/stances/split.tsv');

export function devPages(half?: string, writer?: string): Set<string> {
  let pages = [...readSplit(SPLIT_FILE, 'dev')].sort();
  if (writer !== undefined) {
    const byWriter = readSplit(SPLIT_FILE, writer, 'writer');
    pages = pages.filter((p) => byWriter.has(p));
  }
  if (half === undefined) return new Set(pages);
  const middle = Math.ceil(pages.length / 2);
  if (half === 'A') return new Set(pages.slice(0, middle));
  if (half === 'B') return new Set(pages.slice(middle));
  throw new UserError(`unknown half "${half}": A or B`);
}

/** Take `--writer X` out of `args` (mutated) and return X, or undefined when absent. */
export function takeWriter(args: string[]): string | undefined {
  const at = args.indexOf('--writer');
  if (at < 0) return undefined;
  const writer = args.splice(at, 2)[1];
  if (writer === undefined) throw new UserError('--writer needs a value: a, b, c or d');
  return writer;
}
