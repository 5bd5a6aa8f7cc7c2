import type { Stance } from '../model.js';
import type { StanceContext } from '../stance/fitted-weights.js';
import type { CodedUnit } from './read-coded.js';

/**
 * The context of each coded unit, per stance: the lexicon label of the page's article body
 * (position 0, kind article) and of the unit at the position before, when they are in the sample.
 * A coded file has no parent column, so the unit before (reading order) stands in for the one a
 * comment answers, as `run` does.
 */
export function codedContexts(units: readonly CodedUnit[], labels: readonly Readonly<Record<string, 0 | 1>>[], stances: readonly Stance[]): StanceContext[][] {
  const at = new Map(units.map((u, i) => [`${u.docId}\u0000${u.position}`, i]));
  return units.map((u) => {
    const article = u.position === 0 ? undefined : at.get(`${u.docId}\u00000`);
    const articleLabels = article !== undefined && units[article]!.kind === 'article' ? labels[article] : undefined;
    const previous = at.get(`${u.docId}\u0000${u.position - 1}`);
    const previousLabels = previous === undefined ? undefined : labels[previous];
    return stances.map((s) => ({ article: articleLabels?.[s] ?? 0, previous: previousLabels?.[s] ?? 0 }));
  });
}
