import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCoded } from '../../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit } from '../../src/evaluate/read-coded.js';
import { fitStances } from '../../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../../src/fit/fitted-weights-of.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';

const GOLD = path.resolve('eval/stances/pages');
const SPLIT = path.resolve('eval/stances/split.tsv');

describe('weights fitted on the dev split (issue 15, point 4)', () => {
  it('score the held-out test split better than the lexicon weights', () => {
    const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
    const fits = fitStances(readCodedUnits(GOLD, lexicons.categories.map((c) => c.name), readSplit(SPLIT, 'dev')), lexicons);
    const test = { file: SPLIT, name: 'test' };
    const plain = evaluateCoded(GOLD, lexicons, test).evaluation;
    const fitted = evaluateCoded(GOLD, { ...lexicons, fitted: fittedWeightsOf(fits, lexicons) }, test).evaluation;
    // Measured 2026-12-06: 0.41 → 0.51 (paired difference +0.09 [0.06, 0.13]).
    expect(fitted.macroF1).toBeGreaterThan(plain.macroF1);
  }, 120_000);
});
