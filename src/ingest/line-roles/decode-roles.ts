import type { ParsedComment, ParsedPage } from '../page.js';
import { authorOf, type DateCue, dateCueOf, DEFAULT_LINE_CUES, type LineCueSet, mayHoldDate, replyCueOf, segmentsOf } from '../layouts/line-cues.js';
import { indentOf, isBlank, wordCount } from '../layouts/text-lines.js';
import type { LineRole } from './roles.js';

/**
 * Line roles → units. A header line opens a unit (consecutive header lines, with action lines among
 * them, are one header); start, text and body lines are its words; an action line closes its words,
 * so that a text line after it starts another unit; a start line after words starts one too. Quote
 * and other lines are nobody's words. The first unit is the article (the prose before the first
 * header, or the first post). Author, date and reply marker come from the header lines, read with
 * the generic cues of line-cues.ts; the parent from the marker (a depth, a name answered) or, on an
 * indented page, from indentation.
 */

interface DecodedUnit {
  readonly header: number[];
  readonly text: number[];
}

/** The units of a page: the line indices of each one's header and words. */
export function unitsOfRoles(lines: readonly string[], roles: readonly (LineRole | undefined)[]): DecodedUnit[] {
  const units: DecodedUnit[] = [];
  let current: DecodedUnit | undefined;
  let closed = false;
  const open = (): DecodedUnit => { current = { header: [], text: [] }; units.push(current); closed = false; return current; };
  roles.forEach((role, i) => {
    if (role === undefined || isBlank(lines[i]!)) return;
    switch (role) {
      case 'header': {
        const u = current !== undefined && current.text.length === 0 && !closed ? current : open();
        u.header.push(i);
        return;
      }
      case 'action':
        if (current !== undefined && current.text.length > 0) closed = true;
        return;
      case 'start':
      case 'text':
      case 'body': {
        const fresh = current === undefined || closed || (role === 'start' && current.text.length > 0);
        (fresh ? open() : current!).text.push(i);
        return;
      }
      case 'quote':
      case 'other':
        return;
    }
  });
  return units.filter((u) => u.text.length > 0);
}

/** Probability of words (article or comment) over which an unsure line of prose above the thread is the article's. */
const ARTICLE_WORDS_PROBABILITY = 0.25;
/** Words of a line above the thread that make it prose rather than navigation. */
const ARTICLE_MIN_WORDS = 8;

/**
 * The units with the article first. When the first unit is a comment (its words are not article
 * lines), the article is the lines of prose above it that the model, reading each line alone, does
 * not rule out as words (`wordsProbability`: of body, start or text); else the first post is the article.
 */
function withArticle(lines: readonly string[], units: DecodedUnit[], roles: readonly (LineRole | undefined)[], wordsProbability: readonly number[]): DecodedUnit[] {
  const first = units[0];
  if (first === undefined || first.text.some((i) => roles[i] === 'body')) return units;
  const words: number[] = [];
  for (let i = 0; i < first.text[0]!; i += 1) {
    if (roles[i] === 'header' || (wordsProbability[i] ?? 0) < ARTICLE_WORDS_PROBABILITY) continue;
    if ((wordsProbability[i] ?? 0) >= 0.5 || wordCount(lines[i]!, ARTICLE_MIN_WORDS) >= ARTICLE_MIN_WORDS) words.push(i);
  }
  if (words.length === 0) return units;
  // Header lines above the article's words are the article's (its byline); those below open the first comment.
  const last = words[words.length - 1]!;
  const article = { header: first.header.filter((i) => i < words[0]!), text: words };
  return [article, { header: first.header.filter((i) => i > last), text: first.text }, ...units.slice(1)];
}

/** A segment read as a name followed by a date ("throwaway_eu42 2 years ago"), or undefined. */
function nameThenDate(segment: string, cues: LineCueSet): { name: string; date: DateCue } | undefined {
  if (!mayHoldDate(segment)) return undefined;
  const words = segment.split(/\s+/u);
  for (let k = 1; k <= 3 && k < words.length; k += 1) {
    const date = dateCueOf(words.slice(k).join(' '), cues);
    if (date === undefined) continue;
    const name = authorOf(words.slice(0, k).join(' '), cues);
    return name === undefined ? undefined : { name, date };
  }
  return undefined;
}

/** Author, date and reply marker of a unit's header lines. */
function headerMetadata(lines: readonly string[], header: readonly number[], cues: LineCueSet): { author?: string | undefined; published?: string | undefined; depth?: number | undefined; target?: string | undefined } {
  let author: string | undefined;
  let published: string | undefined;
  let depth: number | undefined;
  let target: string | undefined;
  for (const i of header) {
    const t = lines[i]!.trim();
    const reply = replyCueOf(t);
    if (reply !== undefined) {
      depth ??= reply.depth;
      target ??= reply.target;
      continue;
    }
    for (const s of segmentsOf(t)) {
      const date = mayHoldDate(s) ? dateCueOf(s, cues) : undefined;
      if (date !== undefined) { published ??= date.iso; continue; }
      // "Patapouf le 26/09/2022 à 09:41": a name, then its date.
      const joined = /^(.+?)\s+(?:le|on|at|du|-|–)\s+(.+)$/u.exec(s);
      const joinedDate = joined === null ? undefined : dateCueOf(joined[2] ?? '', cues);
      if (joinedDate !== undefined) {
        published ??= joinedDate.iso;
        author ??= authorOf(joined?.[1] ?? '', cues);
        continue;
      }
      // "throwaway_eu42 2 years ago": a name of one to three words, then a date, without a separator.
      const split = nameThenDate(s, cues);
      if (split !== undefined) {
        published ??= split.date.iso;
        author ??= split.name;
        continue;
      }
      author ??= authorOf(s, cues);
    }
  }
  return { author, published, depth, target };
}

/** Non-blank lines above a unit's first line where its name may stand when the model did not take it for header ("Pseudo" over "MP" over the date). */
const NAME_REACH = 3;

/** The name on a line just above a unit (action lines between), when its header holds none. */
function nameAbove(lines: readonly string[], roles: readonly (LineRole | undefined)[], top: number, cues: LineCueSet): string | undefined {
  for (let i = top - 1, seen = 0; i >= 0 && seen < NAME_REACH; i -= 1) {
    if (isBlank(lines[i]!)) continue;
    seen += 1;
    const role = roles[i];
    if (role === 'start' || role === 'text' || role === 'body') return undefined;
    if (role === 'action') continue;
    const name = authorOf(lines[i]!.trim(), cues);
    if (name !== undefined) return name;
  }
  return undefined;
}

const sameName = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.replace(/^@/u, '').toLowerCase() === b.replace(/^@/u, '').toLowerCase();

/** A page read from its line roles: the first unit is the article, the others its comments. */
export function decodeRoles(lines: readonly string[], roles: readonly (LineRole | undefined)[], cues: LineCueSet = DEFAULT_LINE_CUES, wordsProbability: readonly number[] = []): ParsedPage | undefined {
  const units = withArticle(lines, unitsOfRoles(lines, roles), roles, wordsProbability);
  if (units.length === 0) return undefined;
  const read = units.map((u) => {
    const meta = headerMetadata(lines, u.header, cues);
    meta.author ??= nameAbove(lines, roles, u.header[0] ?? u.text[0]!, cues);
    return { ...meta, text: u.text.map((i) => lines[i]!.trim()).join('\n'), indent: indentOf(lines[u.header[0] ?? u.text[0]!]!) };
  });
  const [article, ...rest] = read;
  const indented = rest.some((u) => u.indent > (rest[0]?.indent ?? 0));
  const parents: (number | undefined)[] = [];
  const stack: number[] = [];
  rest.forEach((u, k) => {
    let parent: number | undefined;
    if (u.depth !== undefined) {
      stack.length = Math.min(stack.length, u.depth);
      parent = u.depth > 0 ? stack[u.depth - 1] : undefined;
      stack[u.depth] = k;
    } else if (u.target !== undefined) {
      for (let j = k - 1; j >= 0; j -= 1) if (sameName(rest[j]?.author, u.target)) { parent = j; break; }
    } else if (indented) {
      for (let j = k - 1; j >= 0; j -= 1) {
        const p = rest[j]!;
        if (p.indent < u.indent) { parent = j; break; }
        if (p.indent === u.indent) { parent = parents[j]; break; }
      }
    }
    parents.push(parent);
  });
  const comments: ParsedComment[] = rest.map((u, k) => ({ author: u.author, published: u.published, text: u.text, parentIndex: parents[k] }));
  return { author: article!.author, published: article!.published, body: article!.text, comments };
}
