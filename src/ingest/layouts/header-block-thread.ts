import type { ParsedComment } from '../page.js';
import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { DEFAULT_LINE_CUES, type LineCueSet } from './line-cues.js';
import { quoteCandidate, type QuoteCandidate, quoteOpener, quoteSource } from './quotes.js';
import { isBlank } from './text-lines.js';

/**
 * Messages shown with their raw headers, oldest first (RFC 822 / 5322): a newsgroup thread in a news
 * archive's raw view, an mbox. Each message opens on a block of header fields starting with "From:"
 * (Newsgroups, Subject, Date, Message-ID, References…), then a blank line and its body. The author
 * is the From name without its address; the date is the Date field ("Wed, 12 Mar 2025 08:02:51
 * +0100": the clock time as written, offset dropped). The last Message-ID in References names the
 * message answered (the first message, the article, makes a top-level comment). In a body, the
 * attribution line ("X a écrit :", "Le …, X a écrit :", "X wrote:") and the "> " lines are not the
 * writer's words: the first-level quote names the message quoted (the one holding its words, else the
 * attributed writer's latest); the signature after "-- " is not words either. The first message is
 * the article.
 */

/** Fewest header blocks that make a page such a thread. */
const MIN_MESSAGES = 2;

const FIELD = /^([A-Za-z][A-Za-z0-9-]{0,30}):\s?(.*)$/u;
const MONTHS: Readonly<Record<string, string>> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };
const RFC822_DATE = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?/u;
const MESSAGE_ID = /<[^<>\s]+>/gu;
/** "Le 11/03/2025 à 21:14, Bernard Léauté a écrit :", "On Tue, … Bernard wrote:": the writer is the part after the last comma. */
const ATTRIBUTION = /^(?:le|on)\s.+,\s*(.+?)\s+(?:a écrit|wrote)\s*:$/iu;

/** "Wed, 12 Mar 2025 08:02:51 +0100" → "2025-03-12T08:02:51" (seconds kept when not zero). */
export function rfc822Date(value: string): string | undefined {
  const m = RFC822_DATE.exec(value.trim());
  const month = MONTHS[(m?.[2] ?? '').toLowerCase()];
  if (m === null || month === undefined) return undefined;
  const seconds = m[6] !== undefined && m[6] !== '00' ? `:${m[6]}` : '';
  return `${m[3]}-${month}-${m[1]!.padStart(2, '0')}T${m[4]}:${m[5]}${seconds}`;
}

/** `"Yves K." <yk@…>`, `Pollux <pollux@…>`, `yk@… (Yves K.)`: the name shown, not the address. */
function senderOf(value: string): string | undefined {
  const inParens = /\(([^()]+)\)\s*$/u.exec(value);
  const name = (value.includes('<') ? value.slice(0, value.indexOf('<')) : inParens?.[1] ?? value).trim().replace(/^["']|["']$/gu, '').trim();
  return name === '' || /^\S+@\S+$/u.test(name) ? undefined : name;
}

/** The writer named by an attribution line, or undefined when the line is not one. */
function attributionOf(line: string): string | undefined {
  const t = line.trim();
  const m = ATTRIBUTION.exec(t);
  const author = m?.[1] ?? quoteOpener(t)?.author;
  return author === undefined ? undefined : (senderOf(author) ?? author);
}

interface Message { readonly fields: ReadonlyMap<string, string>; readonly body: readonly string[] }

/** The header blocks and bodies of the page; undefined when it is not made of them. */
function messagesOf(lines: readonly string[]): Message[] | undefined {
  const messages: { fields: Map<string, string>; body: string[] }[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^From:\s/u.test(line) && FIELD.test(lines[i + 1] ?? '')) {
      const fields = new Map<string, string>();
      for (; i < lines.length && !isBlank(lines[i]!); i += 1) {
        const f = FIELD.exec(lines[i]!);
        if (f === null) {
          if (/^\s/u.test(lines[i]!)) continue; // a folded header line
          break;
        }
        fields.set(f[1]!.toLowerCase(), f[2]!.trim());
      }
      messages.push({ fields, body: [] });
      continue;
    }
    messages[messages.length - 1]?.body.push(line);
    i += 1;
  }
  return messages.length >= MIN_MESSAGES && messages.every((m) => m.fields.has('date') && (m.fields.has('subject') || m.fields.has('message-id'))) ? messages : undefined;
}

/** A body's own words, its first-level quote and attributed writer: attribution, "> " lines and signature out. */
function ownWords(body: readonly string[]): { text: string; quoted: string; attributed?: string } {
  const own: string[] = [];
  const quoted: string[] = [];
  let attributed: string | undefined;
  for (let i = 0; i < body.length; i += 1) {
    const line = body[i]!;
    if (line === '-- ' || line === '--') break;
    if (/^\s*>/u.test(line)) {
      const first = /^\s*>\s?(?!>)(.*)$/u.exec(line)?.[1];
      if (first !== undefined && attributionOf(first) === undefined) quoted.push(first);
      continue;
    }
    // An attribution line opens the body or stands over a quote.
    const writer = own.every(isBlank) || /^\s*>/u.test(body[i + 1] ?? '') ? attributionOf(line) : undefined;
    if (writer !== undefined) { attributed ??= writer; continue; }
    own.push(line);
  }
  return { text: own.join('\n').replace(/\n{3,}/gu, '\n\n').trim(), quoted: quoted.join(' '), attributed };
}

/** Read a page as messages under their raw headers; undefined when it has fewer than MIN_MESSAGES header blocks. */
export function readHeaderBlockThread(lines: readonly string[], _cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const messages = messagesOf(lines);
  if (messages === undefined) return undefined;
  const indexOfId = new Map<string, number>();
  const candidates: QuoteCandidate[] = [];
  let article: QuoteCandidate | undefined;
  const read = messages.map((m, k) => {
    const own = ownWords(m.body);
    const author = senderOf(m.fields.get('from') ?? '');
    const refs = (m.fields.get('references') ?? m.fields.get('in-reply-to') ?? '').match(MESSAGE_ID) ?? [];
    const answered = refs.length === 0 ? undefined : indexOfId.get(refs[refs.length - 1]!);
    // Index among the comments: message 0 is the article (-1), message k the comment k - 1.
    const quoted = own.quoted === '' ? undefined : quoteSource(own.quoted, own.attributed, candidates, article);
    const id = m.fields.get('message-id')?.match(MESSAGE_ID)?.[0];
    if (id !== undefined) indexOfId.set(id, k - 1);
    const candidate = quoteCandidate({ author, text: own.text });
    if (k === 0) article = candidate;
    else candidates.push(candidate);
    return { author, published: rfc822Date(m.fields.get('date') ?? ''), text: own.text, parentIndex: answered === -1 ? undefined : answered, quotesIndex: quoted };
  });
  const [first, ...comments] = read as [ParsedComment, ...ParsedComment[]];
  return {
    page: { author: first.author, published: first.published, body: first.text, comments },
    diagnostics: [{ level: 'info', code: 'thread-header-blocks', message: `thread read from ${read.length} messages under their raw headers (From, Date, References); the first is the article` }],
  };
}

/** The raw-header thread reader as a layout (`withCues` for another set: it uses none). */
export const headerBlockThreadLayout: PageLayout = layoutOfReader('header-block-thread', readHeaderBlockThread, DEFAULT_LINE_CUES);
