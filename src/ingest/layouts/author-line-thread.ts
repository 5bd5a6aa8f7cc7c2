import { type BoilerplatePattern, matchBoilerplate } from '../boilerplate.js';
import { isRelativeDate, parseDateLine } from '../french-date.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { withQuotesAttributed } from './quotes.js';
import { indentOf, looksLikeHandle, paragraphsOf, type Paragraph, perLine } from './text-lines.js';
import { findCommentHeadings, type CommentHeading } from './thread-heading.js';

/** Lines a site prints with the name: "il y a 3 heures", "12 mars 2023 à 10:14". */
const isDateStamp = (line: string): boolean => parseDateLine(line) !== undefined || isRelativeDate(line);

/** A user name alone, or with its date stamp on the next line or two. */
const isAuthorParagraph = (p: Paragraph | undefined): boolean =>
  p !== undefined && p.lines.length <= 3 && looksLikeHandle(p.lines[0]!) && matchBoilerplate(p.lines[0]!) === undefined
  && p.lines.slice(1).every(isDateStamp);

/** The boilerplate pattern line i matches (`matchBoilerplate`), read once per reading of a page. */
type FurnitureAt = (i: number) => BoilerplatePattern | undefined;

/** Where the thread ends: the first page-furniture line after the heading (newsletter, comment form…). */
function threadEnd(lines: readonly string[], from: number, furnitureAt: FurnitureAt): number {
  for (let i = from; i < lines.length; i += 1) if (furnitureAt(i)?.kind === 'end') return i;
  return lines.length;
}

type Thread = { heading: CommentHeading; end: number; furnitureAt: FurnitureAt } | undefined;

/** The heading that opens an author-line thread: followed by a user name alone, then text. */
function findThread(lines: readonly string[]): Thread {
  // The furniture of the lines after a heading: found while looking for the thread's end, then dropped from its comments.
  const furnitureAt: FurnitureAt = perLine(lines, matchBoilerplate);
  for (const heading of findCommentHeadings(lines).reverse()) {
    const end = threadEnd(lines, heading.index + 1, furnitureAt);
    const paragraphs = paragraphsOf(lines, heading.index + 1, end);
    if (isAuthorParagraph(paragraphs[0]) && paragraphs[1] !== undefined && !isAuthorParagraph(paragraphs[1])) return { heading, end, furnitureAt };
  }
  return undefined;
}

/**
 * Threads where each comment opens with its author's name alone on a line (news sites, Clubic,
 * many forums): "Commentaires (10)", then "carinae", blank, the comment's paragraphs, blank, the
 * next name. A date line right under the name is the comment's date; a name indented deeper than
 * the one before answers it.
 */
export const authorLineThreadLayout: PageLayout = {
  name: 'author-line-thread',
  recognise: (_text, lines) => findThread(lines) !== undefined,
  parse: (_text, lines) => parseThread(lines, findThread(lines)),
  read(_text, lines) {
    const found = findThread(lines);
    return found === undefined ? undefined : parseThread(lines, found);
  },
};

/** The comments of the thread found (none when undefined) and the article above it. */
function parseThread(lines: readonly string[], found: Thread): ReturnType<PageLayout['parse']> {
  const headingIndex = found?.heading.index ?? lines.length;
  const article = parseArticlePart(lines.slice(0, headingIndex));
  interface Draft { author: string; published?: string; parentIndex?: number; paragraphs: string[] }
  const drafts: Draft[] = [];
  // Sites that indent replies under the name: a deeper name answers the last shallower one.
  const stack: { indent: number; index: number }[] = [];
  const paragraphs = found === undefined ? [] : paragraphsOf(lines, headingIndex + 1, found.end);
  paragraphs.forEach((p, k) => {
    const next = paragraphs[k + 1];
    if (isAuthorParagraph(p) && next !== undefined && !isAuthorParagraph(next)) {
      const published = p.lines.slice(1).map((l) => parseDateLine(l)).find((d) => d !== undefined);
      const indent = indentOf(p.lines[0]!);
      while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
      drafts.push({ author: p.lines[0]!.trim(), published, parentIndex: stack.at(-1)?.index, paragraphs: [] });
      stack.push({ indent, index: drafts.length - 1 });
      return;
    }
    const current = drafts.at(-1);
    if (current === undefined) return;
    const kept = p.lines.filter((l, j) => {
      // A date stamp alone between the name and the text is the comment's date.
      if (current.paragraphs.length === 0 && isDateStamp(l)) { current.published ??= parseDateLine(l); return false; }
      return found?.furnitureAt(p.start + j) === undefined;
    });
    if (kept.length > 0) current.paragraphs.push(kept.map((l) => l.trim()).join('\n'));
  });
  const { comments, diagnostics } = withQuotesAttributed(drafts, article, true);
  return { page: { ...article, nCommentsDeclared: found?.heading.declared, comments }, diagnostics };
}
