import { isEndMarker, matchBoilerplate } from '../boilerplate.js';
import { cleanScrapedText } from '../clean-text.js';
import { isRelativeDate, parseDateLine } from '../french-date.js';
import type { ParsedComment } from '../page.js';
import type { PageLayout } from './layout.js';
import { isBlank } from './text-lines.js';

// "@sophie@piaille.fr": the account line under a display name.
const ACCOUNT = /^@([\p{L}\p{N}_.-]{1,40})@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)$/u;
// Leading mentions address the reply; they are not the author's words.
const LEADING_MENTIONS = /^(?:\s*@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)+\s*/u;
const MENTION = /@([\p{L}\p{N}_.-]+)(?:@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+))?/u;
// "RE: https://piaille.fr/@sophie/1115…": a quote post (Misskey, Akkoma, Mastodon 4.4+).
const QUOTE_LINE = /^RE:\s*(https?:\/\/\S+)$/iu;
const POST_URL_ACCOUNT = /^https?:\/\/([^/\s]+)\/@([\p{L}\p{N}_.-]+)(?:@([^/\s]+))?\//u;

interface Post { readonly index: number; readonly name: string; readonly account: string; readonly end: number }

function posts(lines: readonly string[]): Post[] {
  const starts: { index: number; name: string; account: string }[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const m = ACCOUNT.exec(lines[i]!.trim());
    const name = lines[i - 1]!.trim();
    if (m !== null && name !== '' && !ACCOUNT.test(name)) starts.push({ index: i - 1, name, account: `${m[1]}@${m[2]}`.toLowerCase() });
  }
  return starts.map((s, k) => ({ ...s, end: starts[k + 1]?.index ?? lines.length }));
}

/** Account ("user@host") of a mention or a post URL, lower-cased; a bare "@user" gets no host. */
function mentionAccount(mention: string): string {
  const m = MENTION.exec(mention);
  return m === null ? '' : (m[2] === undefined ? m[1]! : `${m[1]}@${m[2]}`).toLowerCase();
}

function latestByAccount(account: string, accounts: readonly string[]): number | undefined {
  for (let k = accounts.length - 1; k >= 0; k -= 1) {
    const a = accounts[k]!;
    if (a === account || (!account.includes('@') && a.startsWith(`${account}@`))) return k;
  }
  return undefined;
}

/**
 * Fediverse threads (Mastodon, Pleroma, Misskey): each post is a display name, its account
 * ("@sophie@piaille.fr"), the text, a date line and boost/favourite counters. A reply opens with
 * @mentions (it answers the latest post of the first account mentioned); "RE: <post URL>" marks a
 * quote post. The first post is the article; mentions and the RE: line are not unit text.
 */
export const fediverseThreadLayout: PageLayout = {
  name: 'fediverse-thread',
  recognise: (_text, lines) => posts(lines).length >= 2,
  parse(text, lines) {
    const found = posts(lines);
    // accounts[0] is the opening post (the article), accounts[k + 1] the k-th comment.
    const accounts: string[] = [];
    const parsed: { name: string; published?: string; text: string; replyTo?: number; quotes?: number }[] = [];
    for (const p of found) {
      const body: string[] = [];
      let published: string | undefined;
      let quoted: string | undefined;
      for (let i = p.index + 2; i < p.end; i += 1) {
        const line = lines[i]!.trim();
        if (isEndMarker(line)) break;
        if (line === '') { body.push(''); continue; }
        const date = parseDateLine(line);
        if (date !== undefined || isRelativeDate(line)) { published ??= date; continue; }
        const quote = QUOTE_LINE.exec(line);
        if (quote !== null) { quoted = quote[1]; continue; }
        if (matchBoilerplate(line) !== undefined) continue;
        body.push(line);
      }
      let own = body.join('\n').trim();
      const mentions = LEADING_MENTIONS.exec(own)?.[0];
      let replyTo: number | undefined;
      if (mentions !== undefined) {
        own = own.slice(mentions.length);
        replyTo = latestByAccount(mentionAccount(mentions.trim()), accounts);
      }
      let quotes: number | undefined;
      if (quoted !== undefined) {
        const u = POST_URL_ACCOUNT.exec(quoted);
        if (u !== null) quotes = latestByAccount(`${u[2]}@${u[3] ?? u[1]}`.toLowerCase(), accounts);
      }
      parsed.push({ name: p.name, published, text: cleanScrapedText(own), replyTo, quotes });
      accounts.push(p.account);
    }
    const [opening, ...rest] = parsed;
    // Post k of `parsed` is comment k - 1; the opening post (0) is the article (-1).
    const toComment = (postIndex: number | undefined): number | undefined => (postIndex === undefined ? undefined : postIndex - 1);
    const comments: ParsedComment[] = rest.map((p) => {
      const parent = toComment(p.replyTo);
      return { author: p.name, published: p.published, text: p.text, parentIndex: parent !== undefined && parent >= 0 ? parent : undefined, quotesIndex: toComment(p.quotes) };
    });
    const diagnostics = found.length === 0 || !isBlank(lines.slice(0, found[0]!.index).join(''))
      ? [{ level: 'info' as const, code: 'text-before-thread', message: 'lines before the first post were skipped' }]
      : [];
    return {
      // The opening post's instance is where the thread lives.
      page: { site: found[0]?.account.split('@')[1], author: opening?.name, published: opening?.published, body: opening?.text ?? '', comments },
      diagnostics,
    };
  },
};
