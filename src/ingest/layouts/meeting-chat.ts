import type { ParsedComment } from '../page.js';
import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { DEFAULT_LINE_CUES, type LineCueSet } from './line-cues.js';
import { quoteMatchForm } from './quotes.js';
import { isBlank } from './text-lines.js';

/**
 * The chat file a video-meeting client saves: each message opens on "hh:mm:ss De Name à Tout le
 * monde :" ("hh:mm:ss From Name to Everyone:"), its words on the (tab-indented) lines below, or after
 * the colon on the header line itself ("10:03:47 From Name : words", older files). The file shows
 * times, never a day: no message is dated. A reaction ("A réagi à « … » avec 👍", "Reacted to "…"
 * with 👍") is a notice, not a message. A reply opens on "Réponse à « first words… » :" ("Replying to
 * "first words…":"): that line is not words; it names the message it answers and quotes, the latest
 * earlier one whose words start so. The first message is the article.
 */

/** Fewest message headers, and fewest authors, that make a page a meeting chat. */
const MIN_HEADERS = 3;
const MIN_AUTHORS = 2;
/** Most lines before the first header (a title the copy kept). */
const MAX_LINES_BEFORE = 3;

const HEADER = /^\d{1,2}:\d{2}(?::\d{2})?\s+(?:De|From)\s+(\S.{0,60}?)(?:\s+(?:à|to)\s+[^:]{1,60}?)?\s*:\s*(.*)$/u;
const REACTION = /^(?:A réagi à|Reacted to)\s+[«"“]/iu;
const REPLY = /^(?:Réponse à|Replying to|En réponse à)\s+[«"“]\s*(.+?)\s*[»"”]\s*:\s*(.*)$/iu;

interface Message { readonly author: string; readonly words: string[] }

/** The first words a reply line names, without the ellipsis that cut them: matched against the start of earlier messages. */
const namedStart = (quoted: string): string => quoteMatchForm(quoted.replace(/(?:…|\.\.\.)\s*$/u, ''));

/** Read a page as a meeting chat file; undefined when fewer than MIN_HEADERS headers by MIN_AUTHORS authors. */
export function readMeetingChat(lines: readonly string[], _cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const messages: Message[] = [];
  let before = 0;
  for (const line of lines) {
    if (line.length > 4000) return undefined;
    const header = HEADER.exec(line.trim());
    if (header !== null) {
      messages.push({ author: header[1]!.trim(), words: header[2]!.trim() === '' ? [] : [header[2]!.trim()] });
      continue;
    }
    if (messages.length === 0) {
      if (!isBlank(line)) before += 1;
      if (before > MAX_LINES_BEFORE) return undefined;
      continue;
    }
    if (!isBlank(line)) messages[messages.length - 1]!.words.push(line.trim());
  }
  if (messages.length < MIN_HEADERS || new Set(messages.map((m) => m.author)).size < MIN_AUTHORS) return undefined;
  const comments: ParsedComment[] = [];
  const starts: string[] = [];
  let notices = 0;
  for (const m of messages) {
    const [first = '', ...rest] = m.words;
    if (REACTION.test(first)) { notices += 1; continue; }
    const reply = REPLY.exec(first);
    const words = reply === null ? m.words : [...(reply[2]!.trim() === '' ? [] : [reply[2]!]), ...rest];
    let answered: number | undefined;
    if (reply !== null) {
      const start = namedStart(reply[1]!);
      for (let k = starts.length - 1; k >= 0 && start !== ''; k -= 1) if (starts[k]!.startsWith(start)) { answered = k; break; }
    }
    const text = words.join('\n');
    starts.push(quoteMatchForm(text));
    // Message k kept is the article when 0 (-1 as a parent), else comment k - 1.
    const parentIndex = answered === undefined ? undefined : answered - 1;
    comments.push({ author: m.author, text, parentIndex, quotesIndex: parentIndex });
  }
  const [article, ...rest] = comments;
  if (article === undefined) return undefined;
  return {
    page: { author: article.author, body: article.text, comments: rest },
    diagnostics: [{ level: 'info', code: 'thread-meeting-chat', message: `thread read from a meeting chat file of ${comments.length} messages (${notices} reactions left out); the first message is the article, no message dated (times only)` }],
  };
}

/** The meeting chat reader as a layout (`withCues` for another set: it uses none). */
export const meetingChatLayout: PageLayout = layoutOfReader('meeting-chat', readMeetingChat, DEFAULT_LINE_CUES);
