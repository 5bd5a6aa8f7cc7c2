import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { cleanScrapedText } from '../clean-text.js';
import { parseDateLine } from '../french-date.js';
import type { ParsedComment } from '../page.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { looksLikeHandle, paragraphsOf, splitLines, type Paragraph } from './text-lines.js';
import { findCommentHeadings, type CommentHeading } from './thread-heading.js';

const isAuthorParagraph = (p: Paragraph | undefined): boolean => p !== undefined && p.lines.length === 1 && looksLikeHandle(p.lines[0]!);

/** Where the thread ends: the first page-furniture line after the heading (newsletter, comment form…). */
function threadEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) if (isEndMarker(lines[i]!)) return i;
  return lines.length;
}

/** The heading that opens an author-line thread: followed by a user name alone, then text. */
function findThread(lines: readonly string[]): { heading: CommentHeading; end: number } | undefined {
  for (const heading of findCommentHeadings(lines).reverse()) {
    const end = threadEnd(lines, heading.index + 1);
    const paragraphs = paragraphsOf(lines, heading.index + 1, end);
    if (isAuthorParagraph(paragraphs[0]) && paragraphs[1] !== undefined && !isAuthorParagraph(paragraphs[1])) return { heading, end };
  }
  return undefined;
}

/**
 * Threads where each comment opens with its author's name alone on a line (news sites, Clubic,
 * many forums): "Commentaires (10)", then "carinae", blank, the comment's paragraphs, blank, the
 * next name. A date line right under the name is the comment's date.
 */
export const authorLineThreadLayout: PageLayout = {
  name: 'author-line-thread',
  recognise: (text) => findThread(splitLines(text)) !== undefined,
  parse(text) {
    const lines = splitLines(text);
    const found = findThread(lines);
    const headingIndex = found?.heading.index ?? lines.length;
    const article = parseArticlePart(lines.slice(0, headingIndex));
    interface Draft { author: string; published?: string; paragraphs: string[] }
    const drafts: Draft[] = [];
    const paragraphs = found === undefined ? [] : paragraphsOf(lines, headingIndex + 1, found.end);
    paragraphs.forEach((p, k) => {
      const next = paragraphs[k + 1];
      if (isAuthorParagraph(p) && next !== undefined && !isAuthorParagraph(next)) {
        drafts.push({ author: p.lines[0]!.trim(), paragraphs: [] });
        return;
      }
      const current = drafts.at(-1);
      if (current === undefined) return;
      const kept = p.lines.filter((l) => {
        const date = current.paragraphs.length === 0 && current.published === undefined ? parseDateLine(l) : undefined;
        if (date !== undefined) { current.published = date; return false; }
        return matchBoilerplate(l) === undefined;
      });
      if (kept.length > 0) current.paragraphs.push(kept.map((l) => l.trim()).join('\n'));
    });
    const comments: ParsedComment[] = drafts.map((d) => ({ author: d.author, published: d.published, text: cleanScrapedText(d.paragraphs.join('\n\n')) }));
    return { page: { ...article, nCommentsDeclared: found?.heading.declared, comments }, diagnostics: [] };
  },
};
