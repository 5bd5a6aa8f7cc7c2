import { seededRandom } from '../sampling/seeded-random.js';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, figures, intervalOf, type CodedPrediction, type Counts, type Interval } from './evaluate-coded.js';
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
  const f1 = (c: readonly Counts[], sample: readonly number[]): number => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const i of sample) {
      tp += c[i]!.tp;
      fp += c[i]!.fp;
      fn += c[i]!.fn;
    }
    return figures({ tp, fp, fn }).f1;
  };
  const all = units.map((_, i) => i);
  const random = seededRandom(seed);
  const draws: number[] = [];
  for (let k = 0; k < resamples && units.length > 0; k += 1) {
    const sample = all.map(() => Math.floor(random() * units.length));
    draws.push(f1(ca, sample) - f1(cb, sample));
  }
  return { difference: f1(ca, all) - f1(cb, all), interval: intervalOf(draws) };
}
