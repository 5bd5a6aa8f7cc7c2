// Page-held-out figures of `controverse fit` on the DEV split of eval/stances only (never the test
// split): dev pages in 5 outer folds; for each, fit on the other dev pages (with the fit's own
// 5-fold cross-validation inside) and score the held-out pages; then the held-out predictions of
// all folds together, beside the lexicon weights. `npx tsx scripts/dev-fit-cv.ts [--no-words | --features words,bigrams,context] [--lexicons DIR]`
// --lexicons scores another lexicon folder (such as the lexicons before any entry was written from
// dev: `git archive 8b1a2bf lexicons | tar -x -C /tmp/old`), whose dev figures are not contaminated
// by entries written from the same pages.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatCodedEvaluation, macroDifference, predictCoded, scoreCoded, type CodedPrediction } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit, splitValues } from '../src/evaluate/read-coded.js';
import { fitStances, pageFolds, type FitFeature } from '../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../src/fit/fitted-weights-of.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { devPages } from './dev-pages.js';

/** Outer folds, drawn with another seed than the fit's inner folds. */
const OUTER_FOLDS = 5;
const OUTER_SEED = 777;

const { values } = parseArgs({ options: { 'no-words': { type: 'boolean', default: false }, features: { type: 'string', default: 'words' }, lexicons: { type: 'string', default: 'lexicons' } } });
const features = values.features.split(',').filter((f) => f !== '') as FitFeature[];
const lexicons = loadLexicons(path.resolve(values.lexicons), { fitted: false });
const stances = lexicons.categories.map((c) => c.name);
const units = readCodedUnits(path.resolve('eval/stances/pages'), stances, devPages());
const outer = pageFolds(units, OUTER_FOLDS, OUTER_SEED);
const heldOut = new Array<CodedPrediction | undefined>(units.length);
for (let k = 0; k < OUTER_FOLDS; k += 1) {
  const train = units.filter((_, i) => outer[i] !== k);
  const fits = fitStances(train, lexicons, { words: !values['no-words'], features });
  for (const f of fits) process.stderr.write(`fold ${k} ${f.stance}: λ ${f.regularisation}, kept [${f.features.join(',')}], words ${f.wordRegularisation ?? 'none'} (${f.words.length}), context ${JSON.stringify(f.context ?? null)}, inner cv F1 ${f.cvF1}\n`);
  const fitted = { ...lexicons, fitted: fittedWeightsOf(fits, lexicons) };
  const idx = units.map((_, i) => i).filter((i) => outer[i] === k);
  const predictions = predictCoded(idx.map((i) => units[i]!), fitted);
  idx.forEach((i, n) => { heldOut[i] = predictions[n]!; });
}
const plain = predictCoded(units, lexicons);
const fitted = heldOut.map((p) => p!);
console.log(formatCodedEvaluation(`dev, lexicon weights (${values.lexicons})`, scoreCoded(units, plain, stances)).join('\n'));
console.log(formatCodedEvaluation(`dev, fitted on the other dev pages${values['no-words'] ? ' (no words)' : ` (features offered: ${features.join(',')})`} (page-held-out, ${OUTER_FOLDS} folds)`, scoreCoded(units, fitted, stances)).join('\n'));
const d = macroDifference(units, fitted, plain, stances);
console.log(`  macro-F1 fitted − lexicon weights: ${d.difference.toFixed(2)} [${d.interval.low.toFixed(2)}, ${d.interval.high.toFixed(2)}]`);
// The dev pages of writers whose pages no lexicon entry was written from (writer column of the split
// file, any writer but "a"): the same held-out predictions, on wording nobody tuned for.
const splitFile = path.resolve('eval/stances/split.tsv');
for (const writer of splitValues(splitFile, 'writer').filter((w) => w !== 'a')) {
  const pages = readSplit(splitFile, writer, 'writer');
  const idx = units.map((_, i) => i).filter((i) => pages.has(units[i]!.docId));
  if (idx.length === 0) continue;
  const sub = idx.map((i) => units[i]!);
  console.log(formatCodedEvaluation(`dev pages of writer ${writer}, lexicon weights`, scoreCoded(sub, idx.map((i) => plain[i]!), stances)).join('\n'));
  console.log(formatCodedEvaluation(`dev pages of writer ${writer}, fitted on the other dev pages`, scoreCoded(sub, idx.map((i) => fitted[i]!), stances)).join('\n'));
}
