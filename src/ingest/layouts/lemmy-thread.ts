import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { cleanScrapedText } from '../clean-text.js';
import { isRelativeDate, parseDateLine } from '../french-date.js';
import type { ParsedComment } from '../page.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { indentOf, isBlank, splitLines } from './text-lines.js';
import { headingBefore } from './thread-heading.js';

// "hubert_t@lemmy.world": a federated account, alone on its line.
const ACCOUNT = /^[\p{L}\p{N}_.-]{1,40}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
// Lines Lemmy prints under the author: score, "modifié il y a 2 jours", a bullet, a mod badge.
const SCORE = /^(?:[↑▲⬆]\s*\d+\s*(?:[↓▼⬇]\s*\d+)?|[+-]?\d+\s*points?|\d+)$/u;
const EDITED = /^(?:modifié|édité)(?![\p{L}\p{N}]).{0,40}$/iu;
const BADGE = /^(?:[•·]|op|mod|admin|bot|auteur)$/iu;

function metadataLine(line: string): { published?: string } | undefined {
  const t = line.trim();
  const date = parseDateLine(t);
  if (date !== undefined) return { published: date };
  if (isRelativeDate(t) || SCORE.test(t) || EDITED.test(t) || BADGE.test(t)) return {};
  return undefined;
}

interface CommentHeader { readonly index: number; readonly author: string; readonly indent: number; readonly published?: string; readonly textStart: number }

function commentHeaders(lines: readonly string[]): CommentHeader[] {
  const out: CommentHeader[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const t = lines[i]!.trim();
    if (!ACCOUNT.test(t)) continue;
    let j = i + 1;
    let published: string | undefined;
    let metadata = 0;
    for (; j < lines.length; j += 1) {
      const m = metadataLine(lines[j]!);
      if (m === undefined) break;
      metadata += 1;
      published ??= m.published;
    }
    if (metadata === 0) continue;
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
  recognise: (text) => commentHeaders(splitLines(text)).length > 0,
  parse(text) {
    const lines = splitLines(text);
    const headers = commentHeaders(lines);
    const firstHeader = headers[0]?.index ?? lines.length;
    const heading = headingBefore(lines, firstHeader);
    const article = parseArticlePart(lines.slice(0, heading?.index ?? firstHeader));
    const comments: ParsedComment[] = [];
    const stack: { indent: number; index: number }[] = [];
    for (const [k, h] of headers.entries()) {
      const next = headers[k + 1]?.index ?? lines.length;
      const body: string[] = [];
      let ended = false;
      for (let i = h.textStart; i < next; i += 1) {
        const line = lines[i]!;
        if (isEndMarker(line)) { ended = true; break; }
        if (!isBlank(line) && matchBoilerplate(line) !== undefined) continue;
        body.push(line.trim());
      }
      while (stack.length > 0 && stack.at(-1)!.indent >= h.indent) stack.pop();
      comments.push({ author: h.author, published: h.published, parentIndex: stack.at(-1)?.index, text: cleanScrapedText(body.join('\n')) });
      stack.push({ indent: h.indent, index: comments.length - 1 });
      if (ended) break;
    }
    return { page: { ...article, nCommentsDeclared: heading?.declared, comments }, diagnostics: [] };
  },
};
