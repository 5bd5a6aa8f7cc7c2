import { escapeUTF8 } from 'entities';
import type { StanceCategory } from '../../lexicon/stance-category.js';
import type { Stance } from '../../model.js';

/** Escape text for an HTML element or a quoted attribute: & < > " ' become entities. */
export const esc = (s: string | number | undefined): string => escapeUTF8(String(s ?? ''));

/** Colour of units that carry no stance. */
export const NO_STANCE_COLOUR = '#9aa0a6';

/**
 * CSS class for a set of stances given in the categories' order: "s-none", "s-sceptical",
 * "s-sceptical-sovereigntist"… (category names are lower-case letters, digits and "_").
 */
export function stanceClass(stances: readonly Stance[]): string {
  return stances.length === 0 ? 's-none' : `s-${stances.join('-')}`;
}

/**
 * A unit carrying more stances than this keeps the default border: the CSS has one rule per
 * combination, and combinations of many categories would make it huge (2^n rules).
 */
export const MAX_STRIPED_STANCES = 3;

/** Index sets of up to `most` of `n` categories, in the order of their bit masks ({0}, {1}, {0,1}, {2}…). */
function combinations(n: number, most: number): number[][] {
  const sets: number[][] = [[]];
  for (let i = 0; i < n; i += 1) {
    for (const s of sets.slice()) if (s.length < most) sets.push([...s, i]);
  }
  return sets.slice(1);
}

/** One CSS rule per combination of stances: a left border striped with each stance's colour. */
export function stanceCss(categories: readonly StanceCategory[]): string {
  const rules = [`.s-none{border-left-color:${NO_STANCE_COLOUR}}`];
  for (const indexes of combinations(categories.length, MAX_STRIPED_STANCES)) {
    const set = indexes.map((i) => categories[i]!);
    const css = stanceClass(set.map((c) => c.name));
    const step = 100 / set.length;
    const stops = set.map((c, i) => `${c.colour} ${(i * step).toFixed(0)}% ${((i + 1) * step).toFixed(0)}%`).join(',');
    rules.push(set.length === 1
      ? `.${css}{border-left-color:${set[0]!.colour}}.chip.${css}{background:${set[0]!.colour}}`
      : `.unit.${css}{border-image:linear-gradient(to bottom,${stops}) 1}`);
  }
  return rules.join('\n');
}
