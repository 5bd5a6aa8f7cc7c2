import { cutGluedConsent, matchBoilerplate } from '../boilerplate.js';
import { cleanScrapedText } from '../clean-text.js';
import { parseDateLine } from '../french-date.js';
import { looksLikePersonName, wordCount } from './text-lines.js';
import { parseCommentHeading } from './thread-heading.js';

/** The article of a page: its metadata and its body text. */
export interface ArticlePart {
  readonly title?: string;
  readonly author?: string;
  readonly published?: string;
  readonly body: string;
}

/** Headlines are short and do not end like a sentence. */
const TITLE_MAX_WORDS = 20;
/** A line this long is running text even without a final full stop. */
const PROSE_MIN_WORDS = 12;
/** Signature lines under an article ("Joëlle Melin" / "Député européen") are this short at most. */
const SIGNATURE_MAX_WORDS = 6;
const SIGNATURE_MAX_LINES = 3;
/** Short lines (subtitle, category, caption, comment count…) a page header holds at most. */
const HEADER_MAX_LINES = 8;

const SENTENCE_END = /[.!?…:»"”)]$/u;

// "Par Alexandre Boero, journaliste", "Écrit par Sébastien Gavois", "Auteur : Marie Dupont"
const BYLINE = /^(?:par|écrit par|rédigé par|publié par|propos recueillis par|auteur|autrice|auteure)\s*:?\s+(.+)$/iu;

/** The author named by a byline, if the line is one. */
export function bylineAuthor(line: string): string | undefined {
  const m = BYLINE.exec(line.trim());
  if (m === null) return undefined;
  const name = m[1]!.split(/\s*(?:,|\s[-–|·]\s|\(|\s+le\s+\d|\s+dans\s|\s+il y a\s)/u)[0]!.trim();
  if (looksLikePersonName(name)) return name;
  // A user name: "citoyen_numerique@jlai.lu", "vincent83D" (never "ailleurs" of "Par ailleurs, …").
  return /^[\p{L}\p{N}_.@-]{2,60}$/u.test(name) && /[_@\p{N}]/u.test(name) ? name : undefined;
}

function isProse(line: string): boolean {
  const words = wordCount(line, PROSE_MIN_WORDS);
  return words >= PROSE_MIN_WORDS || (words >= 4 && SENTENCE_END.test(line));
}

function isHeaderMaterial(line: string, title: string | undefined): boolean {
  return line === title || bylineAuthor(line) !== undefined || parseDateLine(line) !== undefined || matchBoilerplate(line) !== undefined;
}

/**
 * Split the article lines of a page (everything above its comment thread) into title, byline,
 * date and body. Header lines before the first paragraph of running text (title repeats, "Par X",
 * "Publié le …", image captions, categories) and footer lines after the body (sources, signature,
 * share bar, newsletter, cookie banner) are metadata or boilerplate, never body text.
 */
export function parseArticlePart(lines: readonly string[]): ArticlePart {
  const trimmed = lines.map((l) => l.trim());
  const firstIndex = trimmed.findIndex((l) => l !== '');
  if (firstIndex < 0) return { body: '' };
  const first = trimmed[firstIndex]!;
  const hasMore = trimmed.slice(firstIndex + 1).some((l) => l !== '');
  const title = hasMore && wordCount(first, TITLE_MAX_WORDS + 1) <= TITLE_MAX_WORDS && !/\.$/u.test(first) && !isHeaderMaterial(first, undefined) ? first : undefined;

  const searchFrom = title === undefined ? firstIndex : firstIndex + 1;
  let bodyStart = trimmed.findIndex((l, i) => i >= searchFrom && l !== '' && isProse(l) && !isHeaderMaterial(l, title));
  // Page headers are a handful of lines; a long run of short lines before the first sentence is content (a list, verse).
  const headerLines = trimmed.slice(searchFrom, bodyStart < 0 ? trimmed.length : bodyStart).filter((l) => l !== '' && !isHeaderMaterial(l, title)).length;
  if (bodyStart < 0 || headerLines > HEADER_MAX_LINES) bodyStart = searchFrom;

  let author: string | undefined;
  let published: string | undefined;
  const takeMetadata = (line: string, i: number): void => {
    author ??= bylineAuthor(line);
    const date = parseDateLine(line);
    published ??= date;
    // "Publié le 14 mars 2023 à 18h30 par Claire Morel"
    const by = date === undefined ? undefined : /\spar\s+(.+)$/u.exec(line)?.[1];
    if (by !== undefined && looksLikePersonName(by)) author ??= by;
    // "Avatar de l'auteur" is the alt text of the author's photo, the name comes next.
    if (/^avatar de l['’]auteur$/iu.test(line)) {
      const next = trimmed[i + 1] ?? '';
      if (looksLikePersonName(next)) author ??= next;
    }
  };
  for (let i = 0; i < bodyStart; i += 1) takeMetadata(trimmed[i]!, i);

  const body: string[] = [];
  let bodyEnd = trimmed.length;
  let seenProse = false;
  for (let i = bodyStart; i < trimmed.length; i += 1) {
    const line = trimmed[i]!;
    if (line !== '' && !seenProse && (bylineAuthor(line) !== undefined || parseDateLine(line) !== undefined)) { takeMetadata(line, i); continue; }
    seenProse ||= line !== '' && isProse(line);
    const { kept, cut } = cutGluedConsent(lines[i]!);
    if (cut && kept.trim() !== '') { body.push(kept); bodyEnd = i + 1; break; }
    const furniture = line === '' ? undefined : matchBoilerplate(line);
    if (line !== '' && (furniture?.kind === 'end' || parseCommentHeading(line, i) !== undefined)) { bodyEnd = i; break; }
    if (furniture !== undefined) continue;
    if (line !== '' && line === title) continue;
    body.push(lines[i]!);
  }
  for (let i = bodyEnd; i < trimmed.length; i += 1) takeMetadata(trimmed[i]!, i);

  // Signature block: the last few short lines of the body, without a sentence end.
  while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
  const signature: string[] = [];
  for (let i = body.length - 1; i >= 0 && signature.length < SIGNATURE_MAX_LINES; i -= 1) {
    const line = body[i]!.trim();
    if (line === '') continue;
    if (wordCount(line, SIGNATURE_MAX_WORDS + 1) > SIGNATURE_MAX_WORDS || SENTENCE_END.test(line)) break;
    signature.unshift(line);
  }
  const proseLeft = body.slice(0, body.length).filter((l) => l.trim() !== '').length - signature.length;
  if (signature.length > 0 && proseLeft > 0 && looksLikePersonName(signature[0]!)) {
    author ??= signature[0];
    let removed = 0;
    while (removed < signature.length) {
      const line = body.pop()!;
      if (line.trim() !== '') removed += 1;
    }
  }
  return { title, author, published, body: cleanScrapedText(body.join('\n')) };
}
