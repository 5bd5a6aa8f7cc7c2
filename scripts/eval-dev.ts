// Stances and claims of the DEV split of eval/stances only (never the test split): the figures to
// watch while growing the lexicons. `npx tsx scripts/eval-dev.ts [A|B]`
// A and B are the two halves of the dev pages (in page order): write entries from the errors of one
// half (`npx tsx scripts/dev-confusions.ts --half A`) and measure on the other, a page-held-out check
// that the entries generalise rather than memorise.
import path from 'node:path';
import { formatCodedEvaluation, predictCoded, scoreCoded } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits } from '../src/evaluate/read-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { devPages } from './dev-pages.js';

const half = process.argv[2];
const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const stances = lexicons.categories.map((c) => c.name);
const units = readCodedUnits(path.resolve('eval/stances/pages'), stances, devPages(half));
const evaluation = scoreCoded(units, predictCoded(units, lexicons), stances);
console.log(formatCodedEvaluation(`eval/stances dev${half === undefined ? '' : ` half ${half}`}`, evaluation).join('\n'));
