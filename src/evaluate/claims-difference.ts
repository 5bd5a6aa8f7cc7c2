import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, figures, pairedDifference, sum, type CodedPrediction, type Counts, type Interval } from './evaluate-coded.js';
import type { CodedUnit } from './read-coded.js';

/**
 * Claims F1 (micro over (unit, claim)) of predictions `a` minus that of `b` on the same units, with
 * a 95 % paired bootstrap interval over units (the same resamples for both): whether the fitted
 * claims beat the lexicon alone by more than the sample's noise.
 */
export function claimsDifference(units: readonly CodedUnit[], a: readonly CodedPrediction[], b: readonly CodedPrediction[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): { difference: number; interval: Interval } {
  const countsOf = (p: readonly CodedPrediction[]): Counts[] => units.map((u, i) => {
    const got = new Set(p[i]!.claims);
    const tp = u.claims.filter((c) => got.has(c)).length;
    return { tp, fp: got.size - tp, fn: u.claims.length - tp };
  });
  const ca = countsOf(a);
  const cb = countsOf(b);
  const f1 = (c: readonly Counts[], sample: readonly number[]): number => figures(sum(c, sample)).f1;
  return pairedDifference(units.length, (sample) => f1(ca, sample) - f1(cb, sample), resamples, seed);
}
