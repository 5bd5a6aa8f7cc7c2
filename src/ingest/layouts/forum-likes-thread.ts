import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { cleanScrapedText } from '../clean-text.js';
import { isRelativeDate, parseDateLine } from '../french-date.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { withQuotesAttributed } from './quotes.js';
import { latestPostBy, replyToAuthor } from './reply-target.js';
import { isBlank, looksLikeHandle } from './text-lines.js';

// "23 « J'aime »", "1 J’aime", "5 «J’aime»": Discourse and phpBB-style like counters closing a post.
const LIKE_COUNTER = /^\d+\s*(?:«\s*)?j['’]aime(?:\s*»)?$/iu;

interface PostHeader {
  readonly index: number;
  readonly author: string;
  readonly replyTo?: string;
  readonly published?: string;
  /** First line after the header's metadata lines. */
  readonly textStart: number;
}

/** A user name alone on a line, then (optionally "en réponse à X") a date line: a post starts. */
function postHeaderAt(lines: readonly string[], i: number): PostHeader | undefined {
  const line = lines[i]!;
  if (!looksLikeHandle(line)) return undefined;
  let j = i + 1;
  const replyTo = lines[j] === undefined ? undefined : replyToAuthor(lines[j]!);
  if (replyTo !== undefined) j += 1;
  const dateLine = lines[j] ?? '';
  const published = parseDateLine(dateLine);
  if (published === undefined && !isRelativeDate(dateLine)) return undefined;
  return { index: i, author: line.trim(), replyTo, published, textStart: j + 1 };
}

function postHeaders(lines: readonly string[]): PostHeader[] {
  const out: PostHeader[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const h = postHeaderAt(lines, i);
    if (h !== undefined) { out.push(h); i = h.textStart - 1; }
  }
  return out;
}

/**
 * Forum threads (Discourse, phpBB…) where each post is a user name, a date line (with "en
 * réponse à X" when it answers someone), the post text, and a like counter ("23 « J'aime »").
 * The opening post is the article; the others are comments.
 */
export const forumLikesThreadLayout: PageLayout = {
  name: 'forum-likes-thread',
  recognise(text, lines) {
    return lines.some((l) => LIKE_COUNTER.test(l.trim())) && postHeaders(lines).length >= 2;
  },
  parse(text, lines) {
    const headers = postHeaders(lines);
    const first = headers[0];
    const pageTitle = parseArticlePart(lines.slice(0, first?.index ?? lines.length)).title;
    interface Draft { header: PostHeader; lines: string[] }
    const drafts: Draft[] = [];
    let ended = false;
    headers.forEach((h, k) => {
      if (ended) return;
      const next = headers[k + 1]?.index ?? lines.length;
      const body: string[] = [];
      for (let i = h.textStart; i < next; i += 1) {
        const line = lines[i]!;
        if (isEndMarker(line)) { ended = true; break; }
        if (!isBlank(line) && (LIKE_COUNTER.test(line.trim()) || matchBoilerplate(line) !== undefined)) continue;
        body.push(line);
      }
      drafts.push({ header: h, lines: body });
    });
    const [opening, ...rest] = drafts;
    const openingBody = opening === undefined ? '' : cleanScrapedText(opening.lines.join('\n'));
    const parents: (number | undefined)[] = [];
    const earlier: PostHeader[] = [];
    for (const d of rest) {
      const target = d.header.replyTo === undefined ? undefined : latestPostBy(d.header.replyTo, earlier, opening?.header.author);
      parents.push(target !== undefined && target >= 0 ? target : undefined);
      earlier.push(d.header);
    }
    const { comments, diagnostics } = withQuotesAttributed(rest.map((d, k) => ({
      author: d.header.author, published: d.header.published, paragraphs: d.lines.join('\n').split(/\n[ \t]*\n/u), parentIndex: parents[k],
    })), { author: opening?.header.author, body: openingBody }, true);
    return {
      page: {
        title: pageTitle, author: opening?.header.author, published: opening?.header.published,
        body: openingBody, comments,
      },
      diagnostics,
    };
  },
};
