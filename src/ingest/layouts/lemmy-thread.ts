import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { isRelativeDate, parseDateLine } from '../french-date.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { withQuotesAttributed, type CommentDraft } from './quotes.js';
import { isInterfaceLine } from './line-cues.js';
import { indentOf, isBlank, wordCount } from './text-lines.js';
import { headingBefore } from './thread-heading.js';

// "hubert_t@lemmy.world": a federated account, alone on its line.
const ACCOUNT = /^[\p{L}\p{N}_.-]{1,40}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
// Lines Lemmy prints under the author: score, "modifié il y a 2 jours", a bullet, a mod badge.
const SCORE = /^(?:[↑▲⬆]\s*\d+\s*(?:[↓▼⬇]\s*\d+)?|[+-]?\d+\s*points?|\d+)$/u;
const EDITED = /^(?:modifié|édité)(?![\p{L}\p{N}]).{0,40}$/iu;
const BADGE = /^(?:[•·]|op|mod|admin|bot|auteur)$/iu;
const COMMUNITY = /^(?:publié|posté)\s+par\s+\S+\s+dans\s+!?[\p{L}\p{N}_.-]+@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)$/iu;

/** A line Lemmy prints under the author; `dated` when it is the comment's (relative) date. */
function metadataLine(line: string): { published?: string; dated: boolean } | undefined {
  const t = line.trim();
  const date = parseDateLine(t);
  if (date !== undefined) return { published: date, dated: true };
  if (isRelativeDate(t)) return { dated: true };
  if (SCORE.test(t) || EDITED.test(t) || BADGE.test(t)) return { dated: false };
  return undefined;
}

/** "soumis par" / "submitted by" alone over the account: the post's byline, not a comment's header. */
const SUBMITTED_BY = /^(?:soumis|publié|posté|submitted|posted)\s+(?:par|by)$/iu;

/** The post's menu ("…") and "load more" lines ("Voir 52 commentaires de plus"): not a comment's words. */
const isMenuLine = (line: string): boolean => /^\s*(?:…|\.{3}|⋯)\s*$/u.test(line) || isInterfaceLine(line);

/**
 * The post's own words after its byline block ("soumis par" / account / date / "à" / community): the
 * paragraphs from the first blank line after it to the first counter or short line of the page's
 * (score, "58 commentaires", "enregistrer").
 */
function postBody(lines: readonly string[], byline: number, firstHeader: number): string | undefined {
  let i = byline;
  while (i < firstHeader && !isBlank(lines[i]!)) i += 1;
  const body: string[] = [];
  for (; i < firstHeader; i += 1) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (SCORE.test(t) || isMenuLine(t) || (wordCount(t) <= 2 && !/[.!?…»)]$/u.test(t))) break;
    body.push(t);
  }
  return body.length === 0 ? undefined : body.join('\n\n');
}

/** The previous line that is not blank, trimmed ("" when none). */
function lineAbove(lines: readonly string[], i: number): string {
  for (let j = i - 1; j >= 0; j -= 1) if (!isBlank(lines[j]!)) return lines[j]!.trim();
  return '';
}

interface CommentHeader { readonly index: number; readonly author: string; readonly indent: number; readonly published?: string; readonly textStart: number }

function commentHeaders(lines: readonly string[]): CommentHeader[] {
  const out: CommentHeader[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const t = lines[i]!.trim();
    // An account has an "@": other lines are spared the regex.
    if (!t.includes('@') || !ACCOUNT.test(t) || SUBMITTED_BY.test(lineAbove(lines, i))) continue;
    let j = i + 1;
    let published: string | undefined;
    let dated = false;
    for (; j < lines.length; j += 1) {
      const m = metadataLine(lines[j]!);
      if (m === undefined) break;
      dated ||= m.dated;
      published ??= m.published;
    }
    // Lemmy always dates a comment; an e-mail address above a number ("contact@site.fr" / "2024") is not one.
    if (!dated) continue;
    out.push({ index: i, author: t, indent: indentOf(lines[i]!), published, textStart: j });
    i = j - 1;
  }
  return out;
}

/**
 * Lemmy (and kbin) threads: each comment opens with the account ("zoe_r@jlai.lu") and metadata
 * lines under it (relative date, ↑/↓ score, "modifié…"), then the text, "Répondre", "Signaler";
 * replies are nested by indentation. The post itself ("publié par X dans Y") is the article.
 */
export const lemmyThreadLayout: PageLayout = {
  name: 'lemmy-thread',
  recognise: (_text, lines) => commentHeaders(lines).length > 0,
  parse(text, lines) {
    const headers = commentHeaders(lines);
    const firstHeader = headers[0]?.index ?? lines.length;
    const heading = headingBefore(lines, firstHeader);
    const article = parseArticlePart(lines.slice(0, heading?.index ?? firstHeader));
    const drafts: CommentDraft[] = [];
    const stack: { indent: number; index: number }[] = [];
    for (const [k, h] of headers.entries()) {
      const next = headers[k + 1]?.index ?? lines.length;
      const body: string[] = [];
      let ended = false;
      for (let i = h.textStart; i < next; i += 1) {
        const line = lines[i]!;
        if (isEndMarker(line)) { ended = true; break; }
        if (!isBlank(line) && (matchBoilerplate(line) !== undefined || isMenuLine(line))) continue;
        body.push(line.trim());
      }
      while (stack.length > 0 && stack.at(-1)!.indent >= h.indent) stack.pop();
      drafts.push({ author: h.author, published: h.published, parentIndex: stack.at(-1)?.index, paragraphs: body.join('\n').split(/\n[ \t]*\n/u) });
      stack.push({ indent: h.indent, index: drafts.length - 1 });
      if (ended) break;
    }
    const { comments, diagnostics } = withQuotesAttributed(drafts, article, false);
    // "publié par X dans france@jlai.lu": the community's instance is the site.
    const community = lines.slice(0, firstHeader).map((l) => COMMUNITY.exec(l.trim())).find((m) => m !== null);
    // "soumis par" / "Kermadec@jlai.lu" above the post: its author.
    const byline = lines.slice(0, firstHeader).findIndex((l, i) => ACCOUNT.test(l.trim()) && SUBMITTED_BY.test(lineAbove(lines, i)));
    const author = article.author ?? (byline === -1 ? undefined : lines[byline]!.trim());
    const body = byline === -1 ? undefined : postBody(lines, byline, heading?.index ?? firstHeader);
    return { page: { ...article, author, body: body ?? article.body, site: community?.[1], nCommentsDeclared: heading?.declared, comments }, diagnostics };
  },
};
