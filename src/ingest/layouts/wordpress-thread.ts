import { matchBoilerplate } from '../boilerplate.js';
import { parseDateLine } from '../french-date.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { isInterfaceLine } from './line-cues.js';
import { withQuotesAttributed } from './quotes.js';
import { indentOf, isBlank, perLine } from './text-lines.js';
import { headingBefore } from './thread-heading.js';

// "  • quinctius cincinnatus Répondre", "Marie dit :", "• Paul a dit :" — the comment's header line.
const HEADER = /^(?:[•·◦▪*–-]\s*)?(\S.{0,60}?)\s+(?:Répondre|dit\s*:|a dit\s*:)$/u;
/**
 * The author of a comment header line. "X dit :" counts only with the date line WordPress prints
 * right under it, so that a comment line such as "Et le ministre dit :" is not taken for one.
 */
function parseHeader(lines: readonly string[], i: number, dateAt: (i: number) => string | undefined): string | undefined {
  const line = lines[i]!.trim();
  // Every header ends with "Répondre" or ":": other lines are spared the regex.
  if (!line.endsWith(':') && !line.endsWith('Répondre')) return undefined;
  const author = HEADER.exec(line)?.[1];
  // A row of buttons ("J'aime   Répondre") names nobody.
  if (author !== undefined && isInterfaceLine(author)) return undefined;
  if (author === undefined || /Répondre$/u.test(line)) return author;
  for (let j = i + 1; j < i + 4 && j < lines.length; j += 1) if (!isBlank(lines[j]!)) return dateAt(j) !== undefined ? author : undefined;
  return undefined;
}

/** A page's lines and its comment headers (line index → author), in line order. */
interface Thread {
  readonly text: string;
  readonly lines: readonly string[];
  readonly authors: ReadonlyMap<number, string>;
  readonly headers: readonly number[];
  /** `parseDateLine` of line i, read once per reading: the headers, the test of a thread and the comments ask for the same lines. */
  readonly dateAt: (i: number) => string | undefined;
}

/** The page's comment headers, found once per reading (`read`) and passed on. */
function threadOf(text: string, lines: readonly string[]): Thread {
  const dateAt = perLine(lines, parseDateLine);
  const authors = new Map<number, string>();
  lines.forEach((_, i) => {
    const author = parseHeader(lines, i, dateAt);
    if (author !== undefined) authors.set(i, author);
  });
  return { text, lines, authors, headers: [...authors.keys()], dateAt };
}

/**
 * WordPress-style threads: a header line per comment (bullet, author, "Répondre", or "X dit :"),
 * the comment text, a French date line ("25 décembre 2021 à 8 h 12 min") before or after the
 * text, and replies nested by indentation.
 */
export const wordpressThreadLayout: PageLayout = {
  name: 'wordpress-thread',
  recognise: (text, lines) => isThread(threadOf(text, lines)),
  parse: (text, lines) => parseThread(threadOf(text, lines)),
  read(text, lines) {
    const thread = threadOf(text, lines);
    return isThread(thread) ? parseThread(thread) : undefined;
  },
};

/** Most comments carry a date line before the next header: one stray "X dit :" in an article does not make a thread. */
function isThread({ lines, headers, dateAt }: Thread): boolean {
  const dated = headers.filter((h, k) => {
    for (let i = h + 1; i < (headers[k + 1] ?? lines.length); i += 1) if (dateAt(i) !== undefined) return true;
    return false;
  });
  return headers.length > 0 && dated.length * 2 >= headers.length;
}

/** The comments under the headers, nested by indentation, and the article above them. */
function parseThread({ lines, headers, authors, dateAt }: Thread): ReturnType<PageLayout['parse']> {
  const firstHeader = headers[0] ?? lines.length;
  const heading = headingBefore(lines, firstHeader);
  const article = parseArticlePart(lines.slice(0, heading?.index ?? firstHeader));

  interface Draft { author: string; published?: string; indent: number; parentIndex?: number; lines: string[] }
  const drafts: Draft[] = [];
  const stack: { indent: number; index: number }[] = [];
  let current: Draft | undefined;
  const topIndent = headers.length > 0 ? Math.min(...headers.map((i) => indentOf(lines[i]!))) : 0;
  for (let i = firstHeader; i < lines.length; i += 1) {
    const line = lines[i]!;
    const author = authors.get(i);
    if (author !== undefined) {
      const indent = indentOf(line);
      while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
      current = { author, indent, parentIndex: stack.at(-1)?.index, lines: [] };
      stack.push({ indent, index: drafts.length });
      drafts.push(current);
      continue;
    }
    if (current === undefined || isBlank(line)) { current?.lines.push(''); continue; }
    // The thread is over at the comment form, or at a line back at the page margin.
    const furniture = matchBoilerplate(line);
    if (furniture?.kind === 'end' || (topIndent > 0 && indentOf(line) === 0)) break;
    const date = dateAt(i);
    if (date !== undefined && current.published === undefined) { current.published = date; continue; }
    if (furniture !== undefined) continue;
    current.lines.push(line.trim());
  }
  const { comments, diagnostics } = withQuotesAttributed(drafts.map((d) => ({ ...d, paragraphs: d.lines.join('\n').split(/\n[ \t]*\n/u) })), article, false);
  return {
    page: { ...article, nCommentsDeclared: heading?.declared, comments },
    diagnostics,
  };
}
