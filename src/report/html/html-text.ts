import { escapeUTF8 } from 'entities';
import type { Stance } from '../../model.js';
import { STANCES } from '../../model.js';

/** Escape text for an HTML element or a quoted attribute: & < > " ' become entities. */
export const esc = (s: string | number | undefined): string => escapeUTF8(String(s ?? ''));

/** Colour of each stance in charts and threads (Okabe–Ito palette, readable by colour-blind readers). */
export const STANCE_COLOURS: Record<Stance, string> = { trust_state: '#0072B2', sceptical: '#D55E00', sovereigntist: '#009E73' };
/** Colour of units that carry no stance. */
export const NO_STANCE_COLOUR = '#9aa0a6';

/** CSS class for a set of stances: "s-none", "s-sceptical", "s-sceptical-sovereigntist"… */
export function stanceClass(stances: readonly Stance[]): string {
  return stances.length === 0 ? 's-none' : `s-${STANCES.filter((s) => stances.includes(s)).join('-')}`;
}

/** One CSS rule per combination of stances: a left border striped with each stance's colour. */
export function stanceCss(): string {
  const rules = [`.s-none{border-left-color:${NO_STANCE_COLOUR}}`];
  for (let mask = 1; mask < 1 << STANCES.length; mask += 1) {
    const set = STANCES.filter((_, i) => mask & (1 << i));
    const step = 100 / set.length;
    const stops = set.map((s, i) => `${STANCE_COLOURS[s]} ${(i * step).toFixed(0)}% ${((i + 1) * step).toFixed(0)}%`).join(',');
    rules.push(set.length === 1
      ? `.${stanceClass(set)}{border-left-color:${STANCE_COLOURS[set[0]!]}}.chip.${stanceClass(set)}{background:${STANCE_COLOURS[set[0]!]}}`
      : `.unit.${stanceClass(set)}{border-image:linear-gradient(to bottom,${stops}) 1}`);
  }
  return rules.join('\n');
}
