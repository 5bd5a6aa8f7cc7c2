import type { ParsedComment } from '../page.js';
import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { authorOf, dateCueOf, DEFAULT_LINE_CUES, isInterfaceLine, type LineCueSet, segmentsOf } from './line-cues.js';
import { indentOf, isBlank, wordCount } from './text-lines.js';

/**
 * Posts closed by their author's signature instead of opened by a header, whatever the site:
 *   wiki talk pages: "…les deux positions. — Pseudo (discuter) 14 mars 2023 à 10:12 (CET)";
 *   forums and mailing lists: the post's lines, then "-- Pseudo";
 *   blogs signing a comment under its words: "…les explications. / Posté par Pseudo, 11 mars 2025 à 09:20".
 * A post is the block of lines ending at its signature (a dated line on top of it, "Posté le …", is
 * its date when the signature has none); replies are nested by indentation. The first post is the
 * article unless longer prose stands above it.
 */

/** Fewest signatures that make a page one of signed posts. */
const MIN_SIGNATURES = 2;
/** Words of a line that make it a paragraph of an article above the posts. */
const PARAGRAPH_WORDS = 25;
/** Longest dated line on top of a post read as its date line ("Posté le 08/01/2024 à 21:14"). */
const MAX_DATE_LINE_WORDS = 8;
/** Lines of a motto under "-- Name" left out with it. */
const MAX_MOTTO_LINES = 3;
/** Longest name in a signature, in words. */
const MAX_NAME_WORDS = 5;

/** The link to the signer's talk or contributions page that wikis print after the name. */
const TALK_LINK = /\s*\((?:discuter|discussion|talk|contributions?|contribs?|d|c)\)\s*/iu;
/** The time zone closing a wiki signature's date. */
const TIME_ZONE = /\s*\((?:CET|CEST|UTC|GMT|HNE|HAE)[^)]{0,6}\)$/u;
/** The dash opening a signature: "-- ", "— ", "– ". */
const DASH = /(?:^|\s)(?:--|—|–)\s*(?=\S)/gu;

interface Signature {
  /** The post's words before the signature on the same line ("" when the signature is alone on its line). */
  readonly before: string;
  readonly author: string;
  readonly published?: string;
}

/** A name in a signature: any name the name cue knows; after a talk link, any short words without a sentence's end. */
function signatureName(name: string, linked: boolean, cues: LineCueSet): string | undefined {
  const t = name.trim();
  if (t === '' || wordCount(t) > MAX_NAME_WORDS || /[.!?:;,…]$/u.test(t) || /^\p{Ll}/u.test(t)) return undefined;
  return linked ? t : authorOf(t, cues);
}

/** Read the end of a line as a signature, or undefined. */
function signatureOf(line: string, cues: LineCueSet): Signature | undefined {
  if (!line.includes('--') && !line.includes('—') && !line.includes('–')) return undefined;
  const t = line.trim();
  const dashes = [...t.matchAll(DASH)];
  const dash = dashes[dashes.length - 1];
  if (dash === undefined) return undefined;
  const before = t.slice(0, dash.index).trim();
  const tail = t.slice(dash.index + dash[0].length).replace(TIME_ZONE, '');
  const linked = TALK_LINK.test(tail);
  const [namePart, datePart] = linked ? tail.split(TALK_LINK) : splitAtDigit(tail);
  const author = signatureName(namePart ?? '', linked, cues);
  if (author === undefined) return undefined;
  const date = datePart === undefined || datePart.trim() === '' ? undefined : dateCueOf(datePart.trim().replace(/^,\s*/u, ''), cues);
  if (datePart !== undefined && datePart.trim() !== '' && date === undefined) return undefined;
  // Inside a line of text, only a talk link or a date tells a signature from a dash in a sentence.
  if (before !== '' && !linked && date === undefined) return undefined;
  return { before, author, published: date?.iso };
}

/** A dated byline: "Posté par X, 10 mars 2025 à 16:05", "Posted by X on March 3, 2025". */
const BYLINE = /^(?:posté|postée|publié|publiée|écrit|écrite|posted|written|submitted)\s+(?:par|by)\s+(.+?)(?:,\s*|\s+(?:le|on)\s+)(\S*\d.*)$/iu;

/**
 * A dated byline closing a block of words (the line above is words, nothing under it before a blank
 * line): the comment's signature, as blogs print it under the text. On top of a post, words follow
 * it: a header, not a signature.
 */
function bylineAfterText(lines: readonly string[], i: number, cues: LineCueSet): Signature | undefined {
  const t = lines[i]!.trim();
  if (i === 0 || isBlank(lines[i - 1]!) || (i + 1 < lines.length && !isBlank(lines[i + 1]!))) return undefined;
  const byline = BYLINE.exec(t);
  if (byline === null) return undefined;
  // After "par"/"by", any short words are the name, whatever their case, an initial's dot kept ("Josiane V.").
  const name = (byline[1] ?? '').trim();
  const author = name !== '' && wordCount(name) <= MAX_NAME_WORDS && (!/[.!?:;,…]$/u.test(name) || /(?:^|\s)\p{Lu}\.$/u.test(name)) ? name : undefined;
  const date = dateCueOf((byline[2] ?? '').trim(), cues);
  return author === undefined || date === undefined ? undefined : { before: '', author, published: date.iso };
}

/** "Ker Ys, 2 avril 2023 à 17:30" → the name and the date (from its first digit). */
function splitAtDigit(tail: string): [string, string | undefined] {
  const at = tail.search(/\d/u);
  return at === -1 ? [tail, undefined] : [tail.slice(0, at).replace(/,?\s*(?:le\s+)?$/u, ''), tail.slice(at)];
}

/** A short dated line on top of a post ("Posté le 08/01/2024 à 21:14"): the post's date. */
function dateLineOf(line: string, cues: LineCueSet): { iso?: string } | undefined {
  if (wordCount(line, MAX_DATE_LINE_WORDS + 1) > MAX_DATE_LINE_WORDS || !/\d/u.test(line)) return undefined;
  for (const s of segmentsOf(line)) {
    const cue = dateCueOf(s, cues);
    if (cue !== undefined) return cue;
  }
  return undefined;
}

/** The first line of the paragraph right above line `start` (one blank line between), not above `floor`; undefined when none. */
function earlierParagraph(lines: readonly string[], floor: number, start: number): number | undefined {
  if (start - 2 < floor || !isBlank(lines[start - 1]!) || isBlank(lines[start - 2]!)) return undefined;
  let top = start - 2;
  while (top > floor && !isBlank(lines[top - 1]!)) top -= 1;
  return top;
}

/** A byline under a blog post giving the time only: "Posté par X à 14:32 - Rubrique - Commentaires [5]". */
const TIMED_BYLINE = /^(?:posté|postée|publié|publiée|écrit|écrite|posted|written)\s+(?:par|by)\s+(\S+(?:\s\S+){0,3}?)\s+(?:à|at)\s+(\d{1,2})[:h](\d{2})\b/iu;

/**
 * The author and date of an article above signed posts: its byline ("Posté par X à 14:32 …"), the last
 * one above the posts, with the day of the date line above it (blogs print the day over the title and
 * the time in the byline).
 */
function articleByline(lines: readonly string[], firstStart: number, cues: LineCueSet): { author?: string; published?: string } {
  for (let i = firstStart - 1; i >= 0; i -= 1) {
    const byline = TIMED_BYLINE.exec(lines[i]!.trim());
    if (byline === null) continue;
    let day: string | undefined;
    for (let j = i - 1; j >= 0 && day === undefined; j -= 1) {
      const iso = wordCount(lines[j]!) <= 5 ? dateCueOf(lines[j]!.trim(), cues)?.iso : undefined;
      if (iso !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(iso)) day = iso;
    }
    return { author: byline[1], published: day === undefined ? undefined : `${day}T${(byline[2] ?? '').padStart(2, '0')}:${byline[3] ?? ''}` };
  }
  return {};
}

interface Post { author: string; published?: string; text: string; indent: number; parent?: number }

/** Read a page of signed posts, or undefined when fewer than MIN_SIGNATURES signatures close blocks of words. */
export function readSignedPosts(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const posts: Post[] = [];
  let floor = 0;
  let firstStart = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.length > 4000) continue;
    const signature = signatureOf(line, cues) ?? bylineAfterText(lines, i, cues);
    if (signature === undefined) continue;
    let start = i;
    while (start > floor && !isBlank(lines[start - 1]!)) start -= 1;
    // A post of several paragraphs: after the first post, the paragraphs above at its indentation that end a sentence are its own.
    for (let above = earlierParagraph(lines, floor, start); posts.length > 0 && above !== undefined; above = earlierParagraph(lines, floor, start)) {
      const top = lines[above]!;
      if (indentOf(top) !== indentOf(lines[start]!) || !/[.!?…»)]$/u.test(lines[start - 2]?.trim() ?? '') || dateLineOf(top, cues) !== undefined) break;
      start = above;
    }
    let published = signature.published;
    const words: string[] = [];
    for (let j = start; j < i; j += 1) {
      const l = lines[j]!.trim();
      // The post's date line and the page's furniture on top of it are not its words.
      if (words.length === 0) {
        const date = dateLineOf(l, cues);
        if (date !== undefined) { published ??= date.iso; continue; }
        if (isInterfaceLine(l, cues)) continue;
      }
      words.push(l);
    }
    if (signature.before !== '') words.push(signature.before);
    // A motto under "-- Name" runs to the next blank line: not the next post's.
    floor = i + 1;
    while (signature.before === '' && floor < lines.length && floor - i <= MAX_MOTTO_LINES && !isBlank(lines[floor]!)) floor += 1;
    if (words.length === 0) continue;
    if (firstStart === -1) firstStart = start;
    posts.push({ author: signature.author, published, text: words.join('\n'), indent: indentOf(lines[start]!) });
  }
  if (posts.length < MIN_SIGNATURES) return undefined;
  // Replies are indented under what they answer.
  posts.forEach((p, k) => {
    for (let j = k - 1; j >= 0 && p.indent > 0; j -= 1) {
      const q = posts[j]!;
      if (q.indent < p.indent) { p.parent = j; break; }
      if (q.indent === p.indent) { p.parent = q.parent; break; }
    }
  });
  // An article above the posts: its long paragraphs; else the first post is the article.
  const prose = lines.slice(0, firstStart).filter((l) => wordCount(l, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS).map((l) => l.trim());
  const aboveIsArticle = prose.join(' ').length > (posts[0]?.text.length ?? 0);
  const article = aboveIsArticle ? { ...articleByline(lines, firstStart, cues), text: prose.join('\n\n') } : posts.shift()!;
  const offset = aboveIsArticle ? 0 : 1;
  const comments: ParsedComment[] = posts.map((p) => {
    const parent = p.parent === undefined ? undefined : p.parent - offset;
    return { author: p.author, published: p.published, text: p.text, parentIndex: parent === undefined || parent < 0 ? undefined : parent };
  });
  return {
    page: { author: article.author, published: article.published, body: article.text, comments },
    diagnostics: [{ level: 'info', code: 'thread-signed', message: `thread read from ${comments.length + offset} signatures closing the posts; ${aboveIsArticle ? 'article from the prose above them' : 'the first post is the article'}` }],
  };
}

/** The signed-posts reader as a layout, with every cue (`withCues` for another set). */
export const signedPostsLayout: PageLayout = layoutOfReader('signed-posts', readSignedPosts, DEFAULT_LINE_CUES);
