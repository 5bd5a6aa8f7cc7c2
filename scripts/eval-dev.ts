// Stances and claims of the DEV split of eval/stances only (never the test split): the figures to
// watch while growing the lexicons. `npx tsx scripts/eval-dev.ts [A|B] [--writer a|b|c|d|e]`
// A and B are the two halves of the dev pages (in page order): write entries from the errors of one
// half (`npx tsx scripts/dev-confusions.ts --half A`) and measure on the other, a page-held-out check
// that the entries generalise rather than memorise. `--writer b`: only the dev pages of writer b
// (split.tsv's `writer` column): write entries from one writer's errors, measure on another's.
import path from 'node:path';
import { formatCodedEvaluation, predictCoded, scoreCoded } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits } from '../src/evaluate/read-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { devPages, takeWriter } from './dev-pages.js';

const args = process.argv.slice(2);
const writer = takeWriter(args);
const half = args[0];
const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const stances = lexicons.categories.map((c) => c.name);
const units = readCodedUnits(path.resolve('eval/stances/pages'), stances, devPages(half, writer));
const evaluation = scoreCoded(units, predictCoded(units, lexicons), stances);
console.log(formatCodedEvaluation(`eval/stances dev${writer === undefined ? '' : ` writer ${writer}`}${half === undefined ? '' : ` half ${half}`}`, evaluation).join('\n'));
