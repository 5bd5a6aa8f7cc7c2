import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { dateCueOf, DEFAULT_LINE_CUES, isInterfaceLine, type LineCueSet } from './line-cues.js';
import { isBlank, wordCount } from './text-lines.js';

/**
 * An e-mail thread copied from a mail client, newest message first: the message read (its sender's
 * name, "À :" / "To:" and "Cc :" lines, its date) over its words, then each earlier message under a
 * block of header fields ("De : X" / "Envoyé : <date>" / "À :" / "Objet :", "From:" / "Sent:" / "To:" /
 * "Subject:"), often after "-----Message d'origine-----". The thread is read in the order it was
 * written: the oldest message, at the bottom, is the article, and each message answers the one
 * written just before it. Closing formulas and signatures (short lines after the last sentence) and
 * a confidentiality notice after a rule ("____") are not a message's words.
 */

/** Fewest quoted header blocks that make a page a mail thread. */
const MIN_HEADER_BLOCKS = 2;
/** Lines a header block spans from its "De :" line to its date. */
const MAX_FIELD_LINES = 4;
/** Longest line of a signature or a closing formula, in words. */
const SIGNATURE_WORDS = 6;

const FROM = /^(?:de|from|expéditeur)\s*:\s*(.+)$/iu;
const SENT = /^(?:envoyé|envoyé le|sent|date)\s*:\s*(.+)$/iu;
const TO = /^(?:à|a|to|cc|cci|bcc|objet|subject)\s*:/iu;
/** "-----Message d'origine-----", "-----Original Message-----", a rule of underscores or dashes. */
const SEPARATOR = /^\s*(?:-{3,}.*-{3,}|_{5,}|-{5,})\s*$/u;

interface Message { readonly author?: string; readonly published?: string; readonly text: string }

/** "Sophie Marchand <s.marchand@…>", "Karim Belaïd [mailto:…]": the name shown. */
const senderOf = (value: string): string | undefined => value.replace(/\s*[<[(].*$/u, '').replace(/^["']|["']$/gu, '').trim() || undefined;

/** The date of a header field's value ("mardi 18 mars 2025 18:10", "mer. 19/03/2025 09:15"). */
function dateOf(value: string, cues: LineCueSet): string | undefined {
  return dateCueOf(value.trim(), cues)?.iso ?? dateCueOf(value.trim().replace(/^\p{L}+\.?,?\s+/u, ''), cues)?.iso;
}

/** A message's words: up to a rule or a forwarded header, without its closing formula and signature. */
function wordsOf(lines: readonly string[], from: number, to: number, cues: LineCueSet): string {
  const kept: string[] = [];
  for (let i = from; i < to; i += 1) {
    const line = lines[i]!;
    if (SEPARATOR.test(line)) break;
    if (kept.length === 0 && (isBlank(line) || isInterfaceLine(line, cues))) continue;
    kept.push(line.trim());
  }
  const paragraphs = kept.join('\n').split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p !== '');
  // Trailing paragraphs of short lines without a sentence's end: "Bien cordialement," then the signature.
  while (paragraphs.length > 1 && paragraphs[paragraphs.length - 1]!.split('\n').every((l) => (wordCount(l) <= SIGNATURE_WORDS && !/[.!?…:]$/u.test(l.trim())) || /^(?:tél|tel|phone)\b|^\+?\d[\d .]{6,}$/iu.test(l.trim()))) paragraphs.pop();
  return paragraphs.join('\n\n');
}

/** Read a page as a mail thread; undefined when it holds fewer than MIN_HEADER_BLOCKS header blocks. */
export function readMailChain(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  // Header blocks: "De : X", then the date within a few lines.
  const blocks: { start: number; bodyStart: number; author?: string; published?: string }[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const from = lines[i]!.length <= 300 ? FROM.exec(lines[i]!.trim()) : null;
    if (from === null) continue;
    let published: string | undefined;
    let j = i + 1;
    for (; j < lines.length && j - i <= MAX_FIELD_LINES && !isBlank(lines[j]!); j += 1) {
      const sent = SENT.exec(lines[j]!.trim());
      if (sent !== null) published ??= dateOf(sent[1] ?? '', cues);
      else if (!TO.test(lines[j]!.trim())) break;
    }
    if (published === undefined) continue;
    while (j < lines.length && !isBlank(lines[j]!) && TO.test(lines[j]!.trim())) j += 1;
    blocks.push({ start: i, bodyStart: j, author: senderOf(from[1] ?? ''), published });
    i = j - 1;
  }
  if (blocks.length < MIN_HEADER_BLOCKS) return undefined;
  const messages: Message[] = [];
  // The message read, above the first block: its sender's name over the "À :" line, its date in the header.
  const firstStart = blocks[0]!.start;
  const to = lines.slice(0, firstStart).findIndex((l) => TO.test(l.trim()));
  if (to > 0) {
    let end = to;
    let published: string | undefined;
    while (end < firstStart && !isBlank(lines[end]!)) { published ??= dateOf(lines[end]!, cues); end += 1; }
    const name = lines[to - 1]!.trim();
    const author = wordCount(name) <= SIGNATURE_WORDS && !/[.!?:]$/u.test(name) ? name : undefined;
    const text = wordsOf(lines, end, firstStart, cues);
    if (text !== '') messages.push({ author, published, text });
  }
  blocks.forEach((b, k) => {
    const text = wordsOf(lines, b.bodyStart, blocks[k + 1]?.start ?? lines.length, cues);
    if (text !== '') messages.push({ author: b.author, published: b.published, text });
  });
  // Written order: the oldest message (at the bottom) first; each answers the one before it.
  const written = messages.reverse();
  const first = written.shift();
  if (first === undefined || written.length === 0) return undefined;
  return {
    page: { author: first.author, published: first.published, body: first.text, comments: written.map((m, k) => ({ ...m, parentIndex: k - 1 })) },
    diagnostics: [{ level: 'info', code: 'thread-mail', message: `mail thread read from ${written.length + 1} messages, oldest first; the first message written is the article` }],
  };
}

/** The mail-thread reader as a layout, with every cue (`withCues` for another set). */
export const mailChainLayout: PageLayout = layoutOfReader('mail-chain', readMailChain, DEFAULT_LINE_CUES);
