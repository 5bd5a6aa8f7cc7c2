import type { UnitRow } from './read-run-output.js';
import { seededRandom } from '../sampling/seeded-random.js';

/** A unit offered for hand-coding, with the stratum it was drawn from. */
export interface SampledUnit<T extends Pick<UnitRow, 'unitId'> = UnitRow> {
  readonly unit: T;
  readonly stratum: string;
}


/**
 * Draw `n` units stratified by `stratumOf` (unit kind × predicted stances, say): each stratum gets
 * its share of `n` (largest remainders), at least one unit while there is room, so rare strata —
 * articles, replies, units the lexicons tag with two stances — are not left out. Within a stratum
 * units are drawn at random from `seed`. The result is in corpus order.
 */
export function sampleUnits<T extends Pick<UnitRow, 'unitId'>>(units: readonly T[], n: number, seed: number, stratumOf: (u: T) => string): SampledUnit<T>[] {
  const strata = new Map<string, T[]>();
  for (const u of units) strata.set(stratumOf(u), [...(strata.get(stratumOf(u)) ?? []), u]);
  const names = [...strata.keys()].sort();
  const total = units.length;
  const take = Math.min(n, total);
  const quota = new Map<string, number>();
  if (take > 0) {
    const exact = names.map((s) => ({ s, q: (strata.get(s)!.length * take) / total }));
    for (const { s, q } of exact) quota.set(s, Math.floor(q));
    let left = take - [...quota.values()].reduce((a, b) => a + b, 0);
    // Strata that would get nothing first (rare kinds matter to coders), then largest remainders.
    const order = [...exact].sort((a, b) => Number(quota.get(a.s)! > 0) - Number(quota.get(b.s)! > 0) || (b.q % 1) - (a.q % 1) || (a.s < b.s ? -1 : 1));
    for (const { s } of order) {
      if (left === 0) break;
      if (quota.get(s)! < strata.get(s)!.length) {
        quota.set(s, quota.get(s)! + 1);
        left -= 1;
      }
    }
  }
  const random = seededRandom(seed);
  const drawn: SampledUnit<T>[] = [];
  for (const s of names) {
    const pool = [...strata.get(s)!];
    for (let k = pool.length - 1; k > 0; k -= 1) {
      const j = Math.floor(random() * (k + 1));
      [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    }
    for (const unit of pool.slice(0, quota.get(s) ?? 0)) drawn.push({ unit, stratum: s });
  }
  const order = new Map(units.map((u, k) => [u.unitId, k]));
  return drawn.sort((a, b) => order.get(a.unit.unitId)! - order.get(b.unit.unitId)!);
}
