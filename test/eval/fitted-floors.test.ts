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
  const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
  const dev = readCodedUnits(GOLD, lexicons.categories.map((c) => c.name), readSplit(SPLIT, 'dev'));
  const test = { file: SPLIT, name: 'test' };
  const scored = (words: boolean) => evaluateCoded(GOLD, { ...lexicons, fitted: fittedWeightsOf(fitStances(dev, lexicons, { words }), lexicons) }, test).evaluation;

  it('entry weights and flags alone score the held-out test split better than the lexicon weights', () => {
    const plain = evaluateCoded(GOLD, lexicons, test).evaluation;
    // Measured 2026-12-06: 0.41 → 0.51 (paired difference +0.09 [0.06, 0.13]); later 0.54 → 0.56.
    expect(scored(false).macroF1).toBeGreaterThan(plain.macroF1);
  }, 180_000);

  it('with the word component (the default of fit), at its measured figures', () => {
    // Measured once, 2026-12-06 (npm run eval:coded), after the second and third writers' pages
    // joined both splits: macro 0.57, trust_state 0.48, sceptical 0.56, sovereigntist 0.67; the
    // lexicon weights 0.55. After the claims and stance rounds across writers (measured once,
    // 2026-12-06 20:40 UTC): macro 0.59, trust_state 0.52, sceptical 0.55, sovereigntist 0.69 (lexicon
    // weights 0.55; paired +0.04 [0.02, 0.06]). Floors a little below. With writers d and e's pages
    // in both splits (dev 1 179 units, test 766; measured once, 2026-12-06 22:50 UTC): macro 0.60,
    // trust_state 0.49, sceptical 0.61, sovereigntist 0.71 (lexicon weights 0.55; paired +0.05
    // [0.04, 0.07]); floors these less 0.02.
    const e = scored(true);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.58);
    const f1 = Object.fromEntries(e.stances.map((s) => [s.stance, s.f1]));
    expect(f1.trust_state).toBeGreaterThanOrEqual(0.47);
    expect(f1.sceptical).toBeGreaterThanOrEqual(0.59);
    expect(f1.sovereigntist).toBeGreaterThanOrEqual(0.69);
  }, 300_000);
});
