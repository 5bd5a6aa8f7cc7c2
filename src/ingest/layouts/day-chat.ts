import type { ParsedComment } from '../page.js';
import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { dateCueOf, DEFAULT_LINE_CUES, isInterfaceLine, type LineCueSet, replyCueOf } from './line-cues.js';
import { isBlank, wordCount } from './text-lines.js';

/**
 * A channel or room copied from a team-chat or messaging client: day separators ("jeudi 14 mars
 * 2024") and messages headed by their author and time only, on one line ("Sandrine Colas  09:52") or
 * the time under the name ("Claire Vasseur [DINUM]" / "10:02"); a time alone after a message is its
 * author's next message. A message is dated with the day of the separator above it. The bracketed
 * label a client appends to a display name (an administration, a team) is not the name. "En réponse à
 * X" over the words of X's message shown again: the message answers and quotes X's latest one.
 * Reaction lines (emoji and counts), thread summaries ("3 réponses", "Dernière réponse …") and the
 * composer under the last message ("Message #canal", "Envoyer un message…") are not words. The first
 * message is the article.
 */

/** Fewest named message headers that make a page a day-separated chat, and fewest authors. */
const MIN_HEADERS = 3;
const MIN_AUTHORS = 2;
/** Longest display name, in words. */
const MAX_NAME_WORDS = 6;

const TIME_ALONE = /^(\d{1,2}):(\d{2})$/u;
/** "Sandrine Colas  09:52": a name, then the time closing the line. */
const NAME_TIME = /^(\S.{0,60}?)\s+(\d{1,2}):(\d{2})$/u;
const BRACKETED_LABEL = /\s*\[[^\]]{1,40}\]$/u;
const THREAD_SUMMARY = /^(?:dernière\s+réponse|last\s+reply|afficher\s+le\s+fil|view\s+thread)\b/iu;
const COMPOSER = /^(?:message\s+#|envoyer\s+un\s+message|écrire\s+un\s+message|send\s+a\s+message|write\s+a\s+message)/iu;

interface Header { readonly line: number; readonly author?: string; readonly time: string; readonly textStart: number }

/** A display name: short, no sentence end, not a date, a time or an interface line. */
function nameOf(line: string, cues: LineCueSet): string | undefined {
  const t = line.trim().replace(BRACKETED_LABEL, '');
  if (t === '' || wordCount(t) > MAX_NAME_WORDS || /[.!?:;,…]$/u.test(t) || !/^\p{L}/u.test(t) || isInterfaceLine(t, cues) || dateCueOf(t, cues) !== undefined) return undefined;
  return t;
}

const timeOf = (h: string | undefined, m: string | undefined): string | undefined => (Number(h) > 23 || Number(m) > 59 ? undefined : `${String(h).padStart(2, '0')}:${m}`);

/** The day a separator line names ("jeudi 14 mars 2024", "vendredi 15 mars 2024"): a date with its year and no time. */
function dayOf(line: string, cues: LineCueSet): string | undefined {
  const t = line.trim();
  if (t === '' || wordCount(t) > 5 || !/\d{4}/u.test(t)) return undefined;
  const iso = dateCueOf(t, cues)?.iso;
  return iso !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(iso) ? iso : undefined;
}

/** Reactions and counters: a line without a letter ("👍 14 ✅ 6", "😂", "5"). */
const isReactionLine = (line: string): boolean => !/\p{L}/u.test(line) && line.trim() !== '';

/** Read a page as a day-separated chat; undefined when fewer than MIN_HEADERS named headers by MIN_AUTHORS authors. */
export function readDayChat(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const headers: Header[] = [];
  const days = new Map<number, string>();
  let hasDay = false;
  for (let i = 0; i < lines.length; i += 1) {
    const t = lines[i]!.trim();
    if (t.length > 200) continue;
    const day = dayOf(t, cues);
    if (day !== undefined) { days.set(i, day); hasDay = true; continue; }
    const alone = TIME_ALONE.exec(t);
    if (alone !== null) {
      const time = timeOf(alone[1], alone[2]);
      const name = i > 0 ? nameOf(lines[i - 1]!, cues) : undefined;
      if (time === undefined) continue;
      // The name over its time; a time alone after a message: that author's next message.
      if (name !== undefined && headers[headers.length - 1]?.line !== i - 1) headers.push({ line: i - 1, author: name, time, textStart: i + 1 });
      else if (headers.length > 0) headers.push({ line: i, time, textStart: i + 1 });
      continue;
    }
    const named = NAME_TIME.exec(t);
    const name = named === null ? undefined : nameOf(named[1] ?? '', cues);
    const time = named === null ? undefined : timeOf(named[2], named[3]);
    if (name !== undefined && time !== undefined) headers.push({ line: i, author: name, time, textStart: i + 1 });
  }
  const named = headers.filter((h) => h.author !== undefined);
  if (!hasDay || named.length < MIN_HEADERS || new Set(named.map((h) => h.author)).size < MIN_AUTHORS || headers[0]?.author === undefined) return undefined;
  // Most lines are the messages': a page with a few timed lines is not a chat.
  let filled = 0;
  for (let i = headers[0].line; i < lines.length; i += 1) if (!isBlank(lines[i]!)) filled += 1;
  if (headers.length * 6 < filled) return undefined;
  const messages: { author?: string; published?: string; text: string; quoted?: string }[] = [];
  let day: string | undefined;
  let author: string | undefined;
  let lastDayLine = -1;
  headers.forEach((h, k) => {
    for (let i = lastDayLine + 1; i <= h.line; i += 1) if (days.has(i)) day = days.get(i);
    lastDayLine = h.line;
    author = h.author ?? author;
    const end = headers[k + 1]?.line ?? lines.length;
    const words: string[] = [];
    let quoted: string | undefined;
    for (let i = h.textStart; i < end; i += 1) {
      const t = lines[i]!.trim();
      if (days.has(i) || COMPOSER.test(t)) break;
      if (t === '' || isReactionLine(t) || THREAD_SUMMARY.test(t) || isInterfaceLine(t, cues)) continue;
      const reply = words.length === 0 && quoted === undefined ? replyCueOf(t) : undefined;
      if (reply?.target !== undefined) {
        quoted = reply.target.replace(BRACKETED_LABEL, '');
        // The answered message's words shown again under the marker.
        while (i + 1 < end && lines[i + 1]!.trim() !== '' && lines.slice(0, i).some((l) => l.includes(lines[i + 1]!.trim()))) i += 1;
        continue;
      }
      words.push(t);
    }
    const text = words.join('\n').trim();
    if (text !== '') messages.push({ author, published: day === undefined ? undefined : `${day}T${h.time}`, text, quoted });
  });
  const first = messages.shift();
  if (first === undefined || messages.length === 0) return undefined;
  const comments: ParsedComment[] = messages.map((m, k) => {
    let answered: number | undefined;
    for (let j = k - 1; j >= -1 && m.quoted !== undefined && answered === undefined; j -= 1) if ((j === -1 ? first : messages[j])?.author === m.quoted) answered = j;
    return { author: m.author, published: m.published, text: m.text, parentIndex: answered, quotesIndex: answered };
  });
  return {
    page: { author: first.author, published: first.published, body: first.text, comments },
    diagnostics: [{ level: 'info', code: 'thread-chat', message: `chat read from ${messages.length + 1} messages under day separators; the first message is the article` }],
  };
}

/** The day-separated chat reader as a layout, with every cue (`withCues` for another set). */
export const dayChatLayout: PageLayout = layoutOfReader('day-chat', readDayChat, DEFAULT_LINE_CUES);
