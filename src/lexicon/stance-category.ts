import type { Stance } from '../model.js';

/** A stance category: the header of one file of the lexicon folder's `stances/`. */
export interface StanceCategory {
  /** `stance:`, also the suffix of claims.csv's `n_units_<name>` and a gold file's column. */
  readonly name: Stance;
  /** `label:`, a short human name ("Trust in the state"). */
  readonly label: string;
  /** `colour:`, "#RRGGBB": the category's colour in report.html. */
  readonly colour: string;
  readonly description: string;
  /** `order:`, where the category stands (1 first); categories without it follow, by file name. */
  readonly order?: number;
  /** Where the header is: "stances/sceptical.fr.yaml:4" (the `stance:` line). */
  readonly source: string;
}

/** A name usable as a CSV column suffix and a CSS class: "pro_europe". */
export const CATEGORY_NAME = /^[a-z][a-z0-9_]*$/u;

/** A colour CSS and SVG read the same way, with nothing else in it: "#0072B2". */
export const CATEGORY_COLOUR = /^#[0-9A-Fa-f]{6}$/u;

/**
 * The categories in their order: by `order`, then those without one by file name (the order
 * they come in). Two categories with one name or one `order` are an error naming both files.
 */
export function orderCategories(categories: readonly StanceCategory[], fail: (message: string) => Error): StanceCategory[] {
  const byName = new Map<string, StanceCategory>();
  const byOrder = new Map<number, StanceCategory>();
  for (const c of categories) {
    const other = byName.get(c.name);
    if (other !== undefined) throw fail(`${c.source}: stance "${c.name}" is already the category of ${other.source}`);
    byName.set(c.name, c);
    if (c.order === undefined) continue;
    const same = byOrder.get(c.order);
    if (same !== undefined) throw fail(`${c.source}: order ${c.order} is already that of "${same.name}" (${same.source})`);
    byOrder.set(c.order, c);
  }
  const rank = (c: StanceCategory): number => c.order ?? Number.POSITIVE_INFINITY;
  return [...categories].sort((a, b) => rank(a) - rank(b));
}
