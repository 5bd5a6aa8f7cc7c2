import { foldAccents } from '../../text/fold-accents.js';
import type { Diagnostic } from '../../model.js';
import type { ParsedComment, ParsedPage } from '../page.js';
import { layoutOfReader, type PageLayout } from './layout.js';
import { authorOf, dateCueOf, DEFAULT_LINE_CUES, handlesOf, isInterfaceLine, isRatingLine, isRemovedText, type LineCueSet, mayHoldDate, replyCueOf, type ReplyCue, replyHeaderOf, segmentsOf } from './line-cues.js';
import { indentOf, isBlank, wordCount } from './text-lines.js';
import { caseless, IU_WORD_CHAR } from '../../text/caseless.js';

/**
 * A thread read from a copied page of a site no layout was written for. Each line is classified by
 * generic cues (line-cues.ts); a comment starts at a header: a short line holding a date, with the
 * name, reply marker and counter lines around it. The header shapes that repeat on the page (names,
 * numbers and dates masked) are the page's template: a dated line of another shape inside a comment
 * stays text. The first post is the article when no longer text stands before it.
 */

/** Longest header line, in words: "Message par Goulven29 » lun. 26 sept. 2022 10:14" has 9. */
const MAX_HEADER_WORDS = 14;
/** Lines before a dated line that may still belong to its header (name, handle, badge, level). */
const MAX_HEADER_LEAD = 4;
/** Longest line looked at for cues; "Message par X » lun. 26 sept. 2022 10:14  Abonné" has 60 characters. */
const MAX_CUE_LINE_CHARS = 160;
/** Longest job title between a name and a date on a header ("Architecte systèmes dans un opérateur public"). */
const MAX_TITLE_WORDS = 8;
/** Words of a line that make it a paragraph of an article, not a link or a notice. */
const PARAGRAPH_WORDS = 25;
/** Words of a paragraph that make it article text rather than furniture. */
const MIN_PROSE_WORDS = 12;

/** Boilerplate blocks of an article, in any site: "Lire aussi", newsletter, cookies, paywall, ads. */
const BOILERPLATE = /^(?:lire aussi|à lire aussi|a lire aussi|read more|related|sur le même sujet|newsletter|recevez|abonnez-vous|inscrivez-vous|publicité|advertisement|nous utilisons des cookies|cet article est réservé|il vous reste|déjà abonné|subscribe|sign up|partager|share|commentaires?\s*\(|réactions?\s*\(|\d+\s+(?:commentaires|réactions|comments)|\d+\s+(?:thoughts?|responses?|réponses?)\s+(?:on|to|à|sur)\s|posted in|catégories\s*:|étiquettes\s*:|tags?\s*:|post navigation|navigation des articles|articles similaires|related posts)/iu;

/** A line short enough to be looked at for cues (its length is checked before it is trimmed). */
const isCueLength = (line: string): boolean => line.length <= MAX_CUE_LINE_CHARS || line.trim().length <= MAX_CUE_LINE_CHARS;

interface LineInfo {
  readonly date?: { readonly iso?: string; readonly clock?: true };
  readonly header: boolean;
  /** A dated line of interface words under a comment's text ("J'aime · Répondre · 1 sem"). */
  readonly footer?: boolean;
  readonly iface: boolean;
  readonly reply?: ReplyCue;
  readonly author?: string;
  /** "Réponse de X", "↳ X a répondu": the comment answers the one above. */
  readonly answersAbove?: boolean;
}

/** A byline opening a header line of sentences: "Posté par X le 14/03/25 à 10:40. En réponse au message de Y. Évalué à 4 (+3/-0)." */
const BYLINE_SENTENCE = /^(?:postée?|publiée?|écrite?|posted|written|submitted)\s+(?:par|by)\s/iu;
/** Longest sentence after such a byline that is still the header's (a score, a licence). */
const MAX_HEADER_SENTENCE_WORDS = 6;

/** A header line whose dated byline is followed by short sentences of the header's (a reply marker, a score, a licence); undefined otherwise. */
function bylineSentences(t: string, cues: LineCueSet): LineInfo | undefined {
  if (!BYLINE_SENTENCE.test(t)) return undefined;
  const sentences = t.split(/(?<=\.)\s+(?=\p{Lu})/u);
  if (sentences.length < 2) return undefined;
  const first = classify(sentences[0]!.replace(/\.$/u, ''), cues);
  if (!first.header || first.date === undefined || first.author === undefined) return undefined;
  let reply = first.reply;
  for (const s of sentences.slice(1)) {
    const cue = replyCueOf(s.replace(/\.$/u, ''));
    if (cue !== undefined) reply ??= cue;
    else if (wordCount(s, MAX_HEADER_SENTENCE_WORDS + 1) > MAX_HEADER_SENTENCE_WORDS) return undefined;
  }
  return reply === undefined ? first : { ...first, reply };
}

/** Columns of a row: parts set apart by runs of spaces or tabs. */
const COLUMN_GAP = /\s{2,}|\t/u;

/** Fewest columns that make an undated row of short labels a menu. */
const MIN_MENU_COLUMNS = 3;
/** Most words of a menu's label. */
const MAX_MENU_LABEL_WORDS = 4;

/**
 * A row of a menu, a toolbar or a footer: three columns or more set apart by runs of spaces, each a
 * short label without a sentence's end and none a date ("Répondre à tous   Répondre   Transférer",
 * "Mentions légales   Accessibilité   Contact"). A comment's words run on; a header holds a date.
 */
function isMenuRow(t: string, cues: LineCueSet): boolean {
  if (!COLUMN_GAP.test(t)) return false;
  const columns = t.split(COLUMN_GAP);
  return columns.length >= MIN_MENU_COLUMNS && columns.every((c) => wordCount(c, MAX_MENU_LABEL_WORDS + 1) <= MAX_MENU_LABEL_WORDS && !/[.!?…:;,]$/u.test(c) && dateCueOf(c, cues) === undefined);
}

/** An edit dated after a header's date ("… 09:12 - Modifié le 11 mars 2025 à 09:20"): no part of the header's cues. */
const EDIT_TAIL = /\s[-–—]\s+(?:modifié|edited|updated|mis à jour)\s+(?:le|on)\s+\S*\d.*$/iu;

function classify(line: string, cues: LineCueSet): LineInfo {
  const t = line.includes(' le ') || line.includes(' on ') ? line.trim().replace(EDIT_TAIL, '') : line.trim();
  // Headers, markers and interface lines are short: a long line is text, read without the cue patterns.
  if (t === '' || t.length > MAX_CUE_LINE_CHARS) return { header: false, iface: false };
  if (isMenuRow(t, cues)) return { header: false, iface: true };
  const byline = bylineSentences(t, cues);
  if (byline !== undefined) return byline;
  // "09:12" alone under a message's words: the time closing it (a footer), its day not shown.
  if (/^\d{1,2}:\d{2}$/u.test(t) && Number(t.slice(0, t.indexOf(':'))) < 24) return { date: {}, header: true, footer: true, iface: false };
  // A row of a table of the page's ("Installation	5	1.2k	Nov '23"): furniture, not a header.
  if (t.includes('\t') && /\t.*\t/u.test(t)) return { header: false, iface: true };
  // A field of the page's table of properties ("Signalé :	2025-03-10 09:12 par X"): a label, then its value after a tab.
  if (t.includes('\t') && /^[\p{L}][\p{L}\p{M}\s'’-]{0,30}\s?:\t/u.test(t)) return { header: false, iface: true };
  const reply = replyCueOf(t);
  if (reply !== undefined) return { header: false, iface: false, reply };
  const words = wordCount(t, MAX_HEADER_WORDS + 1);
  // Past the header length only "Voir plus de …" (60 characters at most) can still be furniture.
  if (words > MAX_HEADER_WORDS && t.length > 60) return { header: false, iface: false };
  // A header holds a date: a line without a digit or a relative date word is never one.
  if (words <= MAX_HEADER_WORDS && mayHoldDate(t)) {
    const segments = segmentsOf(t);
    // "10:14 AM · 26 sept. 2022": a date its separator splits is read whole.
    const whole = segments.length > 1 && /\d:\d\d/u.test(t) ? dateCueOf(t, cues) : undefined;
    if (whole?.iso !== undefined) return { date: whole, header: true, iface: false };
    let date: { iso?: string } | undefined;
    let author: string | undefined;
    let marked: { target?: string } | undefined;
    let others = 0;
    for (const s of segments) {
      const cue = dateCueOf(s, cues);
      // "12 mars 2025 – 13 mars 2025": two days on one line are an event's span, not a post's date.
      if (cue?.iso !== undefined && date?.iso !== undefined && segments.length === 2 && /\s[–—-]\s/u.test(t)) return { header: false, iface: false };
      if (cue !== undefined && date === undefined) { date = cue; continue; }
      // "Patapouf le 26/09/2022 à 09:41", "Tom on March 3, 2024": a name, then its date.
      // "Sylvie Dornier 2025-03-10 11:03:27": a name, then a numeric date without a word between.
      const joined = date === undefined ? /^(.+?)\s+(?:le|on|at|du|-|–)\s+(.+)$/u.exec(s) ?? /^(\D+?)\s+(\d{4}-\d{2}-\d{2}\b.*|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b.*)$/u.exec(s) : null;
      const joinedDate = joined === null ? undefined : dateCueOf(joined[2] ?? '', cues);
      const joinedName = joinedDate === undefined ? undefined : authorOf(joined?.[1] ?? '', cues);
      if (joinedDate !== undefined && joinedName !== undefined) { date = joinedDate; author ??= joinedName; continue; }
      // "Posted on 5 février 2024 by Nadia Ferhat", "Publié le 12 mars 2023 par Julien R.": the date, then its author.
      const byline = date === undefined && /\s(?:par|by)\s/u.test(s) ? /^(.+?)\s+(?:par|by)\s+(\S.*)$/u.exec(s) : null;
      const bylineDate = byline === null ? undefined : dateCueOf(byline[1] ?? '', cues);
      const bylineName = bylineDate === undefined ? undefined : authorOf(byline?.[2] ?? '', cues);
      if (bylineDate !== undefined && bylineName !== undefined) { date = bylineDate; author ??= bylineName; continue; }
      // "Réponse de X à Y · <date>", "↳ X a répondu · <date>": the author, as one who answers.
      const answering = author === undefined ? replyHeaderOf(s, cues) : undefined;
      if (answering !== undefined) { author = answering.author; marked = answering; continue; }
      const name = /^(?:épinglé|pinned)\b/iu.test(s) ? undefined : authorOf(s, cues);
      if (name !== undefined) { author ??= name; continue; }
      if (!isInterfaceLine(s, cues)) others += wordCount(s);
    }
    // "Message par X » date": the name and the date in one segment each; the rest interface or short.
    // "J'aime · Répondre · 1 sem": a dated line of interface words closes a comment (a footer).
    if (date !== undefined && others === 0 && author === undefined && segments.length > 1) return { date, header: true, footer: true, iface: false };
    // "Réponse de X · <job title> · 2 a": a name, a date and a short title between them.
    if (date !== undefined && (others <= 3 || (author !== undefined && segments.length >= 3 && others <= MAX_TITLE_WORDS))) {
      const reply = marked?.target === undefined ? undefined : { target: marked.target };
      return { date, header: true, iface: false, author, ...(reply === undefined ? {} : { reply }), ...(marked !== undefined && reply === undefined ? { answersAbove: true } : {}) };
    }
    // "Ancien assesseur, bénévole associatif · 2 a" under a name: a poster's title beside the date, the name above.
    if (date !== undefined && author === undefined && segments.length === 2 && others <= MAX_TITLE_WORDS && !/[.!?]$/u.test(segments[0]!)) return { date, header: true, iface: false };
  }
  if (isInterfaceLine(t, cues)) return { header: false, iface: true };
  const answering = words <= MAX_HEADER_WORDS ? replyHeaderOf(t, cues) : undefined;
  if (answering !== undefined) return answering.target === undefined ? { header: false, iface: false, author: answering.author, answersAbove: true } : { header: false, iface: false, author: answering.author, reply: { target: answering.target } };
  return { header: false, iface: false, author: words <= 6 && !/^(?:épinglé|pinned)\b/iu.test(t) ? authorOf(t, cues) : undefined };
}

/** The cues of line i (undefined past the page's ends), classified on first use. */
type LineInfoAt = (i: number) => LineInfo | undefined;

/** A dated line inside a comment with no name near it ("Modifié le …"): furniture, not a header. */
const NOTE: LineInfo = { header: false, iface: true };

interface Block {
  /** First and last line of the header; the text runs to the next block, or to `textEnd`. */
  readonly start: number;
  end: number;
  readonly anchor: number;
  readonly textEnd?: number;
  /** The line above the date taken as the name when no line of the header reads as one. */
  readonly looseName?: string;
  /** The name shown above the handle. */
  readonly displayName?: string;
  /** The handles a two-line reply marker names ("En réponse à" / "@a et @b"), the conversation's root first. */
  readonly targets?: readonly string[];
  /** The day the page names above posts that show a time alone (a meeting's day over its turns). */
  day?: string;
}

/**
 * The page's own header template, induced from repetition: the distance from the dated line up to
 * the line holding the name, when most dated headers of the page share it and it is more than one
 * line ("Name • 2e", a job title, "1 sem"). Undefined when no distance repeats on most headers.
 */
function nameOffsetOf(lines: readonly string[], info: LineInfoAt, dated: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const i of dated) {
    for (let k = 1; k <= MAX_HEADER_LEAD && i - k >= 0 && !isBlank(lines[i - k]!); k += 1) {
      if (info(i - k)?.author !== undefined) { counts.set(k, (counts.get(k) ?? 0) + 1); break; }
    }
  }
  let best: number | undefined;
  for (const [k, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0) || (n === counts.get(best) && k < best)) best = k;
  const n = best === undefined ? 0 : (counts.get(best) ?? 0);
  return best !== undefined && best > 1 && n >= 2 && n * 2 >= dated.length ? best : undefined;
}

/** A day named alone: "Aujourd'hui", "Hier", "Today". */
const DAY_SEPARATOR = /^(?:aujourd['’]hui|hier|avant-hier|today|yesterday)$/iu;

/** A short line that may be a name no name pattern knows: no cue of its own, five words at most, no sentence end, no hashtag or "Re:", no number standing alone ("Message 2 sur 8"). */
const mayBeName = (line: string, cue: LineInfo | undefined): boolean => {
  const t = line.trim();
  return t !== '' && !/^#\p{L}|^re\s*:|(?:^|\s)\d+(?:\s|$)/iu.test(t) && cue?.header !== true && cue?.iface !== true && cue?.reply === undefined && wordCount(t) <= 5 && (!/[.!?:;,…]$/u.test(t) || /(?:^|\s)\p{Lu}\.$/u.test(t));
};

/** A line of a poster's card: "Date d'inscription: mars 2011", "Messages: 3 847", "Localisation: Nantes". */
const CARD_FIELD = /^[\p{L}'’ ]{2,30}\s*:\s*\S.{0,40}$/u;

/** The last line of a poster's card under the name at `name`: a title of three words at most, then "Label: value" lines; `name` when none. */
function cardEnd(lines: readonly string[], name: number): number {
  let end = name;
  let fields = 0;
  for (let j = name + 1; j < lines.length && j - name <= MAX_HEADER_LEAD + 2; j += 1) {
    const t = lines[j]!.trim();
    if (CARD_FIELD.test(t)) { end = j; fields += 1; continue; }
    if (fields === 0 && j === name + 1 && t !== '' && wordCount(t) <= 3 && !/[.!?…:]$/u.test(t) && CARD_FIELD.test(lines[j + 1]?.trim() ?? '')) continue;
    break;
  }
  return fields === 0 ? name : end;
}

/** Times a short line holding an interface word must come back to be the page's action bar. */
const MIN_BAR_REPEATS = 3;
/** A counter alone on its line: a number, then one word ("2 Kudos", "14 votes"). */
const COUNTER_LINE = /^\d[\d\s.,]*\s+(\p{L}{2,})$/u;
/** A line of the page's action bar: furniture, like an interface line. */
const ACTION_BAR: LineInfo = { header: false, iface: true };

/**
 * The page's own action bars: a short line (two to five words, no digit or punctuation) opening on an
 * interface word and repeated under several posts ("Répondre avec citation", "Reply with quote", "Marquer comme
 * réponse"), whatever its other words.
 */
function actionBarsOf(lines: readonly string[], cues: LineCueSet): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const t = line.trim();
    if (t.length < 6 || t.length > 60) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const bars = new Set<string>();
  // "2 Kudos", "1 Kudo", "0 Kudos" under each post: a counter of the page's, whatever its word (plural or not).
  const counters = new Map<string, string[]>();
  for (const [t] of counts) {
    const word = COUNTER_LINE.exec(t)?.[1];
    if (word !== undefined) { const stem = foldAccents(word.toLowerCase()).replace(/s$/u, ''); counters.set(stem, [...(counters.get(stem) ?? []), t]); }
  }
  for (const [stem, shown] of counters) if (shown.reduce((sum, t) => sum + (counts.get(t) ?? 0), 0) >= MIN_BAR_REPEATS && stem.length > 1) for (const t of shown) bars.add(t);
  for (const [t, n] of counts) {
    if (n < MIN_BAR_REPEATS || /[.!?…:\d]/u.test(t)) continue;
    const words = foldAccents(t.toLowerCase()).split(/[^\p{L}'’]+/u).filter((w) => w !== '');
    if (words.length >= 2 && words.length <= 5 && cues.interfaceWords.has(words[0]!) && replyCueOf(t) === undefined) bars.add(t);
  }
  return bars;
}

/** A loose name line: its first segment when the name cue reads it ("par Hélène_Equipe  Équipe pédagogique" → the name, not the badge), else the whole line. */
function nameLeading(line: string, cues: LineCueSet): string {
  const [first, ...rest] = segmentsOf(line);
  return (rest.length > 0 && first !== undefined ? authorOf(first, cues) : undefined) ?? line.trim();
}

/** Fewest rows, one under the other, that make a listing. */
const MIN_LISTING_ROWS = 3;

/**
 * The rows of the page's listings: runs of MIN_LISTING_ROWS lines or more, one right under the other,
 * each of three columns or more ending with a date ("Sortie au planétarium   Vie scolaire   04/03/25":
 * a mailbox's discussions, a forum's topics, a box of latest posts). A post's header has its words
 * under it, never another row of the same shape.
 */
function listingRows(lines: readonly string[], mayBeDated: readonly boolean[], cues: LineCueSet): Set<number> {
  const rows = new Set<number>();
  let run: number[] = [];
  const close = (): void => { if (run.length >= MIN_LISTING_ROWS) for (const i of run) rows.add(i); run = []; };
  for (let i = 0; i < lines.length; i += 1) {
    const columns = mayBeDated[i] === true && COLUMN_GAP.test(lines[i]!.trim()) ? lines[i]!.trim().split(COLUMN_GAP) : [];
    if (columns.length >= 3 && dateCueOf(columns[columns.length - 1]!, cues)?.iso !== undefined) run.push(i);
    else close();
  }
  close();
  return rows;
}

/** The comment headers of a page: dated lines with the name and marker lines around them; `mayBeDated[i]`: line i is short and may hold a date. */
function findBlocks(lines: readonly string[], info: LineInfoAt, notes: Set<number>, mayBeDated: readonly boolean[], cues: LineCueSet): Block[] {
  const dated: number[] = [];
  for (let i = 0; i < lines.length; i += 1) if (mayBeDated[i] === true && info(i)?.header === true && info(i)?.footer !== true) dated.push(i);
  const nameOffset = nameOffsetOf(lines, info, dated);
  const listed = listingRows(lines, mayBeDated, cues);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    // A header holds a date: lines that cannot are not classified for it.
    if (mayBeDated[i] !== true || info(i)?.header !== true || listed.has(i)) continue;
    // "Aujourd'hui" alone between blank lines: a chat's day separator, not a message's header.
    if (DAY_SEPARATOR.test(lines[i]!.trim()) && isBlank(lines[i - 1] ?? '') && isBlank(lines[i + 1] ?? '')) continue;
    const last = blocks[blocks.length - 1];
    if (info(i)?.footer === true) {
      // The comment is the paragraph the footer closes: its first line the name, then badges.
      let start = i;
      while (start > (last?.textEnd ?? last?.end ?? -1) + 1 && !isBlank(lines[start - 1]!)) start -= 1;
      if (info(start)?.author === undefined || start >= i) continue;
      let end = start;
      while (end + 1 < i && (info(end + 1)?.iface === true || (info(end + 1)?.reply !== undefined && info(end + 1)?.reply?.quote === undefined))) end += 1;
      // "En réponse à X" then the start of X's message cut short ("Le préfet a signé hier…"): a preview, not words.
      if (end > start && info(end)?.reply !== undefined && end + 2 < i && isPreview(lines, end + 1)) end += 1;
      blocks.push({ start, end, anchor: i, textEnd: i });
      continue;
    }
    // Another dated line right under a header ("Modifié le …") belongs to it.
    if (last !== undefined && i - last.end <= 1) { last.end = i; continue; }
    let start = i;
    // The page's template puts the name a few lines above the date: the lines between are its header.
    const templated = nameOffset !== undefined && i - nameOffset > (last?.end ?? -1) && lines.slice(i - nameOffset, i).every((l) => !isBlank(l))
      && (info(i - nameOffset)?.author !== undefined || mayBeName(lines[i - nameOffset]!, info(i - nameOffset)));
    if (templated) start = i - nameOffset;
    // Where the template puts the name, a short line no name pattern knows is the name ("[Mister]Rail").
    let looseName = templated && info(start)?.author === undefined ? nameLeading(lines[start]!, cues) : undefined;
    // A short line right above the date is its name, even one no name pattern knows ("Maître de conférences").
    const above = lines[i - 1]?.trim() ?? '';
    if (!templated && i > (last?.end ?? -1) + 1 && info(i - 1)?.author === undefined && info(i)?.author === undefined && mayBeName(above, info(i - 1))) {
      looseName = nameLeading(above, cues);
      start = i - 1;
    }
    while (!templated && looseName === undefined && start > (last?.end ?? -1) + 1 && i - start < MAX_HEADER_LEAD) {
      const prev = info(start - 1);
      const line = lines[start - 1]!;
      if (isBlank(line) || prev === undefined) break;
      if (prev.author === undefined && !prev.iface && (prev.reply === undefined || prev.reply.quote !== undefined) && !/^\d+$|^#\d/u.test(line.trim())) break;
      start -= 1;
    }
    // No name where the template puts it ("Auteur" and a job title between): the header runs up to the name above.
    for (let k = 1; start === i && looseName === undefined && info(i)?.author === undefined && k <= MAX_HEADER_LEAD && i - k > (last?.end ?? -1) && !isBlank(lines[i - k]!); k += 1) {
      if (info(i - k)?.author !== undefined) start = i - k;
      else if (wordCount(lines[i - k]!) > MIN_PROSE_WORDS || /[.!?…]$/u.test(lines[i - k]!.trim())) break;
    }
    // A display name sits right above its handle ("Élise (elle)" over "@elise_b@mamot.fr"): it is the author.
    let displayName: string | undefined;
    if (start > (last?.end ?? -1) + 1 && handlesOf(lines[start]!) !== undefined && mayBeName(lines[start - 1]!, info(start - 1))) {
      start -= 1;
      displayName = lines[start]!.trim();
    }
    let end = i;
    while (end + 1 < lines.length && (info(end + 1)?.iface === true || (info(end + 1)?.reply !== undefined && info(end + 1)?.reply?.quote === undefined))) end += 1;
    // "En réponse à" then the handles answered on the next line.
    const marker = info(end)?.reply;
    const targets = marker !== undefined && marker.target === undefined && marker.depth === undefined && marker.quote === undefined ? handlesOf(lines[end + 1] ?? '') : undefined;
    if (targets !== undefined) end += 1;
    // "r/france · il y a 7 h" then "Marmotte_en_Colère": a header without a name takes the name under it.
    let namedAbove = looseName !== undefined || displayName !== undefined;
    for (let j = start; j <= end; j += 1) namedAbove ||= info(j)?.author !== undefined;
    if (!namedAbove && targets === undefined && info(end + 1)?.author !== undefined) {
      end += 1;
      // Then the poster's card ("Nouveau membre", "Inscription : …", "Messages : 9") down to the blank line before the text.
      let card = end;
      while (card + 1 < lines.length && card - end < MAX_HEADER_LEAD && !isBlank(lines[card + 1]!) && wordCount(lines[card + 1]!) <= 8 && !/[.!?…]$/u.test(lines[card + 1]!.trim())) card += 1;
      if (isBlank(lines[card + 1] ?? '')) end = card;
      // Or, with no blank line before the text, a title then "Label: value" lines ("Membre confirmé", "Messages: 3 847").
      else end = cardEnd(lines, end);
      // "En réponse à X" under the poster's card: the header's reply marker.
      while (info(end + 1)?.reply !== undefined && info(end + 1)?.reply?.quote === undefined) end += 1;
    }
    // "Modifié le …" inside a comment: a dated line with no name near it, after the first header, is a note.
    let named = looseName !== undefined || displayName !== undefined;
    for (let j = start; j <= end; j += 1) named ||= info(j)?.author !== undefined;
    if (!named && blocks.length > 0) { notes.add(i); continue; }
    blocks.push({ start, end, anchor: i, looseName, displayName, targets });
  }
  // A first dated line naming nobody above headers that name their posters ("Réunion du 11 mars 2025,
  // 14:02 – 14:41 · 6 participants" over "Name · 00:00:06" turns): the page's own date, not a post.
  const namedAt = (b: Block): boolean => b.looseName !== undefined || b.displayName !== undefined || lines.slice(b.start, b.end + 1).some((_, k) => info(b.start + k)?.author !== undefined);
  // Only when the posts show a time alone (a clock time, an offset): a post's own date line under its words names nobody either.
  const dayless = (b: Block): boolean => info(b.anchor)?.date?.clock === true;
  if (blocks.length >= 3 && blocks[0]!.textEnd === undefined && !namedAt(blocks[0]!) && blocks.slice(1).every((b) => namedAt(b) && dayless(b))) {
    notes.add(blocks[0]!.anchor);
    const day = info(blocks.shift()!.anchor)?.date?.iso?.slice(0, 10);
    for (const b of blocks) b.day = day;
  }
  return blocks;
}

/** Fewest characters of a post's words that make it a copy of a later post it opens. */
const MIN_COPY_CHARS = 40;

/**
 * A post shown again further down ("Meilleure réponse" over a copy of the answer, cut or not): the
 * earlier copy, by the same author, whose words open the later post's, holds no words of its own.
 */
function withoutCopies(units: Unit[]): void {
  const folded = units.map((u) => u.text.replace(/\s+/gu, ' ').replace(/\s*(?:…|\.\.\.)$/u, '').trim());
  units.forEach((u, k) => {
    if (k === 0 || folded[k]!.length < MIN_COPY_CHARS) return;
    if (units.some((later, j) => j > k && later.author === u.author && folded[j]!.startsWith(folded[k]!))) u.text = '';
  });
}

/** Most words of a badge opening a post's words. */
const MAX_BADGE_WORDS = 4;

/**
 * Badges the page puts on top of some posts' words ("Commentaire officiel", "Meilleure réponse"): a
 * line of two to four words without punctuation opening two posts or more, the same, over more words.
 */
function withoutBadges(units: Unit[]): void {
  const firstLine = (u: Unit): string | undefined => {
    const cut = u.text.indexOf('\n');
    return cut === -1 ? undefined : u.text.slice(0, cut).trim();
  };
  const counts = new Map<string, number>();
  for (const u of units) {
    const t = firstLine(u);
    if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  for (const u of units) {
    const t = firstLine(u);
    const words = t === undefined ? 0 : wordCount(t, MAX_BADGE_WORDS + 1);
    if (t !== undefined && (counts.get(t) ?? 0) >= 2 && words >= 2 && words <= MAX_BADGE_WORDS && !/[\p{P}\d]/u.test(t.replace(/['’-]/gu, ''))) u.text = u.text.slice(u.text.indexOf('\n') + 1).trim();
  }
}

/** Fewest headers a line must come back on to be a label of the page's template. */
const MIN_LABEL_REPEATS = 3;

/**
 * The labels of the page's header template: a line the name cue reads that comes back, the same, in
 * most headers holding another name too ("Avatar" over each poster's name, the alt text of a picture).
 * A poster writing every post names nobody else in its headers, so is no label.
 */
function templateLabels(lines: readonly string[], info: LineInfoAt, blocks: readonly Block[]): Set<string> {
  const counts = new Map<string, number>();
  const beside = new Map<string, number>();
  for (const b of blocks) {
    const named = new Set<string>();
    const loose = new Set<string>();
    // From the line right over the header: a label over a name the header takes alone ("Avatar" over "Service informatique").
    for (let i = Math.max(0, b.start - 1); i <= b.end; i += 1) {
      const t = lines[i]!.trim();
      if (info(i)?.author !== undefined) named.add(t);
      else if (mayBeName(t, info(i))) loose.add(t);
    }
    if (b.looseName !== undefined) loose.add(b.looseName);
    for (const t of named) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      if (named.size + loose.size >= 2) beside.set(t, (beside.get(t) ?? 0) + 1);
    }
  }
  const labels = new Set<string>();
  for (const [t, n] of counts) if (n >= MIN_LABEL_REPEATS && n * 5 >= blocks.length * 4 && (beside.get(t) ?? 0) * 5 >= n * 4) labels.add(t);
  return labels;
}

/**
 * The blocks whose header line is topped by a title of the comment's: a short line between a blank
 * line and a header that names its author ("Les mots ont changé, pas le principe" over "Posté par X
 * le …"), when most headers of the page are so topped (a page template, not a comment's last line).
 */
function titledBlocks(lines: readonly string[], info: LineInfoAt, blocks: readonly Block[]): Map<number, number> {
  const titled = new Map<number, number>();
  blocks.forEach((b, k) => {
    // A rating between the title and the header ("★★★★☆") belongs to the header.
    let top = b.start - 1;
    while (k > 0 && top > blocks[k - 1]!.end + 1 && info(top)?.iface === true && isRatingLine(lines[top]!)) top -= 1;
    const named = info(b.start)?.author !== undefined || (isRatingLine(lines[b.start]!) && info(b.start + 1)?.author !== undefined && b.start < b.end);
    if (k > 0 && top > blocks[k - 1]!.end + 1 && named && !isBlank(lines[top]!) && isBlank(lines[top - 1] ?? '')
      && wordCount(lines[top]!, MAX_TITLE_WORDS + 3) <= MAX_TITLE_WORDS + 2) titled.set(k, b.start - top);
  });
  return titled.size >= 2 && titled.size * 2 >= blocks.length - 1 ? titled : new Map();
}

/** A counter of the answers of the post above, alone on its line: "2 commentaires", "1 réponse", "3 replies". */
const ANSWER_COUNTER = /^(\d{1,3})\s+(?:commentaires?|comments?|réponses?|replies|reply|answers?)$/iu;

/**
 * The unit each block answers when a counter right above its header ("2 commentaires", only blank
 * lines between) announces the answers of the post above and they are shown with a header of
 * another shape than that post's (a comment's one line under an answer's name and title): that many
 * blocks of that shape from there answer it (unit numbers: 0 the article, k + 1 the block k), when
 * the post's shape comes back on the page. A counter over headers shaped like the post's is a thread
 * folded away (the next posts are its peers).
 */
function announcedAnswers(lines: readonly string[], blocks: readonly Block[]): (number | undefined)[] {
  const out: (number | undefined)[] = blocks.map(() => undefined);
  // A counter the header climbed over ("1 commentaire" right above the name) is the post above's, not the header's.
  const counted = (b: Block): boolean => b.start < b.anchor && ANSWER_COUNTER.test(lines[b.start]!.trim());
  const startOf = (b: Block): number => (counted(b) ? b.start + 1 : b.start);
  const shapeOf = (b: Block): string => `${b.end - startOf(b)}:${b.anchor - startOf(b)}`;
  const shapes = new Map<string, number>();
  for (const b of blocks) shapes.set(shapeOf(b), (shapes.get(shapeOf(b)) ?? 0) + 1);
  blocks.forEach((b, k) => {
    // Posts and their answers alternate: the post's shape comes back on the page (a pinned post's own header does not).
    if (k === 0 || shapeOf(b) === shapeOf(blocks[k - 1]!) || (shapes.get(shapeOf(blocks[k - 1]!)) ?? 0) < 2) return;
    let i = counted(b) ? b.start : b.start - 1;
    while (i > blocks[k - 1]!.end && isBlank(lines[i]!)) i -= 1;
    const n = Number(ANSWER_COUNTER.exec(lines[i]?.trim() ?? '')?.[1] ?? 0);
    for (let j = k; j < k + n && j < blocks.length && shapeOf(blocks[j]!) === shapeOf(b); j += 1) out[j] ??= k;
  });
  return out;
}

/** A control sorting the posts: "Trier : Recommandé", "Trier par Meilleurs", "Sort by: Best". */
const SORT_CONTROL = /(?:^|\s)(?:trier(?:\s+par)?|sort(?:ed)?\s+by)\s*:?(?:\s|$)/iu;

/** A sort control's choice of the posts in the order they were written. */
const OLDEST_FIRST = /(?:plus\s+anciens?|oldest|chronologique|chronological)/iu;

/** The line of a sort control above line `end` (blank lines and interface lines between), or undefined. */
function sortControlAbove(lines: readonly string[], end: number): number | undefined {
  for (let i = end - 1; i >= 0; i -= 1) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    // "Trier par : Du plus ancien au plus récent": a topic in the order it was written, opening on its first post.
    if (t.length <= 80 && SORT_CONTROL.test(t)) return OLDEST_FIRST.test(t) ? undefined : i;
    if (wordCount(t, MAX_TITLE_WORDS + 1) > MAX_TITLE_WORDS) return undefined;
  }
  return undefined;
}

/** The last line above `end` that is no interface line and no header: a question standing alone as the page's text. */
function lastProseLine(lines: readonly string[], info: LineInfoAt, end: number): string {
  for (let i = end - 1; i >= 0; i -= 1) {
    const cue = info(i);
    if (!isBlank(lines[i]!) && cue?.iface !== true && cue?.header !== true && /[.!?…]$/u.test(lines[i]!.trim())) return lines[i]!.trim();
  }
  return '';
}

/** True when the first post's header and most headers of the page hold a rating: reviews, every one a comment. */
function ratedHeaders(lines: readonly string[], blocks: readonly Block[]): boolean {
  const rated = blocks.map((b) => lines.slice(b.start, b.end + 1).some(isRatingLine));
  return rated[0] === true && rated.filter(Boolean).length * 2 > blocks.length;
}

/** Fewest characters of a preview's words before its ellipsis. */
const MIN_PREVIEW_CHARS = 12;

/** True when line `i` is the start of an earlier line cut short by an ellipsis: a reply's preview of the message answered. */
function isPreview(lines: readonly string[], i: number): boolean {
  const m = /^(.+?)\s*(?:…|\.\.\.)$/u.exec(lines[i]!.trim());
  return m !== null && m[1]!.length >= MIN_PREVIEW_CHARS && shownAbove(lines, i, m[1]!);
}

/** A labelled date closing a post ("Date de l'expérience : 10 mars 2024", "Modifié : 3 mars 2024"): the page's, not its words. */
function isLabelledDate(line: string): boolean {
  const m = /^[\p{L}'’ ]{2,40}:\s*(\S.{0,40})$/u.exec(line.trim());
  return m !== null && mayHoldDate(m[1]!) && dateCueOf(m[1]!)?.iso !== undefined;
}

/** A header saying its comment answers the one above: "Réponse de X", "↳ X a répondu", or a "1 réponse" counter over it. */
function answersAbove(lines: readonly string[], info: LineInfoAt, b: Block): boolean {
  for (let i = b.start; i <= b.end; i += 1) {
    if (info(i)?.answersAbove === true) return true;
    if (i < b.anchor && /^\s*\d+\s+(?:réponses?|replies|reply)\s*$/iu.test(lines[i]!)) return true;
  }
  return false;
}

/** A quotation's label, then the line naming whose words follow. */
const QUOTE_LABEL = /^(?:citation|quote|citer)\s*:?$/iu;
const QUOTE_SENDER = /^(?:envoyé\s+par|posté\s+par|originally\s+posted\s+by|posted\s+by|message\s+de)\s+(\S.{0,40}?)\s*:?$/iu;

/** Fewest words of a line repeating an earlier post's words that make it a quotation without a marker. */
const MIN_QUOTED_WORDS = 6;

/** The latest line above line `i` that holds `line`, or undefined. */
const lineShowing = (lines: readonly string[], i: number, line: string): number | undefined => {
  for (let j = i - 1; j >= 0; j -= 1) if (lines[j]!.includes(line)) return j;
  return undefined;
};

/** True when `line` was already on the page above line `i`: the quoted words of an earlier post. */
const shownAbove = (lines: readonly string[], i: number, line: string): boolean => lineShowing(lines, i, line) !== undefined;

/**
 * The text lines of a unit without leading and trailing interface lines, blanks, a "--" signature
 * and quotations of another post ("X a écrit :" or "X:" then the quoted lines: the lines already shown
 * above on the page, else to the next blank line), with the first author quoted.
 */
function textOf(lines: readonly string[], info: LineInfoAt, from: number, to: number, authors: ReadonlySet<string> = new Set()): { text: string; quoted?: string; quotedAt?: number } {
  let a = from;
  let b = to;
  while (a < b && (isBlank(lines[a]!) || (info(a)?.iface === true && !QUOTE_LABEL.test(lines[a]!.trim())))) a += 1;
  while (b > a && (isBlank(lines[b - 1]!) || info(b - 1)?.iface === true || BOILERPLATE.test(lines[b - 1]!.trim()) || isLabelledDate(lines[b - 1]!))) b -= 1;
  // "Logiciels similaires" over a row of links: the heading of the page's next box, not the post's last words.
  if (b - 1 > a && b < to && isMenuRow(lines[b]!.trim(), DEFAULT_LINE_CUES) && isBlank(lines[b - 2]!) && wordCount(lines[b - 1]!, MAX_TITLE_WORDS + 1) <= MAX_TITLE_WORDS && !/[.!?…:;,]$/u.test(lines[b - 1]!.trim())) {
    b -= 1;
    while (b > a && isBlank(lines[b - 1]!)) b -= 1;
  }
  const kept: string[] = [];
  let firstQuoted: string | undefined;
  let quotedAt: number | undefined;
  for (let i = a; i < b; i += 1) {
    const line = lines[i]!;
    if (/^\s*--\s*$|^\s*_{3,}\s*$/u.test(line)) break;
    // "Citation:" / "Envoyé par X" ("Quote:" / "Originally Posted by X"), then X's words shown again.
    const sender = QUOTE_LABEL.test(line.trim()) ? QUOTE_SENDER.exec(lines[i + 1]?.trim() ?? '')?.[1] : undefined;
    if (sender !== undefined) {
      firstQuoted ??= sender;
      const marker = i + 1;
      i += 1;
      while (i + 1 < b && !isBlank(lines[i + 1]!) && shownAbove(lines, marker, lines[i + 1]!.trim())) i += 1;
      continue;
    }
    // The action bar under a comment ("Répondre · Signaler", "Citer") closes it: what follows is the page's.
    if (info(i)?.iface === true && info(i) !== NOTE && kept.length > 0) break;
    if (info(i)?.iface === true) continue;
    // "7" then "utilisateurs": the label of a counter of the page's.
    if (/^\s*[\d\s.,]+[km]?\s*$/iu.test(lines[i - 1] ?? '') && wordCount(line) <= 2 && !/[.!?…]$/u.test(line.trim())) continue;
    // "> l'accueil de la mairie…": a quoted line, as mail and Markdown mark them.
    if (/^\s*>/u.test(line)) continue;
    const quoted = info(i)?.reply?.quote ?? (/^(.{2,40}):$/u.exec(line.trim())?.[1]);
    if (quoted !== undefined && (info(i)?.reply?.quote !== undefined || authors.has(quoted))) {
      firstQuoted ??= quoted;
      const marker = i;
      // The quoted post's date ("lun. 26 sept. 2022 10:14"), then its words as the page showed them.
      while (i + 1 < b && info(i + 1)?.date !== undefined && wordCount(lines[i + 1]!) <= MAX_HEADER_WORDS) i += 1;
      while (i + 1 < b && !isBlank(lines[i + 1]!) && shownAbove(lines, marker, lines[i + 1]!.trim())) i += 1;
      if (i > marker) quotedAt ??= lineShowing(lines, marker, lines[i]!.trim());
      if (i === marker) while (i + 1 < b && !isBlank(lines[i + 1]!)) i += 1;
      continue;
    }
    // A post opening on words of an earlier post, without a marker (a rendered quote that lost its "> "):
    // the quotation of the post those words are in.
    if (kept.length === 0 && firstQuoted === undefined && quotedAt === undefined && i + 1 < b && wordCount(line) >= MIN_QUOTED_WORDS) {
      const at = lineShowing(lines, from, line.trim());
      if (at !== undefined) { quotedAt = at; continue; }
    }
    kept.push(line.trim());
  }
  while (kept.length > 0 && isLabelledDate(kept[kept.length - 1]!)) kept.pop();
  return { text: kept.join('\n').trim(), quoted: firstQuoted, quotedAt };
}

/**
 * The action bar closing a post's lines [from, to) ("Haut", "Répondre · Citer"): the first interface
 * line after its words with no prose after it (a share bar or a form inside an article is not one); else `to`.
 */
function actionBarAfter(lines: readonly string[], info: LineInfoAt, from: number, to: number): number {
  let lastProse = -1;
  for (let i = from; i < to; i += 1) if (wordCount(lines[i]!, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS && !isSubscriptionCall([lines[i]!])) lastProse = i;
  let words = false;
  for (let i = from; i < to; i += 1) {
    const cue = info(i);
    if (cue?.iface === true && cue !== NOTE && words && i > lastProse) return i;
    words ||= !isBlank(lines[i]!) && cue?.iface !== true;
  }
  return to;
}

/** A post's text without the poster's card under it: a last paragraph opening on the poster's name ("Goulven29", "Messages : 12"). */
function withoutCard(text: string, author: string | undefined): string {
  const cut = text.lastIndexOf('\n\n');
  if (author === undefined || cut === -1) return text;
  const card = text.slice(cut + 2).split('\n');
  return sameName(card[0], author) && card.slice(1).every((l) => /^[\p{L}' ]{2,30}\s*:\s*\S/u.test(l)) ? text.slice(0, cut) : text;
}

/** A poster's signature: the last paragraph that ends two of their posts or more, taken off those posts. */
function withoutSignatures(units: Unit[]): void {
  const lastParagraph = (text: string): string | undefined => { const cut = text.lastIndexOf('\n\n'); return cut === -1 ? undefined : text.slice(cut + 2); };
  const seen = new Map<string, number>();
  for (const u of units) {
    const last = lastParagraph(u.text);
    if (u.author !== undefined && last !== undefined) seen.set(`${u.author}\u0000${last}`, (seen.get(`${u.author}\u0000${last}`) ?? 0) + 1);
  }
  for (const u of units) {
    const last = lastParagraph(u.text);
    if (u.author !== undefined && last !== undefined && (seen.get(`${u.author}\u0000${last}`) ?? 0) >= 2) u.text = u.text.slice(0, u.text.length - last.length).trimEnd();
  }
}

/** A short paragraph asking to subscribe ("… consider becoming a free or paid subscriber", "Abonnez-vous à notre newsletter"). */
const isSubscriptionCall = (p: readonly string[]): boolean => {
  if (p.length > 2) return false;
  const text = p.join(' ');
  return wordCount(text, 41) <= 40 && SUBSCRIPTION_WORD.test(text);
};

/** /\b(?:subscrib\w*|abonn\w*|newsletter|inscrivez|sign up)\b/iu without the i flag (caseless.ts): `\b` and `\w` written out. */
export const SUBSCRIPTION_WORD = new RegExp(`(?<!${IU_WORD_CHAR})(?:${caseless('subscrib')}${IU_WORD_CHAR}*|${caseless('abonn')}${IU_WORD_CHAR}*|${caseless('newsletter|inscrivez|sign up')})(?!${IU_WORD_CHAR})`, 'u');

/** An article's text: its prose paragraphs, without furniture, boilerplate or short nav/tag lines. */
function articleText(lines: readonly string[], info: LineInfoAt, from: number, to: number, byline: ReadonlySet<number> = new Set()): string {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (let i = from; i < to; i += 1) {
    const line = lines[i]!;
    if (isBlank(line)) { if (current.length > 0) paragraphs.push(current); current = []; continue; }
    if (info(i)?.iface === true || info(i)?.header === true || byline.has(i)) continue;
    current.push(line.trim());
  }
  if (current.length > 0) paragraphs.push(current);
  // Prose, or the post's hashtags ("#CommunesLibres #Fédivers"); a short call to subscribe is the site's.
  const prose = paragraphs.filter((p) => !isSubscriptionCall(p) && !BOILERPLATE.test(p[0] ?? '') && (wordCount(p.join(' ')) >= MIN_PROSE_WORDS || /[.!?…:»",)]$/u.test(p[p.length - 1] ?? '') || /^#\p{L}[^\s]*(?:\s+#\p{L}[^\s]*)*$/u.test(p.join(' '))));
  // The article runs from its first prose paragraph to its last: short lines between stay (a subheading).
  let first = paragraphs.indexOf(prose[0] ?? []);
  // A title, maybe with its flair under it ("Société"), is not the article's text when prose follows.
  const isTitle = (p: readonly string[]): boolean => !/[.!?…:;,»")]$/u.test(p[0] ?? '.') && p.slice(1).every((l) => wordCount(l) <= 3);
  if (first !== -1 && prose.length > 1 && isTitle(paragraphs[first]!)) first = paragraphs.indexOf(prose[1]!);
  const last = paragraphs.indexOf(prose[prose.length - 1] ?? []);
  if (first === -1) return '';
  // A heading glued to the first paragraph ("Présentation" over its text) is not the article's words.
  const opening = paragraphs[first]!;
  if (opening.length > 1 && wordCount(opening[0]!) <= 3 && !/[.!?…:;,»")]$/u.test(opening[0]!) && wordCount(opening[1]!, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS) paragraphs[first] = opening.slice(1);
  return paragraphs.slice(first, last + 1).filter((p) => !BOILERPLATE.test(p[0] ?? '') && !isSubscriptionCall(p)).map((p) => p.join('\n')).join('\n\n');
}

const proseWords = (lines: readonly string[], from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i += 1) { const w = wordCount(lines[i]!); if (w >= MIN_PROSE_WORDS) n += w; }
  return n;
};

const sameName = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.replace(/^@/u, '').toLowerCase().split('@')[0] === b.replace(/^@/u, '').toLowerCase().split('@')[0];

/** The name of an earlier poster the text of post `index` opens on ("Jérôme Savary très bonne question"): two words at least. */
function mentioned(all: readonly Unit[], index: number): string | undefined {
  const text = all[index]!.text;
  for (let j = index - 1; j >= 0; j -= 1) {
    const name = all[j]!.author;
    if (name !== undefined && name.includes(' ') && text.startsWith(name) && /^[\s,:]/u.test(text.slice(name.length))) return name;
  }
  return undefined;
}

/** The latest post before `index` by someone of that name (author or handle), or undefined. */
function latestBy(all: readonly Unit[], index: number, name: string): number | undefined {
  for (let j = index - 1; j >= 0; j -= 1) if (sameName(all[j]?.author, name) || all[j]?.names?.some((n) => sameName(n, name)) === true) return j;
  return undefined;
}

/**
 * The post a handle list answers ("En réponse à" / "@root et @b"): the list names the conversation
 * from its root, so the post answered is the last one named other than the replier; the root's
 * author alone is an answer to the first post; the replier alone continues their own thread.
 */
function listedParent(all: readonly Unit[], index: number, targets: readonly string[]): number | undefined {
  const self = all[index]!;
  const mine = (t: string): boolean => sameName(self.author, t) || self.names?.some((n) => sameName(n, t)) === true;
  const others = targets.filter((t) => !mine(t));
  const last = others[others.length - 1];
  return last === undefined ? latestBy(all, index, targets[0]!) : answered(all, index, last, targets.length === 1);
}

/** The latest post by `name`; when `alone` names the first post's author, the first post (a direct answer to it). */
const answered = (all: readonly Unit[], index: number, name: string, alone: boolean): number | undefined =>
  alone && latestBy([all[0]!], 1, name) === 0 ? 0 : latestBy(all, index, name);

interface Unit {
  author?: string; names?: readonly string[]; published?: string; text: string; quoted?: string; quotedAt?: number;
  /** The post whose words the quotation shows again, when found on the page. */
  quotedUnit?: Unit;
  quotes?: number; parent?: number; depth: number; indent: number;
}

/** Read a page's lines into a thread, or undefined when fewer than two comment headers are found. */
export function readInferredThread(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): { page: ParsedPage; diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] } | undefined {
  // Every header holds a date: a page with fewer than two short lines that may hold one is not read further.
  let dated = 0;
  for (let i = 0; i < lines.length && dated < 2; i += 1) if (isCueLength(lines[i]!) && mayHoldDate(lines[i]!)) dated += 1;
  if (dated < 2) return undefined;
  // Pages repeat their furniture ("Répondre", "J'aime", blank lines): each distinct line is classified once.
  const seen = new Map<string, LineInfo>();
  // Lines are classified when first looked at: the dated lines, then the lines around the headers found.
  const classified: (LineInfo | undefined)[] = [];
  // The notes findBlocks finds are furniture for everything after it.
  const noted = new Set<number>();
  const bars = actionBarsOf(lines, cues);
  const info: LineInfoAt = (i) => {
    const line = lines[i];
    if (line === undefined) return undefined;
    if (noted.has(i)) return NOTE;
    if (bars.size > 0 && bars.has(line.trim())) return ACTION_BAR;
    let cue = classified[i];
    if (cue === undefined) {
      cue = seen.get(line);
      if (cue === undefined) { cue = classify(line, cues); seen.set(line, cue); }
      classified[i] = cue;
    }
    return cue;
  };
  const notes = new Set<number>();
  const allBlocks = findBlocks(lines, info, notes, lines.map((l) => isCueLength(l) && mayHoldDate(l)), cues);
  for (const i of notes) noted.add(i);
  if (allBlocks.length < 2) return undefined;
  const authors = new Set<string>();
  for (const b of allBlocks) for (let i = b.start; i <= b.end; i += 1) { const a = info(i)?.author; if (a !== undefined) authors.add(a); }
  const titled = titledBlocks(lines, info, allBlocks);
  const labels = templateLabels(lines, info, allBlocks);
  const allUnits: Unit[] = allBlocks.map((b, k) => {
    const next = allBlocks[k + 1] === undefined ? lines.length : allBlocks[k + 1]!.start - (titled.get(k + 1) ?? 0);
    let published: string | undefined;
    const names = b.displayName === undefined ? [] : [b.displayName];
    // The header's names, not the handles a reply marker answers (its last line).
    for (let i = b.start; i <= b.end - (b.targets === undefined ? 0 : 1); i += 1) {
      const a = labels.has(lines[i]!.trim()) ? undefined : info(i)?.author;
      // "Posted by u/X", "Message par X": the byline's name before a community or a title above it.
      if (a !== undefined && /^(?:posted\s+by|message\s+par|publié\s+par|par|by)\s/iu.test(lines[i]!.trim())) names.unshift(a);
      else if (a !== undefined) names.push(a);
      published ??= info(i)?.date?.iso;
    }
    published ??= info(b.anchor)?.date?.iso ?? b.day;
    // "@x" over "x" (an avatar's label over the name shown): the name as the page shows it.
    const handle = names[0];
    if (handle?.startsWith('@') === true && lines.slice(b.start, b.end + 1).some((l) => l.trim() === handle.slice(1))) names[0] = handle.slice(1);
    const { text, quoted, quotedAt } = textOf(lines, info, b.end + 1, b.textEnd ?? next, authors);
    return { author: names[0] ?? b.looseName, text: withoutCard(text, names[0] ?? b.looseName), names, published, quoted, quotedAt, depth: 0, indent: indentOf(lines[b.start]!) };
  });
  // Words of an earlier post repeated on top of a post: that post's author is the one quoted.
  for (const u of allUnits) {
    if (u.quotedAt === undefined) continue;
    const at = u.quotedAt;
    const k = allBlocks.findLastIndex((b) => b.start <= at);
    u.quoted = k === -1 ? undefined : allUnits[k]?.author;
    u.quotedUnit = k === -1 ? undefined : allUnits[k];
  }
  withoutBadges(allUnits);
  withoutCopies(allUnits);
  // A dated block without words of its own (a topic's stats, "créé · mars '23") is furniture, and so is a removed comment.
  for (const u of allUnits) if (isRemovedText(u.text)) u.text = '';
  withoutSignatures(allUnits);
  const blocks = allBlocks.filter((_, k) => allUnits[k]?.text !== '' || k === 0);
  const units = allUnits.filter((u, k) => u.text !== '' || k === 0);
  const named = units.filter((u) => u.author !== undefined).length;
  if (named < 2 || named < units.length / 2) return undefined;

  // The article: prose before the first header, else the first post itself.
  const diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] = [];
  const firstBlock = blocks[0]!;
  let article: Unit;
  /** The first post when it is the article (the article is a copy of it). */
  let articlePost: Unit | undefined;
  const before = proseWords(lines, 0, firstBlock.start);
  if (before > proseWords(lines, firstBlock.end + 1, blocks[1]?.start ?? lines.length)) {
    let author: string | undefined;
    let published: string | undefined;
    const byline = new Set<number>();
    const names: string[] = [];
    for (let i = 0; i < firstBlock.start; i += 1) {
      author ??= /^(?:par|by)\s+/iu.test(lines[i]!.trim()) ? authorOf(lines[i]!, cues) : undefined;
      // A post's name over its handle ("Mairie de Landéda" / "@mairie@landeda.social"): its author, not its words.
      const handles = author === undefined && i > 0 ? handlesOf(lines[i]!) : undefined;
      if (handles !== undefined && mayBeName(lines[i - 1]!, info(i - 1))) {
        author = lines[i - 1]!.trim();
        names.push(author, ...handles);
        byline.add(i - 1).add(i);
      }
      published ??= info(i)?.date?.iso;
    }
    // A first header without words under it is the post's own date line ("10:14 AM · 26 sept. 2022 · 24 k Vues").
    let end = firstBlock.start;
    if (units[0]?.text === '') {
      const footer = units.shift()!;
      blocks.shift();
      published ??= footer.published;
      author ??= footer.author;
      end = blocks[0]?.start ?? end;
    }
    article = { author, names, published, text: articleText(lines, info, 0, Math.min(end, firstBlock.start), byline), depth: 0, indent: 0 };
    diagnostics.push({ level: 'info', code: 'thread-inferred', message: `thread read from ${blocks.length} repeated comment headers; article from the prose above them` });
  } else if (sortControlAbove(lines, firstBlock.start) !== undefined) {
    // "Trier : Recommandé" over the first post: the posts are a list of answers or comments, the article what stands above
    // the control (a question without text of its own).
    const control = sortControlAbove(lines, firstBlock.start)!;
    article = { text: articleText(lines, info, 0, control) || lastProseLine(lines, info, control), depth: 0, indent: 0 };
    diagnostics.push({ level: 'info', code: 'thread-inferred', message: `thread read from ${blocks.length} repeated post headers under a sort control; article from the lines above it` });
  } else if (ratedHeaders(lines, blocks)) {
    // Every post rated ("Noté 2 sur 5 étoiles", "★★☆☆☆"): the page's reviews, none of them its article.
    article = { text: '', depth: 0, indent: 0 };
    diagnostics.push({ level: 'info', code: 'thread-inferred', message: `thread read from ${blocks.length} repeated post headers; the posts are rated reviews, the page has no article text` });
  } else if (/^re\s*:/iu.test(lines[firstBlock.start - 1]?.trim() ?? '')) {
    // "Re: <title>" over the first post: a later page of the topic, its opening post not on it.
    article = { text: '', depth: 0, indent: 0 };
    diagnostics.push({ level: 'info', code: 'thread-inferred', message: `thread read from ${blocks.length} repeated post headers; the first post answers the topic ("Re:"), whose opening post is not on the page` });
  } else {
    const first = units.shift()!;
    articlePost = first;
    const next = blocks[1]?.start ?? lines.length;
    article = { ...first, text: withoutCard(articleText(lines, info, firstBlock.end + 1, actionBarAfter(lines, info, firstBlock.end + 1, next)), first.author) || first.text };
    blocks.shift();
    diagnostics.push({ level: 'info', code: 'thread-inferred', message: `thread read from ${blocks.length + 1} repeated post headers; the first post is the article` });
  }

  // Parents: a level or number announces the depth; "Réponse à X" names the author; indentation nests.
  const all = [article, ...units];
  const stack: number[] = [];
  const indented = units.some((u) => u.indent > 0);
  // "Réponse de X", "↳ X a répondu", a "1 réponse" counter over the header: the comment answers the one above,
  // unless most headers of the page say so (a question's answers, each "Réponse de X").
  const above = blocks.map((b) => answersAbove(lines, info, b));
  const mostAbove = above.filter(Boolean).length * 2 > blocks.length;
  const announced = announcedAnswers(lines, blocks);
  units.forEach((u, k) => {
    const index = k + 1;
    const b = blocks[k]!;
    let cue: ReplyCue | undefined;
    for (let i = b.start; i <= b.end && cue === undefined; i += 1) cue = info(i)?.reply;
    let parent: number | undefined;
    if (cue?.depth !== undefined) {
      stack.length = Math.min(stack.length, cue.depth);
      parent = cue.depth > 0 ? stack[cue.depth - 1] : undefined;
      stack[cue.depth] = index;
    } else if (b.targets !== undefined || cue?.targets !== undefined) {
      parent = listedParent(all, index, b.targets ?? cue?.targets ?? []);
    } else if (cue?.target !== undefined) {
      for (let j = index - 1; j >= 0; j -= 1) if (sameName(all[j]?.author, cue.target)) { parent = j; break; }
    } else if (/^@[\p{L}\p{N}_]/u.test(u.text)) {
      // "@rcastel c'est exactement…": a text opening on a handle answers that person's latest post.
      parent = answered(all, index, /^@[\p{L}\p{N}_.-]+/u.exec(u.text)![0], !/^@\S+\s+@/u.test(u.text));
    } else if (mentioned(all, index) !== undefined) {
      // "Jérôme Savary très bonne question": a text opening on a poster's full name answers their latest post.
      parent = answered(all, index, mentioned(all, index)!, true);
    } else if (announced[k] !== undefined) {
      parent = announced[k];
    } else if (above[k] === true && !mostAbove) {
      for (let j = index - 1; j >= 1 && parent === undefined; j -= 1) if (all[j]?.parent === undefined) parent = j;
    } else if (indented && k > 0) {
      for (let j = index - 1; j >= 1; j -= 1) {
        const p = all[j]!;
        if (p.indent < u.indent) { parent = j; break; }
        if (p.indent === u.indent) { parent = p.parent; break; }
      }
    }
    // "X a écrit :" quotes the latest post of X above: the post answered, when no marker said otherwise.
    if (u.quoted !== undefined) {
      // The post holding the quoted words, else the quoted author's latest post.
      const holding = u.quotedUnit === undefined ? -1 : u.quotedUnit === articlePost ? 0 : all.indexOf(u.quotedUnit);
      if (holding >= 0 && holding < index && sameName(all[holding]?.author, u.quoted)) u.quotes = holding;
      else for (let j = index - 1; j >= 0; j -= 1) if (sameName(all[j]?.author, u.quoted)) { u.quotes = j; break; }
      // A post's number ("#3") says it is at the top: a flat forum, where the quoted post is the one answered.
      const flatNumber = cue?.depth === 0 && cue.target === undefined && cue.targets === undefined;
      if ((cue === undefined || flatNumber) && !indented) parent ??= u.quotes;
    }
    if (parent === 0) parent = undefined;
    u.parent = parent;
  });
  const comments: ParsedComment[] = units.map((u) => ({
    author: u.author, published: u.published, text: u.text,
    parentIndex: u.parent === undefined ? undefined : u.parent - 1, quotesIndex: u.quotes === undefined ? undefined : u.quotes - 1,
  }));
  return { page: { author: article.author, published: article.published, body: article.text, comments }, diagnostics };
}

/**
 * The inferred reader as a layout: recognises a page when it finds at least two named comment headers
 * (`withCues` reads with another cue set: a page's memo, leave-one-kind-out scoring).
 */
export const inferredThreadLayout: PageLayout = layoutOfReader('inferred-thread', readInferredThread, DEFAULT_LINE_CUES, [
  { level: 'warning', code: 'no-thread-recognised', message: 'no comment headers found; the whole page is one article unit' },
]);
