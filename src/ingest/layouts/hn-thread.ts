import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';
import { withQuotesAttributed, type CommentDraft } from './quotes.js';
import { indentOf, isBlank } from './text-lines.js';

// "thibault_m il y a 5 heures | parent | suivant [–]", "pg 3 hours ago | next [-]"
const HEADER = /^([\p{L}\p{N}_.-]{2,30})\s+((?:il y a|depuis)\s+\d+\s+\p{L}+|\d+\s+\p{L}+\s+ago)(?:\s*\|.*?)?\s*\[[–-]\]$/u;
// "87 points par odile_k il y a 6 heures | masquer | 4 commentaires"
const SUBTEXT = /^\d+\s+points?\s+(?:par|by)\s+([\p{L}\p{N}_.-]{2,30})(?![\p{L}\p{N}_.-]).*?(?:\|\s*(\d+)\s+(?:commentaires?|comments?))?\s*$/iu;
// "Titre de l'histoire (numerama.com)"
const TITLE_SITE = /^(.*\S)\s+\(([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)\)$/u;

interface Header { readonly index: number; readonly author: string; readonly indent: number }

function headers(lines: readonly string[]): Header[] {
  const out: Header[] = [];
  lines.forEach((line, index) => {
    const t = line.trim();
    // Every header ends with "[–]" or "[-]": other lines are spared the regex.
    if (!t.endsWith('[-]') && !t.endsWith('[–]')) return;
    const m = HEADER.exec(t);
    if (m !== null) out.push({ index, author: m[1]!, indent: indentOf(line) });
  });
  return out;
}

/**
 * Hacker News style threads (HN, Lobsters, their French clones): a header line per comment
 * ("user il y a 5 heures | parent | suivant [–]"), the text with the site's raw markup (`<p>`,
 * `<i>`, `<a>`, `&#x27;`), "répondre", and replies nested by indentation. The story line
 * ("87 points par X … | 4 commentaires") gives the article's author and the announced count.
 */
export const hnThreadLayout: PageLayout = {
  name: 'hn-thread',
  recognise: (_text, lines) => headers(lines).length > 0,
  parse(text, lines) {
    const found = headers(lines);
    const firstHeader = found[0]?.index ?? lines.length;
    const subtextIndex = lines.slice(0, firstHeader).findIndex((l) => SUBTEXT.test(l.trim()));
    const subtext = subtextIndex < 0 ? undefined : SUBTEXT.exec(lines[subtextIndex]!.trim()) ?? undefined;
    const articleLines = lines.slice(0, firstHeader).map((l, i) => (i === subtextIndex ? '' : l));
    const article = parseArticlePart(articleLines);
    const titleSite = article.title === undefined ? undefined : TITLE_SITE.exec(article.title);
    const drafts: CommentDraft[] = [];
    const stack: { indent: number; index: number }[] = [];
    for (const [k, h] of found.entries()) {
      const next = found[k + 1]?.index ?? lines.length;
      const body: string[] = [];
      let ended = false;
      for (let i = h.index + 1; i < next; i += 1) {
        const line = lines[i]!;
        if (isEndMarker(line)) { ended = true; break; }
        if (!isBlank(line) && (matchBoilerplate(line) !== undefined || /^(?:répondre|reply)$/iu.test(line.trim()))) continue;
        body.push(line.trim());
      }
      while (stack.length > 0 && stack.at(-1)!.indent >= h.indent) stack.pop();
      // HN separates paragraphs with a bare "<p>"; they are split here so that quoted ones ("> …") can be told apart.
      drafts.push({ author: h.author, parentIndex: stack.at(-1)?.index, paragraphs: body.join('\n').split(/\n[ \t]*\n|<p>/iu) });
      stack.push({ indent: h.indent, index: drafts.length - 1 });
      if (ended) break;
    }
    const { comments, diagnostics } = withQuotesAttributed(drafts, article, false);
    return {
      page: {
        ...article,
        title: titleSite?.[1] ?? article.title,
        author: subtext?.[1] ?? article.author,
        nCommentsDeclared: subtext?.[2] === undefined ? undefined : Number(subtext[2]),
        comments,
      },
      diagnostics,
    };
  },
};
