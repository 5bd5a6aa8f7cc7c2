// Worker of fitted-floors.test.ts (run by offThread): fits the stances on the dev split of
// eval/stances, with or without the word component, and posts the test split's macro-F1 and F1 per
// stance, with the lexicon weights' beside them.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateCoded } from '../../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit } from '../../src/evaluate/read-coded.js';
import { fitStances } from '../../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../../src/fit/fitted-weights-of.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';

export interface FittedFigures {
  readonly macroF1: number;
  readonly f1: Readonly<Record<string, number>>;
  readonly lexiconMacroF1: number;
}

const GOLD = path.resolve('eval/stances/pages');
const SPLIT = path.resolve('eval/stances/split.tsv');
const { words } = (workerData as { data: { words: boolean } }).data;

const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const dev = readCodedUnits(GOLD, lexicons.categories.map((c) => c.name), readSplit(SPLIT, 'dev'));
const test = { file: SPLIT, name: 'test' };
const fitted = evaluateCoded(GOLD, { ...lexicons, fitted: fittedWeightsOf(fitStances(dev, lexicons, { words }), lexicons) }, test).evaluation;
const plain = evaluateCoded(GOLD, lexicons, test).evaluation;
const figures: FittedFigures = {
  macroF1: fitted.macroF1,
  f1: Object.fromEntries(fitted.stances.map((s) => [s.stance, s.f1])),
  lexiconMacroF1: plain.macroF1,
};
parentPort?.postMessage(figures);
