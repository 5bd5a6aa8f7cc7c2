import type { FormatResult } from './format.js';
import { NOTHING_READ, readsSomething, SEPARATE_DOCUMENTS } from './infer-schema.js';

/**
 * Two readings of one export: under the known field names (aliases), and with the fields' roles
 * inferred from their values (infer-schema.ts). The alias reading is kept unless the inferred one
 * explains the records better, by what the records say of themselves, never by a site's name.
 */

/** A reading's units (non-empty article bodies and comments), their words, the header slots they fill and their reply links. */
function explained(result: FormatResult): { units: number; words: number; slots: number; links: number } {
  let units = 0;
  let words = 0;
  let slots = 0;
  let links = 0;
  const count = (text: string): number => text.split(/\s+/u).filter((w) => w !== '').length;
  for (const { page } of result.records) {
    if (page.body.trim() !== '') {
      units += 1;
      words += count(page.body);
      slots += (page.author === undefined ? 0 : 1) + (page.published === undefined ? 0 : 1);
    }
    for (const c of page.comments) {
      units += 1;
      words += count(c.text);
      slots += (c.author === undefined ? 0 : 1) + (c.published === undefined ? 0 : 1);
      if (c.parentIndex !== undefined) links += 1;
    }
  }
  return { units, words, slots, links };
}

/**
 * True when the inferred reading explains the records better than the alias reading: it links
 * records as replies to one another (two links at least) where the alias reading links none, keeps
 * every word the alias reading kept, and fills more author and date slots than it. Records that
 * answer one another are one thread, not as many separate documents; a file of separate documents
 * (no record naming another) keeps its alias reading.
 */
export function inferredExplainsBetter(alias: FormatResult, inferred: FormatResult): boolean {
  const a = explained(alias);
  const b = explained(inferred);
  return b.links >= 2 && a.links === 0 && b.words >= a.words && b.slots + b.links > a.slots + a.links;
}

/**
 * The reading kept of records the aliases read as `read`: when they read nothing, the inferred
 * reading if there is one; when they read separate documents, the inferred reading only if it
 * explains the records better. `infer(why)` reads the records with their fields inferred, `why`
 * naming the reason in its info row.
 */
export function keptReading(read: FormatResult, infer: (why: string) => FormatResult | undefined): FormatResult {
  if (!readsSomething(read)) return infer(NOTHING_READ) ?? read;
  const inferred = infer(SEPARATE_DOCUMENTS);
  return inferred !== undefined && inferredExplainsBetter(read, inferred) ? inferred : read;
}
