import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { cleanScrapedText } from '../clean-text.js';
import type { ParsedComment } from '../page.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { quoteCandidate, quoteNotFound, quoteOpener, quoteSource, type QuoteCandidate } from './quotes.js';
import { paragraphsOf, perLine } from './text-lines.js';
import { findCommentHeadings } from './thread-heading.js';

function threadStart(lines: readonly string[]): { index: number; declared?: number } | undefined {
  return findCommentHeadings(lines).at(-1);
}

/**
 * Comment blocks with no author line, separated by blank lines only; a reply opens with
 * "X a écrit :" and the text it quotes, then its own words. Comments are told apart by the
 * length of the blank gap between them: the shortest gap longer than one line separates
 * comments, other gaps are line breaks inside a comment. After a quote, the page's
 * rhythm shifts by one line, so any gap that long or longer ends the reply.
 */
export const blankLineThreadLayout: PageLayout = {
  name: 'blank-line-thread',
  recognise(text, lines) {
    const heading = threadStart(lines);
    if (heading === undefined) return false;
    return paragraphsOf(lines, heading.index + 1).some((p) => !isEndMarker(p.lines[0]!));
  },
  parse(text, lines) {
    const heading = threadStart(lines);
    const start = heading?.index ?? lines.length;
    const article = parseArticlePart(lines.slice(0, start));
    // Each line's furniture read once: the thread ends at the first end marker, the other furniture is dropped.
    let end = lines.length;
    const furnitureAt = perLine(lines, matchBoilerplate);
    for (let i = start + 1; i < lines.length; i += 1) if (furnitureAt(i)?.kind === 'end') { end = i; break; }
    const paragraphs = paragraphsOf(lines, start + 1, end)
      .map((p) => ({ ...p, lines: p.lines.filter((_, k) => furnitureAt(p.start + k) === undefined) }))
      .filter((p) => p.lines.length > 0);
    const innerGaps = paragraphs.slice(1).map((p) => p.gapBefore).filter((g) => g > 1);
    const separator = innerGaps.length > 0 ? Math.min(...innerGaps) : 1;

    interface Draft { paragraphs: string[]; quoting?: { author: string; quoted: string[]; quotesIndex?: number; own: boolean } }
    const drafts: Draft[] = [];
    const articleCandidate = quoteCandidate({ author: article.author, text: article.body });
    // Finished comments in matching form, prepared once each: a quote only looks back at finished ones.
    const candidates: QuoteCandidate[] = [];

    paragraphs.forEach((p, k) => {
      const current = drafts.at(-1);
      const opener = p.lines.length === 1 ? quoteOpener(p.lines[0]!) : undefined;
      if (opener !== undefined) {
        while (candidates.length < drafts.length) candidates.push(quoteCandidate({ text: drafts[candidates.length]!.paragraphs.join('\n') }));
        drafts.push({ paragraphs: [], quoting: { author: opener.author, quoted: [], own: false } });
        return;
      }
      const q = current?.quoting;
      if (current !== undefined && q !== undefined && !q.own) {
        const source = quoteSource(p.lines.join('\n'), undefined, candidates.slice(0, drafts.length - 1), articleCandidate);
        // The first paragraph after "X a écrit :" is quoted even if its source is not on the page.
        if (q.quoted.length === 0 || (source !== undefined && source === q.quotesIndex)) {
          if (q.quoted.length === 0) q.quotesIndex = source;
          q.quoted.push(p.lines.join('\n'));
          return;
        }
        q.own = true;
        current.paragraphs.push(p.lines.join('\n'));
        return;
      }
      const startsComment = current === undefined || k === 0 || p.gapBefore === separator || (q?.own === true && p.gapBefore >= separator);
      if (startsComment) drafts.push({ paragraphs: [p.lines.join('\n')] });
      else current.paragraphs.push(p.lines.join('\n'));
    });

    const diagnostics = drafts.flatMap((d, k) => (d.quoting !== undefined && d.quoting.quotesIndex === undefined ? [quoteNotFound(k)] : []));
    const comments: ParsedComment[] = drafts.map((d) => ({
      text: cleanScrapedText(d.paragraphs.join('\n\n')),
      quotesIndex: d.quoting?.quotesIndex,
      parentIndex: d.quoting?.quotesIndex !== undefined && d.quoting.quotesIndex >= 0 ? d.quoting.quotesIndex : undefined,
    }));
    return { page: { ...article, nCommentsDeclared: heading?.declared, comments }, diagnostics };
  },
};
