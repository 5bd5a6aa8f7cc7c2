import { describe, expect, it } from 'vitest';
import type { FittedFigures } from './fitted-figures.worker.js';
import { offThread } from './off-thread.js';

// Each fit of the dev split computes for a minute or more on a loaded machine: in a worker thread.
const figures = (words: boolean): Promise<FittedFigures> => offThread(new URL('./fitted-figures.worker.ts', import.meta.url), { words });

describe('weights fitted on the dev split (issue 15, point 4)', () => {
  it('entry weights and flags alone score the held-out test split better than the lexicon weights', async () => {
    const e = await figures(false);
    // Measured 2026-12-06: 0.41 → 0.51 (paired difference +0.09 [0.06, 0.13]); later 0.54 → 0.56.
    expect(e.macroF1).toBeGreaterThan(e.lexiconMacroF1);
  }, 180_000);

  it('with the word component (the default of fit), at its measured figures', async () => {
    // Measured once, 2026-12-06 (npm run eval:coded), after the second and third writers' pages
    // joined both splits: macro 0.57, trust_state 0.48, sceptical 0.56, sovereigntist 0.67; the
    // lexicon weights 0.55. After the claims and stance rounds across writers (measured once,
    // 2026-12-06 20:40 UTC): macro 0.59, trust_state 0.52, sceptical 0.55, sovereigntist 0.69 (lexicon
    // weights 0.55; paired +0.04 [0.02, 0.06]). Floors a little below. With writers d and e's pages
    // in both splits (dev 1 179 units, test 766; measured once, 2026-12-06 22:50 UTC): macro 0.60,
    // trust_state 0.49, sceptical 0.61, sovereigntist 0.71 (lexicon weights 0.55; paired +0.05
    // [0.04, 0.07]); floors these less 0.02. After stances round 5 (writers d and e's dev pages;
    // measured once, 2026-12-07 02:09 UTC): macro 0.61, trust_state 0.50, sceptical 0.61,
    // sovereigntist 0.72 (lexicon weights 0.57; paired +0.04 [0.03, 0.06]); floors these less 0.02.
    // With writer g's pages in both splits, after claims round 8 (measured once, 2026-12-07 05:11
    // UTC): macro 0.61, trust_state 0.52, sceptical 0.61, sovereigntist 0.70 (0.696; lexicon weights
    // 0.57; paired +0.04 [0.03, 0.06]); the sovereigntist floor follows it down.
    // After stances round 6 and claims round 9 (writers h–p's dev pages; measured once, 2026-12-07
    // 18:37 UTC): macro 0.62, trust_state 0.52, sceptical 0.67, sovereigntist 0.69 (lexicon weights
    // 0.55; paired +0.08 [0.06, 0.09]); floors unchanged.
    const e = await figures(true);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.59);
    const { f1 } = e;
    expect(f1.trust_state).toBeGreaterThanOrEqual(0.48);
    expect(f1.sceptical).toBeGreaterThanOrEqual(0.59);
    expect(f1.sovereigntist).toBeGreaterThanOrEqual(0.67);
  }, 300_000);
});
