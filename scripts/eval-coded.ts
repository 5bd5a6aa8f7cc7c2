// Stances and claims of the development corpus (eval/stances), dev and test splits: `npm run eval:coded`.
import path from 'node:path';
import { evaluateCoded, formatCodedEvaluation } from '../src/evaluate/evaluate-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';

const lexicons = loadLexicons(path.resolve('lexicons'));
for (const name of ['dev', 'test']) {
  const { evaluation } = evaluateCoded(path.resolve('eval/stances/pages'), lexicons, { file: path.resolve('eval/stances/split.tsv'), name });
  console.log(formatCodedEvaluation(`eval/stances ${name}`, evaluation).join('\n'));
  console.log('');
}
