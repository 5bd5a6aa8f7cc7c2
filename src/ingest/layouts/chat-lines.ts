import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { authorOf, DEFAULT_LINE_CUES, isInterfaceLine, isRemovedText, type LineCueSet } from './line-cues.js';
import { isBlank, looksLikePersonName, wordCount } from './text-lines.js';

/**
 * A chat copied or exported one message a line, whatever the app: each message opens on a header
 * holding its time and its author, on the same line as its words or on the line above them.
 *   "05/03/2024, 08:49 - Nadia Ferhat : Bonjour…", "[13/11/2023 18:04] Hélène Baudry : Vous avez vu…"
 *   "[20:02] erwan_b: l'idée serait…", "[20:02] <erwan_b> l'idée serait…"
 *   "Gaëtan Prigent, [02.10.23 09:15]" then the message's lines.
 * Lines under a message without a header continue it; a dated line without an author's name
 * ("… a créé le groupe") is the app's notice, not a message, and so are words the app marks with a
 * direction mark ("‎image absente", "‎Les messages … sont chiffrés" under the group's name), a
 * placeholder in angle brackets ("<Médias omis>") and a removed message. An author may be a phone
 * number ("+33 6 41 27 88 09") or a name the app marks as not in the contacts ("~ Bastien"). The first
 * message is the article.
 */

/** Fewest message headers that make a page a chat. */
const MIN_MESSAGES = 3;

const DAY = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})`;
const TIME = String.raw`(\d{1,2})[:h](\d{2})(?::\d{2})?`;
/** Date and time, then the author and a colon, then the words: exports of messaging apps. */
const DATED_MESSAGE = new RegExp(String.raw`^\[?${DAY},?\s+${TIME}\]?\s*(?:[-–—]\s*)?([^:\[\]]{1,60}?)\s*:\s+(\S.*)$`, 'u');
/** A time in brackets, then a handle with a colon or in angle brackets: chat logs. */
const TIMED_MESSAGE = /^\[(\d{1,2}):(\d{2})(?::\d{2})?\]\s*(?:<([^<>\s]{1,40})>|([^\s:<>[\]]{1,40}):)\s+(\S.*)$/u;
/** The author, then the date and time in brackets, alone on a line: messages copied from an app. */
const MESSAGE_HEADER = new RegExp(String.raw`^([^,\[\]]{1,60}),\s*\[${DAY},?\s+${TIME}\]$`, 'u');

interface Header {
  readonly author: string;
  readonly published?: string;
  /** The message's words on the header's line, when it has any. */
  readonly text?: string;
}

/** Direction marks apps put before their own words in an export ("‎image absente"). */
const DIRECTION_MARKS = /^[\u200e\u200f\u202a-\u202e\u2066-\u2069]+/u;
/** A phone number shown instead of a name: "+33 6 41 27 88 09", "06 41 27 88 09". */
const PHONE_NUMBER = /^\+?\d[\d\s().-]{6,20}\d$/u;
/** Words that stand for a message without being its words: an attachment or media placeholder. */
const PLACEHOLDER = /^<[^<>]{1,120}>$/u;

/** The author of a chat header: a phone number as written, else a name (after the "~" of a name not in the contacts). */
function chatAuthorOf(raw: string, cues: LineCueSet): string | undefined {
  const t = raw.trim().replace(/^~\s*/u, '');
  return PHONE_NUMBER.test(t) ? t.replace(/\s+/gu, ' ') : authorOf(t, cues);
}

/** A message's words on its header line, or undefined when the app's own ("‎image absente", "<Médias omis>", "Ce message a été supprimé"). */
function ownWords(text: string | undefined): string | undefined {
  if (text === undefined || DIRECTION_MARKS.test(text)) return undefined;
  const t = text.trim();
  return PLACEHOLDER.test(t) || isRemovedText(t) ? undefined : t;
}

const pad = (n: string | undefined): string => (n ?? '').padStart(2, '0');

/** "05/03/2024" and "08:49" → "2024-03-05T08:49" (days first, as French apps write them); undefined when not a calendar date. */
function isoOf(day: string | undefined, month: string | undefined, year: string | undefined, hour: string | undefined, minute: string | undefined): string | undefined {
  const d = Number(day);
  const m = Number(month);
  if (d < 1 || d > 31 || m < 1 || m > 12 || Number(hour) > 23 || Number(minute) > 59) return undefined;
  const y = year?.length === 2 ? `20${year}` : year;
  return `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

/** A message header (with its words when on the same line), or undefined; a dated notice of the app has no author. */
function headerOf(line: string, cues: LineCueSet): Header | undefined {
  const t = line.trim().replace(DIRECTION_MARKS, '');
  if (!/^[[\d\p{L}]/u.test(t) || !/\d[:h]\d\d/u.test(t)) return undefined;
  const dated = DATED_MESSAGE.exec(t);
  if (dated !== null) {
    const author = chatAuthorOf(dated[6] ?? '', cues);
    const published = isoOf(dated[1], dated[2], dated[3], dated[4], dated[5]);
    return author === undefined || published === undefined ? undefined : { author, published, text: ownWords(dated[7]) ?? '' };
  }
  const timed = TIMED_MESSAGE.exec(t);
  if (timed !== null) {
    const author = timed[3] ?? timed[4];
    return author === undefined || Number(timed[1]) > 23 ? undefined : { author, text: timed[5] };
  }
  const alone = MESSAGE_HEADER.exec(t);
  if (alone === null) return undefined;
  const author = chatAuthorOf(alone[1] ?? '', cues);
  const published = isoOf(alone[2], alone[3], alone[4], alone[5], alone[6]);
  return author === undefined || published === undefined ? undefined : { author, published };
}

/** A dated line of the app's own ("05/03/2024, 08:47 - X a créé le groupe"): it ends the message above. */
const isNotice = (line: string): boolean => /^[\u200e\u200f]*\[?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}[:h]\d{2}/u.test(line.trim());

/** Fewest words of a line of running text above a chat that makes it the article. */
const ARTICLE_MIN_WORDS = 25;
/** A label line ending with a byline word, whose next line names the author ("Initié par" / "Name"). */
const BYLINE_LABEL = /(?:^|\s)(?:par|by)\s*:?$/iu;

/**
 * The article above a chat's first message: its longest line of running text, when one ends like a
 * sentence and holds ARTICLE_MIN_WORDS words at least; its author the name on the line under a
 * label ending with a byline word; the app's dated notices are never the article. Undefined when no such line.
 */
function articleAbove(lines: readonly string[]): { body: string; author?: string } | undefined {
  let body: string | undefined;
  for (const line of lines.map((l) => l.trim())) {
    if (!isNotice(line) && /[.!?…]$/u.test(line) && wordCount(line) >= ARTICLE_MIN_WORDS && (body === undefined || line.length > body.length)) body = line;
  }
  if (body === undefined) return undefined;
  const named = lines.map((l) => l.trim()).filter((l) => l !== '');
  const label = named.findIndex((l) => BYLINE_LABEL.test(l));
  const author = label === -1 ? undefined : named[label + 1];
  return { body, ...(author !== undefined && looksLikePersonName(author) ? { author } : {}) };
}

/** Read a page as a chat, one message a header; undefined when fewer than MIN_MESSAGES headers or most lines are not messages. */
export function readChatLines(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const headers: (Header | undefined)[] = lines.map((l) => (l.length <= 4000 ? headerOf(l, cues) : undefined));
  const at = headers.flatMap((h, i) => (h === undefined ? [] : [i]));
  if (at.length < MIN_MESSAGES) return undefined;
  // Most lines between the first and the last header are messages: a page quoting a few chat lines is not a chat.
  let filled = 0;
  for (let i = at[0]!; i <= at[at.length - 1]!; i += 1) if (!isBlank(lines[i]!)) filled += 1;
  if (at.length * 3 < filled) return undefined;
  const messages: { author: string; published?: string; text: string }[] = [];
  for (const [k, i] of at.entries()) {
    const header = headers[i]!;
    const end = at[k + 1] ?? lines.length;
    const words: string[] = header.text === undefined || header.text === '' ? [] : [header.text];
    // An interface line after a blank line opens the page's furniture (a comment form, a footer): the message ends there.
    for (let j = i + 1; j < end && !isNotice(lines[j]!) && !(isBlank(lines[j - 1]!) && isInterfaceLine(lines[j]!, cues)); j += 1) words.push(lines[j]!.trim());
    // Blank lines and the page's furniture after the last words are not the message's.
    while (words.length > 0 && (words[words.length - 1] === '' || isInterfaceLine(words[words.length - 1]!, cues))) words.pop();
    const text = words.join('\n').replace(/\n{3,}/gu, '\n\n').trim();
    if (text !== '') messages.push({ author: header.author, published: header.published, text });
  }
  // A paragraph of running text above the first message (a poll's or an event's description) is the
  // article, and every message a comment on it.
  const above = articleAbove(lines.slice(0, at[0]));
  if (above !== undefined && messages.length > 0) {
    return {
      page: { author: above.author, body: above.body, comments: messages },
      diagnostics: [{ level: 'info', code: 'thread-chat', message: `chat read from ${messages.length} message headers under the text above them (the article)` }],
    };
  }
  const first = messages.shift();
  if (first === undefined || messages.length === 0) return undefined;
  return {
    page: { author: first.author, published: first.published, body: first.text, comments: messages },
    diagnostics: [{ level: 'info', code: 'thread-chat', message: `chat read from ${messages.length + 1} message headers; the first message is the article` }],
  };
}

/** The chat reader as a layout, with every cue (`withCues` for another set). */
export const chatLinesLayout: PageLayout = layoutOfReader('chat-lines', readChatLines, DEFAULT_LINE_CUES);
