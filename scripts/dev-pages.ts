// The pages of the dev split of eval/stances, or one half of them (A: the first half in page order,
// B: the second): for page-held-out checks on dev. The test split is never returned.
import path from 'node:path';
import { UserError } from '../src/errors.js';
import { readSplit } from '../src/evaluate/read-coded.js';

export function devPages(half?: string): Set<string> {
  const pages = [...readSplit(path.resolve('eval/stances/split.tsv'), 'dev')].sort();
  if (half === undefined) return new Set(pages);
  const middle = Math.ceil(pages.length / 2);
  if (half === 'A') return new Set(pages.slice(0, middle));
  if (half === 'B') return new Set(pages.slice(middle));
  throw new UserError(`unknown half "${half}": A or B`);
}
