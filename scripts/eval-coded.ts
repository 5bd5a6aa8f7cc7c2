// Stances and claims of the development corpus (eval/stances), dev and test splits: `npm run eval:coded`.
// Then the weights fitted on dev (5-fold cross-validation on dev, as `controverse fit --split dev`),
// scored on test beside the lexicon weights; with a `writer` column in the split file, the test
// figures of each writer's pages too (pages written by someone who never saw the lexicons).
import path from 'node:path';
import { evaluateCoded, formatCodedEvaluation, macroDifference } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit, splitValues } from '../src/evaluate/read-coded.js';
import { fitStances } from '../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../src/fit/fitted-weights-of.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';

const gold = path.resolve('eval/stances/pages');
const splitFile = path.resolve('eval/stances/split.tsv');
const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const stances = lexicons.categories.map((c) => c.name);
for (const name of ['dev', 'test']) {
  const { evaluation } = evaluateCoded(gold, lexicons, { file: splitFile, name });
  console.log(formatCodedEvaluation(`eval/stances ${name}`, evaluation).join('\n'));
  console.log('');
}
const fitted = { ...lexicons, fitted: fittedWeightsOf(fitStances(readCodedUnits(gold, stances, readSplit(splitFile, 'dev')), lexicons), lexicons) };
const test = { file: splitFile, name: 'test' };
const plain = evaluateCoded(gold, lexicons, test);
const withWeights = evaluateCoded(gold, fitted, test);
console.log(formatCodedEvaluation('eval/stances test, weights fitted on dev', withWeights.evaluation).join('\n'));
const d = macroDifference(plain.units, withWeights.predictions, plain.predictions, stances);
console.log(`  macro-F1 fitted − unfitted: ${d.difference.toFixed(2)} [${d.interval.low.toFixed(2)}, ${d.interval.high.toFixed(2)}] (paired bootstrap over units)`);
for (const writer of splitValues(splitFile, 'writer')) {
  const byWriter = readSplit(splitFile, writer, 'writer');
  const pages = new Set([...readSplit(splitFile, 'test')].filter((p) => byWriter.has(p)));
  if (pages.size === 0) continue;
  console.log('');
  console.log(formatCodedEvaluation(`eval/stances test, pages of writer ${writer}, lexicon weights`, evaluateCoded(gold, lexicons, pages).evaluation).join('\n'));
  console.log(formatCodedEvaluation(`eval/stances test, pages of writer ${writer}, weights fitted on dev`, evaluateCoded(gold, fitted, pages).evaluation).join('\n'));
}
