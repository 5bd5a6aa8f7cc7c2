// How the fit grows with the coded sample, on the DEV split of eval/stances only (never the test
// split): the dev pages of some writers (`--held`, default n,o,p: wording the other writers' pages
// never showed) are scored; the fit (`controverse fit`, and with `--claims` also `fit --claims`) is
// made on seeded draws of N dev pages of the other writers, for each N of `--pages`. If the held
// pages' figures still climb from one N to the next, coding more units helps; if they are flat, the
// model has learnt what it can from such units.
// `npx tsx scripts/dev-learning-curve.ts [--pages 36,72,144] [--draws 2] [--held n,o,p] [--claims]`
import path from 'node:path';
import { parseArgs } from 'node:util';
import { predictCoded, scoreCoded } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit } from '../src/evaluate/read-coded.js';
import { fitClaims } from '../src/fit/fit-claims.js';
import { fittedClaimsOf } from '../src/fit/fitted-claims-of.js';
import { fitStances } from '../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../src/fit/fitted-weights-of.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { seededShuffle } from '../src/sampling/seeded-random.js';
import { devPages } from './dev-pages.js';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '36,72,144' }, draws: { type: 'string', default: '2' }, held: { type: 'string', default: 'n,o,p' }, claims: { type: 'boolean', default: false } } });
const sizes = values.pages.split(',').map(Number);
const draws = Number(values.draws);
const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const stances = lexicons.categories.map((c) => c.name);
const splitFile = path.resolve('eval/stances/split.tsv');
const heldWriters = new Set(values.held.split(','));
const byWriter = (w: string): Set<string> => readSplit(splitFile, w, 'writer');
const heldPages = new Set([...devPages()].filter((p) => [...heldWriters].some((w) => byWriter(w).has(p))));
const pool = [...devPages()].filter((p) => !heldPages.has(p)).sort();
const held = readCodedUnits(path.resolve('eval/stances/pages'), stances, heldPages);

const f2 = (x: number): string => x.toFixed(2);
const lexicon = scoreCoded(held, predictCoded(held, lexicons), stances);
console.log(`held: dev pages of writers ${values.held} (${held.length} units, ${heldPages.size} pages); pool: ${pool.length} dev pages of the other writers`);
console.log(`lexicon weights: macro-F1 ${f2(lexicon.macroF1)}, claims P / R (F1) ${f2(lexicon.claims.precision)} / ${f2(lexicon.claims.recall)} (${f2(lexicon.claims.f1)})`);
for (const size of sizes) {
  for (let d = 0; d < draws; d += 1) {
    const shuffled = seededShuffle(pool, 1000 + d);
    const train = readCodedUnits(path.resolve('eval/stances/pages'), stances, new Set(shuffled.slice(0, size)));
    const fitted = { ...lexicons, fitted: fittedWeightsOf(fitStances(train, lexicons), lexicons) };
    const stanceFigures = scoreCoded(held, predictCoded(held, fitted), stances);
    let claimsLine = '';
    if (values.claims) {
      const { fits, kept } = fitClaims(train, lexicons);
      const c = scoreCoded(held, predictCoded(held, { ...lexicons, fittedClaims: fittedClaimsOf(fits, kept, lexicons) }), stances).claims;
      claimsLine = `, fitted claims P / R (F1) ${f2(c.precision)} / ${f2(c.recall)} (${f2(c.f1)})`;
    }
    console.log(`${String(size).padStart(4)} pages (${String(train.length).padStart(4)} units), draw ${d}: fitted macro-F1 ${f2(stanceFigures.macroF1)} [${f2(stanceFigures.macroInterval.low)}, ${f2(stanceFigures.macroInterval.high)}]${claimsLine}`);
  }
}
