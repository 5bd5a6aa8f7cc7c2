import { dateCueOf, isInterfaceLine, mayHoldDate, replyCueOf, segmentsOf } from '../layouts/line-cues.js';
import { isBlank, wordCount } from '../layouts/text-lines.js';
import type { LineRole } from './roles.js';

/**
 * Training labels of the line-role model, derived from a gold segmentation: each gold unit's first
 * and last words are found in the page (white space folded), its lines are its text (`body` for the
 * article), and the lines between two units are read backwards from the next unit: a quotation
 * ("X a écrit :" and what follows), then the unit's header (lines holding its author, a date or a
 * reply marker, interface lines among them), then the previous unit's action lines and the page's
 * other lines.
 */

/** What the label derivation needs of one gold unit. */
export interface GoldSpan {
  readonly kind: string;
  readonly author: string;
  readonly quotes: string;
  readonly firstWords: string;
  readonly lastWords: string;
}

/** Lines labelled, blank lines and lines of a page whose units could not be found undefined; `missing` counts units not found. */
export interface LabelledLines {
  readonly roles: readonly (LineRole | undefined)[];
  readonly missing: number;
}

const fold = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Header lines above a unit stop at the first line that is none of these. */
function headerLike(line: string, author: string): boolean {
  const t = line.trim();
  if (author.length >= 2 && t.toLowerCase().includes(author.toLowerCase())) return true;
  const reply = replyCueOf(t);
  if (reply !== undefined && reply.quote === undefined) return true;
  return t.length <= 160 && mayHoldDate(t) && segmentsOf(t).some((s) => dateCueOf(s) !== undefined);
}

const quoteOpening = (line: string): boolean => replyCueOf(line.trim())?.quote !== undefined || /\ba écrit\s*:|\bwrote\s*:/iu.test(line) || /^\S.{1,40}:$/u.test(line.trim());

/** Label the lines of one page from its gold units, in page order. */
export function labelLines(lines: readonly string[], units: readonly GoldSpan[]): LabelledLines {
  // The page folded into one string, with the line of every character.
  let page = '';
  const lineAt: number[] = [];
  lines.forEach((line, i) => {
    const t = fold(line);
    if (t === '') return;
    if (page !== '') { page += ' '; lineAt.push(i); }
    page += t;
    for (let k = 0; k < t.length; k += 1) lineAt.push(i);
  });
  const roles: (LineRole | undefined)[] = lines.map(() => undefined);
  const spansOf = (ordered: readonly GoldSpan[]): { spans: { first: number; last: number; unit: GoldSpan }[]; missing: number } => {
    let cursor = 0;
    let missing = 0;
    const spans: { first: number; last: number; unit: GoldSpan }[] = [];
    for (const unit of ordered) {
      const first = fold(unit.firstWords);
      const last = fold(unit.lastWords);
      // A unit without words (a page of reviews has no article text) has no lines to label.
      if (first === '' && last === '') continue;
      const a = first === '' ? -1 : page.indexOf(first, cursor);
      const b = a === -1 || last === '' ? -1 : page.indexOf(last, a);
      if (a === -1 || b === -1) { missing += 1; continue; }
      spans.push({ first: lineAt[a]!, last: lineAt[b + last.length - 1]!, unit });
      cursor = b + last.length;
    }
    return { spans, missing };
  };
  let { spans, missing } = spansOf(units);
  // Units numbered in another order than the page shows them (a mail thread, newest message on top): in page order.
  if (missing > 0) {
    const at = (u: GoldSpan): number => page.indexOf(fold(u.firstWords));
    ({ spans, missing } = spansOf([...units].sort((u, v) => at(u) - at(v))));
  }
  if (missing > 0) return { roles, missing };
  let gapStart = 0;
  for (const { first, last, unit } of spans) {
    labelGap(lines, roles, gapStart, first, unit);
    const article = unit.kind === 'article';
    let opened = false;
    for (let i = first; i <= last; i += 1) {
      const line = lines[i]!;
      if (isBlank(line)) continue;
      roles[i] = article ? 'body' : opened ? 'text' : 'start';
      opened = true;
    }
    gapStart = last + 1;
  }
  for (let i = gapStart; i < lines.length; i += 1) if (!isBlank(lines[i]!)) roles[i] = isInterfaceLine(lines[i]!.trim()) ? 'action' : 'other';
  return { roles, missing: 0 };
}

/** Label lines [from, to) above a unit: its quotation, its header, then action and other lines. */
function labelGap(lines: readonly string[], roles: (LineRole | undefined)[], from: number, to: number, unit: GoldSpan): void {
  let i = to - 1;
  if (unit.quotes !== '') {
    let open = -1;
    for (let j = to - 1; j >= from && open === -1; j -= 1) if (quoteOpening(lines[j]!)) open = j;
    if (open !== -1) {
      for (let j = open; j < to; j += 1) if (!isBlank(lines[j]!)) roles[j] = 'quote';
      i = open - 1;
    }
  }
  const above: number[] = [];
  for (; i >= from; i -= 1) if (!isBlank(lines[i]!)) above.push(i);
  // The header: header-like lines upwards, with interface lines and up to two short lines between them ("En réponse à").
  // Above the line holding the author, an interface line ends the header: what is above it (a dated
  // "J'aime · Répondre · 1 sem") closes the unit before.
  let headerEnd = 0;
  let named = false;
  for (let k = 0; k < above.length; k += 1) {
    const line = lines[above[k]!]!;
    if (headerLike(line, unit.author)) { headerEnd = k + 1; named ||= unit.author.length >= 2 && line.toLowerCase().includes(unit.author.toLowerCase()); continue; }
    if (isInterfaceLine(line.trim())) { if (named) break; continue; }
    const bridged = wordCount(line, 6) <= 5 && above.slice(k + 1, k + 3).some((j) => headerLike(lines[j]!, unit.author));
    if (!bridged) break;
  }
  above.forEach((j, k) => {
    const iface = isInterfaceLine(lines[j]!.trim());
    roles[j] = k < headerEnd && !iface ? 'header' : iface ? 'action' : 'other';
  });
}
