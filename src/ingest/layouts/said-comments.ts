import { isAnonymousLabel } from '../anonymous-label.js';
import type { ParsedComment } from '../page.js';
import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { dateCueOf, DEFAULT_LINE_CUES, type LineCueSet } from './line-cues.js';
import { isBlank, wordCount } from './text-lines.js';

/**
 * Comments opened by "X a dit…" ("X said...") and dated by a line under their words, as a hosted
 * blog platform's default theme prints them (Blogger): "Anonyme a dit…" / the words / "15 mars 2025 à
 * 19:03" / "Supprimer". A "Réponses" ("Replies") line under a comment opens its answers, each a reply
 * to it (one level), up to the "Répondre" ("Reply") line closing its thread. Lines between a date and
 * the next opener (a removed comment's notice, buttons) are not words. "Anonyme" / "Anonymous" is the
 * platform's label for a comment without a name: no author. The post above the first comment is the
 * article: its words between the title (the line under the day's header, "samedi 15 mars 2025") and
 * its byline "Publié par X à 17:42" ("Posted by X at 5:42 PM"), which gives its author and, with the
 * day's header, its date.
 */

/** Fewest comments, each dated under its words, that make a page one of said comments. */
const MIN_COMMENTS = 2;
/** Longest date line, in words ("15 mars 2025 à 19:03", "March 15, 2025 at 7:03 PM"). */
const MAX_DATE_WORDS = 8;

const OPENER = /^(\S.{0,60}?)\s+(?:a dit|said)\s*(?:…|\.\.\.)$/u;
const REPLIES = /^(?:réponses|replies)$/iu;
const REPLY_CLOSE = /^(?:répondre|reply)$/iu;
const BYLINE = /^(?:publié|posté|posted)\s+(?:par|by)\s+(.+?)\s+(?:à|at)\s+(\d{1,2}):(\d{2})\s*(am|pm)?$/iu;

/** A line that is a date and nothing else: its ISO form. */
function dateLine(line: string, cues: LineCueSet): string | undefined {
  const t = line.trim();
  return t === '' || wordCount(t) > MAX_DATE_WORDS ? undefined : dateCueOf(t, cues)?.iso;
}

/** The post above the first comment: its words, author and date. */
function articleOf(lines: readonly string[], end: number, cues: LineCueSet): { body: string; author?: string; published?: string } {
  let byline = -1;
  for (let i = end - 1; i >= 0 && byline === -1; i -= 1) if (BYLINE.test(lines[i]!.trim())) byline = i;
  const stop = byline === -1 ? end : byline;
  let day = -1;
  for (let i = stop - 1; i >= 0 && day === -1; i -= 1) if (/^\d{4}-\d{2}-\d{2}$/u.test(dateLine(lines[i]!, cues) ?? '')) day = i;
  // The title is the first line under the day's header.
  let from = day === -1 ? 0 : day + 1;
  while (from < stop && isBlank(lines[from]!)) from += 1;
  if (day !== -1) from += 1;
  const body = lines.slice(from, stop).map((l) => l.trim()).join('\n').replace(/\n{3,}/gu, '\n\n').trim();
  const m = byline === -1 ? null : BYLINE.exec(lines[byline]!.trim());
  const date = day === -1 ? undefined : dateLine(lines[day]!, cues);
  let published = date;
  if (m !== null && date !== undefined) {
    let hour = Number(m[2]) % (m[4] === undefined ? 24 : 12);
    if (m[4]?.toLowerCase() === 'pm') hour += 12;
    published = `${date}T${String(hour).padStart(2, '0')}:${m[3]}`;
  }
  return { body, author: m?.[1]?.trim(), published };
}

/** Read a page as comments opened by "X a dit…"; undefined when fewer than MIN_COMMENTS are dated under their words. */
export function readSaidComments(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const openers: number[] = [];
  for (let i = 0; i < lines.length; i += 1) if (lines[i]!.length <= 80 && OPENER.test(lines[i]!.trim())) openers.push(i);
  if (openers.length < MIN_COMMENTS) return undefined;
  const comments: ParsedComment[] = [];
  let dated = 0;
  let thread: number | undefined;
  let inReplies = false;
  openers.forEach((at, k) => {
    const next = openers[k + 1] ?? lines.length;
    const name = OPENER.exec(lines[at]!.trim())![1]!.trim();
    const words: string[] = [];
    let published: string | undefined;
    let i = at + 1;
    for (; i < next; i += 1) {
      const date = dateLine(lines[i]!, cues);
      if (date !== undefined) { published = date; dated += 1; i += 1; break; }
      words.push(lines[i]!.trim());
    }
    const index = comments.length;
    comments.push({ author: isAnonymousLabel(name) ? undefined : name, published, text: words.join('\n').trim(), parentIndex: inReplies ? thread : undefined });
    if (!inReplies) thread = index;
    // After the date: "Réponses" opens this comment's answers, "Répondre" closes its thread.
    for (; i < next; i += 1) {
      const t = lines[i]!.trim();
      if (REPLIES.test(t) && !inReplies) inReplies = true;
      else if (REPLY_CLOSE.test(t)) inReplies = false;
    }
  });
  if (dated < MIN_COMMENTS || dated * 2 < openers.length) return undefined;
  const article = articleOf(lines, openers[0]!, cues);
  return {
    page: { ...article, comments },
    diagnostics: [{ level: 'info', code: 'thread-said-comments', message: `thread read from ${comments.length} comments opened by "X a dit…" and dated under their words` }],
  };
}

/** The said-comments reader as a layout. */
export const saidCommentsLayout: PageLayout = layoutOfReader('said-comments', readSaidComments, DEFAULT_LINE_CUES);
