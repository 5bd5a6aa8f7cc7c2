import { foldForMatching, foldWhiteSpace } from '../../text/normalise.js';
import { cleanScrapedText } from '../clean-text.js';
import type { Diagnostic } from '../../model.js';
import type { ParsedComment } from '../page.js';

// "amikuns a écrit :", "Citation de Marie :", "Marie a dit :", "Paul wrote:"
const QUOTE_OPENER = /^(?:(.{1,60}?)\s+a\s+(?:écrit|dit)|citation de\s+(.{1,60}?)|(.{1,60}?)\s+wrote)\s*:$/iu;

/** The quoted author of a quote-opening line ("amikuns a écrit :"), or undefined when the line is not one. */
export function quoteOpener(line: string): { author: string } | undefined {
  const trimmed = line.trim();
  // Every opener ends with ":": other lines are spared the regex.
  if (!trimmed.endsWith(':')) return undefined;
  const m = QUOTE_OPENER.exec(trimmed);
  if (m === null) return undefined;
  return { author: (m[1] ?? m[2] ?? m[3] ?? '').trim() };
}

/** Quoted text shorter than this ("oui") is found in too many places to say where it comes from. */
const QUOTE_MIN_CHARS = 8;
/** A paragraph after the quoted one counts as quoted too only if it is at least this long (folded). */
const CONTINUATION_MIN_CHARS = 20;

/** The form quoted text is compared in: markup and entities gone, case, accents and spaces folded. */
export function quoteMatchForm(text: string): string {
  return foldWhiteSpace(foldForMatching(cleanScrapedText(text)));
}

/** A unit that came earlier on the page, which a quote may come from, in matching form. */
export interface QuoteCandidate {
  readonly author?: string;
  readonly form: string;
}

/**
 * Prepare a unit for quote matching. Its matching form is made the first time a quote is looked
 * for in it, once: most pages quote nothing, and folding every comment was a tenth of reading a page.
 */
export function quoteCandidate(unit: { readonly author?: string; readonly text: string }): QuoteCandidate {
  let form: string | undefined;
  return {
    author: unit.author,
    get form(): string {
      form ??= quoteMatchForm(unit.text);
      return form;
    },
  };
}

/**
 * Where a quoted passage comes from: the latest earlier comment containing it (its index), -1 for
 * the article body, else the latest comment by the named author; undefined when nothing matches.
 */
export function quoteSource(quoted: string, author: string | undefined, comments: readonly QuoteCandidate[], article?: QuoteCandidate): number | undefined {
  const form = quoteMatchForm(quoted);
  if (form.length >= QUOTE_MIN_CHARS) {
    for (let k = comments.length - 1; k >= 0; k -= 1) if (comments[k]!.form.includes(form)) return k;
    if (article?.form.includes(form) === true) return -1;
  }
  if (author === undefined || author === '') return undefined;
  const key = author.toLowerCase();
  for (let k = comments.length - 1; k >= 0; k -= 1) if (comments[k]!.author?.toLowerCase() === key) return k;
  return article?.author?.toLowerCase() === key ? -1 : undefined;
}

/** The text before the first line feed. */
function firstLine(paragraph: string): string {
  const end = paragraph.indexOf('\n');
  return end < 0 ? paragraph : paragraph.slice(0, end);
}

// "> quoted line" (Markdown, e-mail, Hacker News, Lemmy), possibly still escaped as "&gt;".
const QUOTE_MARK = /^\s*(?:>|&gt;?)\s?/u;

/** The text of a paragraph whose every line is marked as quoted ("> …"), without the marks. */
export function markdownQuote(paragraph: string): string | undefined {
  // Most paragraphs are not quotes from their first line on: told before splitting them.
  if (!QUOTE_MARK.test(firstLine(paragraph))) return undefined;
  const lines = paragraph.split('\n');
  if (!lines.every((l) => QUOTE_MARK.test(l))) return undefined;
  return lines.map((l) => l.replace(QUOTE_MARK, '')).join('\n');
}

/** A comment's own paragraphs once its quote blocks are taken out, and the unit it quotes first. */
export interface WithoutQuotes {
  readonly own: string[];
  /** Comment index, -1 for the article, undefined when it quotes nothing found on the page. */
  readonly quotesIndex?: number;
  /** True when the comment held a quote block, found on the page or not. */
  readonly quoted: boolean;
}

/**
 * Take the quote blocks out of a comment's paragraphs. After "X a écrit :", the next paragraph
 * (or the opener paragraph's other lines) is quoted, and so are the following ones while they come
 * from the same earlier unit; a paragraph of "> " lines is quoted as a whole. The rest is the
 * commenter's own text.
 */
export function removeQuotes(paragraphs: readonly string[], comments: readonly QuoteCandidate[], article?: QuoteCandidate): WithoutQuotes {
  const own: string[] = [];
  let quotesIndex: number | undefined;
  let quoted = false;
  const openerOf = (p: string): { author: string } | undefined => quoteOpener(firstLine(p));
  let k = 0;
  while (k < paragraphs.length) {
    const paragraph = paragraphs[k]!;
    const marked = markdownQuote(paragraph);
    if (marked !== undefined) {
      const source = quoteSource(marked, undefined, comments, article);
      if (!quoted) { quotesIndex = source; quoted = true; }
      k += 1;
      continue;
    }
    const opener = openerOf(paragraph);
    if (opener === undefined) { own.push(paragraph); k += 1; continue; }
    const rest = paragraph.split('\n').slice(1).join('\n');
    const first = rest !== '' ? rest : paragraphs[k + 1];
    k += rest !== '' ? 1 : 2;
    if (first === undefined) continue;
    const source = quoteSource(first, opener.author, comments, article);
    if (!quoted) { quotesIndex = source; quoted = true; }
    // "Oui." of the reply is also in the quoted comment: short paragraphs are never taken as quote continuations.
    while (source !== undefined && k < paragraphs.length && openerOf(paragraphs[k]!) === undefined
      && quoteMatchForm(paragraphs[k]!).length >= CONTINUATION_MIN_CHARS
      && quoteSource(paragraphs[k]!, undefined, comments, article) === source) k += 1;
  }
  return { own, quotesIndex, quoted };
}

/** A comment as a layout collected it: its paragraphs still raw, quotes included. */
export interface CommentDraft {
  readonly author?: string;
  readonly published?: string;
  readonly paragraphs: readonly string[];
  readonly parentIndex?: number;
}

/**
 * Turn collected comments into parsed comments: quote blocks out of the text, `quotesIndex` set,
 * the text cleaned of scraper artefacts. On flat pages (`quoteIsParent`), quoting is the only
 * sign of a reply, so a comment without a parent answers the comment it quotes.
 */
export function withQuotesAttributed(
  drafts: readonly CommentDraft[], article: { readonly author?: string; readonly body: string }, quoteIsParent: boolean,
): { comments: ParsedComment[]; diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] } {
  const articleCandidate = quoteCandidate({ author: article.author, text: article.body });
  const candidates: QuoteCandidate[] = [];
  const diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] = [];
  const comments = drafts.map((d, k): ParsedComment => {
    const paragraphs = d.paragraphs.map((p) => p.trim()).filter((p) => p !== '');
    const q = removeQuotes(paragraphs, candidates, articleCandidate);
    const text = cleanScrapedText(q.own.join('\n\n'));
    candidates.push(quoteCandidate({ author: d.author, text }));
    if (q.quoted && q.quotesIndex === undefined) diagnostics.push(quoteNotFound(k));
    const quotedComment = q.quotesIndex !== undefined && q.quotesIndex >= 0 ? q.quotesIndex : undefined;
    return {
      author: d.author, published: d.published, text, quotesIndex: q.quotesIndex,
      parentIndex: d.parentIndex ?? (quoteIsParent ? quotedComment : undefined),
    };
  });
  return { comments, diagnostics };
}

/** The info row for comment `index` (0-based) whose quote matches nothing earlier on the page. */
export function quoteNotFound(index: number): Omit<Diagnostic, 'file' | 'docId'> {
  return { level: 'info', code: 'quote-not-found', message: `comment ${index + 1} quotes a text not found earlier on the page; the quote was left out of its text` };
}
