import { seededRandom } from '../../sampling/seeded-random.js';
import { isInterfaceLine } from '../layouts/line-cues.js';
import type { LineRole } from './roles.js';
import {
  ACTIONS, ARTICLE_SENTENCES, BADGES, BOILERPLATE_BLOCKS, COMMENT_HEADINGS, ENGLISH_MONTHS, FIRST_NAMES, FOOTERS, FRENCH_DAYS,
  FRENCH_MONTHS, FRENCH_SHORT_MONTHS, LAST_NAMES, NAVIGATION, PROFILE_LINES, PSEUDONYMS, SENTENCES, SIGN_OFFS, TITLES,
} from './synthetic-banks.js';

/**
 * Synthetic text copies of comment pages with the role of every line, for training the line-role
 * model on many page shapes rather than on the few sites of the development set. Each page draws
 * one template (how a header is written, its separator and date format, the action line, reply
 * markers, indentation, blank lines) and fills it with invented names and sentences
 * (synthetic-banks.ts). Same seed → same pages. The roles follow the conventions of label-lines.ts:
 * furniture between units is `action` when it is an interface line, `other` otherwise.
 */

/**
 * Synthetic pages the shipped model is trained on beside the development set: none. With 20 the
 * reader's leave-one-kind-out F1 rose 0.964 → 0.967 (one kind) but the model read alone on kinds it
 * had not seen fell 0.693 → 0.675 (0.653 with 60), so the shapes drawn here do not yet teach it
 * unseen sites (docs/thread-reader.md). `npm run train:reader -- --synthetic N` tries a count.
 */
export const SYNTHETIC_TRAINING_PAGES = 0;

/** One unit of a synthetic page, as the gold of the thread set gives it. */
export interface SyntheticUnit {
  readonly kind: 'article' | 'comment' | 'reply';
  readonly author: string;
  /** Index of the unit answered (the article is 0). */
  readonly parent?: number;
  readonly depth: number;
  /** Author quoted ("X a écrit :"), else ''. */
  readonly quotes: string;
  readonly firstWords: string;
  readonly lastWords: string;
}

export interface SyntheticPage {
  readonly lines: readonly string[];
  /** Role of each line, undefined for a blank line. */
  readonly roles: readonly (LineRole | undefined)[];
  readonly units: readonly SyntheticUnit[];
}

/** A seeded source of choices in [0, 1) (`seededRandom`, mulberry32): no state outside the page being made. */
type Draw = () => number;

const pick = <T>(draw: Draw, items: readonly T[]): T => items[Math.floor(draw() * items.length)]!;
const between = (draw: Draw, low: number, high: number): number => low + Math.floor(draw() * (high - low + 1));
const chance = (draw: Draw, p: number): boolean => draw() < p;

/**
 * Items drawn without putting them back, shuffled again once all are drawn: a page rarely repeats a
 * sentence (a repeated one would also make its unit's first words ambiguous for label-lines.ts).
 */
function deckOf<T>(draw: Draw, items: readonly T[]): () => T {
  let left: T[] = [];
  return () => {
    if (left.length === 0) left = [...items];
    return left.splice(Math.floor(draw() * left.length), 1)[0]!;
  };
}

/** An age short enough to be read as an interface word ("3 h", "2 j", "5d"), as action lines print it. */
const shortAge = (draw: Draw): string => pick(draw, [`${between(draw, 1, 23)} h`, `${between(draw, 1, 6)} j`, `${between(draw, 1, 6)}d`, `${between(draw, 1, 23)}h`]);

/** How every header of a page is written. */
const HEADER_SHAPES = ['name', 'nameDate', 'dateName', 'handle', 'handleDate', 'nameBadge', 'nameBadgeDate', 'nameThenDate', 'dateThenName', 'postedBy', 'nameThenBadge', 'inline'] as const;
type HeaderShape = (typeof HEADER_SHAPES)[number];
/** How a reply says whom it answers. */
const REPLY_MARKERS = ['none', 'replyTo', 'inReplyTo', 'at', 'arrow', 'arrowInline', 're', 'quote', 'atInBody'] as const;
type ReplyMarker = (typeof REPLY_MARKERS)[number];
const SEPARATORS = [' · ', ' • ', ' | ', ' » ', ' – ', ' - ', '  ', ', '] as const;
const DATE_STYLES = ['frRelative', 'frRelativeShort', 'enRelative', 'frAbsolute', 'frNumeric', 'frShortMonth', 'frWeekday', 'iso', 'enAbsolute', 'frAt', 'mixed'] as const;
type DateStyle = (typeof DATE_STYLES)[number];

/** The template of one page. */
interface Template {
  readonly header: HeaderShape;
  readonly separator: string;
  readonly dates: DateStyle;
  readonly replyMarker: ReplyMarker;
  /** Action line after each comment: words joined by the separator, a counter, each on its line, or none. */
  readonly actions: 'none' | 'joined' | 'counter' | 'lines' | 'datedActions';
  readonly actionWords: readonly string[];
  /** Spaces per depth level (0: no indentation). */
  readonly indent: number;
  /** Blank lines: none anywhere in the thread, between units, or between every block. */
  readonly blanks: 'none' | 'units' | 'blocks';
  /** Names: "Prénom Nom", "Prénom N.", pseudonyms, or a mix. */
  readonly names: 'full' | 'initial' | 'pseudo' | 'mixed';
  /** A profile block (name again, message count, sign-up date) after each post. */
  readonly profile: boolean;
  /** A short age ("5 j") alone on a line after each comment's words. */
  readonly ageAfter: boolean;
}

function templateOf(draw: Draw): Template {
  const actionWords = [...ACTIONS].filter(() => chance(draw, 0.3)).slice(0, 5);
  if (actionWords.length === 0) actionWords.push(pick(draw, ACTIONS));
  return {
    header: pick(draw, HEADER_SHAPES),
    separator: pick(draw, SEPARATORS),
    dates: pick(draw, DATE_STYLES),
    replyMarker: pick(draw, REPLY_MARKERS),
    actions: pick(draw, ['none', 'joined', 'joined', 'counter', 'lines', 'datedActions'] as const),
    actionWords,
    indent: pick(draw, [0, 0, 2, 4]),
    blanks: pick(draw, ['none', 'units', 'blocks', 'blocks'] as const),
    names: pick(draw, ['full', 'initial', 'pseudo', 'mixed'] as const),
    profile: chance(draw, 0.15),
    ageAfter: chance(draw, 0.15),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A date in the page's style (a mixed page draws a style per date). */
function dateOf(draw: Draw, style: DateStyle): string {
  const day = between(draw, 1, 28);
  const month = between(draw, 0, 11);
  const year = between(draw, 2018, 2025);
  const hour = between(draw, 0, 23);
  const minute = between(draw, 0, 59);
  switch (style) {
    case 'frRelative': return pick(draw, [`il y a ${between(draw, 2, 59)} minutes`, `il y a ${between(draw, 2, 23)} heures`, `il y a ${between(draw, 2, 6)} jours`, 'il y a 1 heure', `il y a ${between(draw, 2, 11)} mois`, `il y a ${between(draw, 2, 5)} ans`, `hier à ${two(hour)}:${two(minute)}`, `aujourd’hui à ${hour}h${two(minute)}`, 'à l’instant']);
    case 'frRelativeShort': return pick(draw, [`${between(draw, 2, 59)} min`, `${between(draw, 1, 23)} h`, `${between(draw, 1, 6)} j`, `${between(draw, 1, 4)} sem.`, `il y a ${between(draw, 1, 23)} h`, `il y a ${between(draw, 1, 6)} j`]);
    case 'enRelative': return pick(draw, [`${between(draw, 2, 59)} minutes ago`, `${between(draw, 2, 23)} hours ago`, `${between(draw, 2, 6)} days ago`, `${between(draw, 2, 5)} years ago`, 'yesterday', `${between(draw, 1, 23)}h`, `${between(draw, 1, 6)}d`]);
    case 'frAbsolute': return pick(draw, [`${day} ${FRENCH_MONTHS[month]} ${year}`, `le ${day} ${FRENCH_MONTHS[month]} ${year} à ${hour}h${two(minute)}`, `${day} ${FRENCH_MONTHS[month]} ${year} à ${two(hour)}:${two(minute)}`]);
    case 'frNumeric': return pick(draw, [`${two(day)}/${two(month + 1)}/${year}`, `${two(day)}/${two(month + 1)}/${year} à ${two(hour)}:${two(minute)}`, `${two(day)}/${two(month + 1)}/${year % 100} à ${two(hour)}h${two(minute)}`, `${two(day)}.${two(month + 1)}.${year} ${two(hour)}:${two(minute)}`]);
    case 'frShortMonth': return `${day} ${FRENCH_SHORT_MONTHS[month]} ${year}`;
    case 'frWeekday': return `${pick(draw, FRENCH_DAYS)} ${day} ${FRENCH_MONTHS[month]} ${year}${chance(draw, 0.5) ? ` à ${two(hour)}:${two(minute)}` : ''}`;
    case 'iso': return `${year}-${two(month + 1)}-${two(day)}${chance(draw, 0.6) ? ` ${two(hour)}:${two(minute)}` : ''}`;
    case 'enAbsolute': return pick(draw, [`${ENGLISH_MONTHS[month]} ${day}, ${year}`, `${day} ${ENGLISH_MONTHS[month]} ${year}`, `${ENGLISH_MONTHS[month]} ${day}, ${year} at ${hour % 12 + 1}:${two(minute)} ${chance(draw, 0.5) ? 'am' : 'pm'}`]);
    case 'frAt': return `Publié le ${two(day)}/${two(month + 1)}/${year} à ${two(hour)}h${two(minute)}`;
    case 'mixed': return dateOf(draw, pick(draw, DATE_STYLES.filter((s) => s !== 'mixed' && s !== 'frAt')));
  }
}

function nameOf(draw: Draw, style: Template['names']): string {
  const s = style === 'mixed' ? pick(draw, ['full', 'initial', 'pseudo'] as const) : style;
  if (s === 'pseudo') return pick(draw, PSEUDONYMS);
  const first = pick(draw, FIRST_NAMES);
  const last = pick(draw, LAST_NAMES);
  return s === 'full' ? `${first} ${last}` : `${first} ${last.charAt(0)}.`;
}

const handleOf = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/_+$/u, '').toLowerCase();

/** A page being written: its lines and their roles. */
interface Sheet {
  readonly lines: string[];
  readonly roles: (LineRole | undefined)[];
}

const put = (sheet: Sheet, line: string, role: LineRole | undefined): void => { sheet.lines.push(line); sheet.roles.push(line.trim() === '' ? undefined : role); };
const blank = (sheet: Sheet): void => { if (sheet.lines.length > 0 && sheet.lines[sheet.lines.length - 1]!.trim() !== '') put(sheet, '', undefined); };
/** A line of furniture, labelled as label-lines.ts labels the lines between units. */
const furniture = (sheet: Sheet, line: string, pad = ''): void => put(sheet, `${pad}${line}`, isInterfaceLine(line.trim()) ? 'action' : 'other');

/** The lines of a comment's header in the page's shape; `replyTo` adds the page's reply marker when it sits in the header. */
function headerLines(draw: Draw, t: Template, author: string, replyTo: string | undefined): string[] {
  const date = (): string => dateOf(draw, t.dates);
  const sep = t.separator;
  const badge = (): string => pick(draw, BADGES);
  const handle = handleOf(author);
  let lines: string[];
  switch (t.header) {
    case 'name': lines = [author]; break;
    case 'nameDate': lines = [`${author}${sep}${date()}`]; break;
    case 'dateName': lines = [`${date()}${sep}${author}`]; break;
    case 'handle': lines = [`@${handle}`, ...(chance(draw, 0.5) ? [date()] : [])]; break;
    case 'handleDate': lines = [`${author} @${handle}${sep}${date()}`]; break;
    case 'nameBadge': lines = [`${author}${sep}${badge()}`]; break;
    case 'nameBadgeDate': lines = [`${author}${sep}${badge()}${sep}${date()}`]; break;
    case 'nameThenDate': lines = [author, date()]; break;
    case 'dateThenName': lines = [date(), author]; break;
    case 'postedBy': lines = [pick(draw, [`Posté par ${author} le ${dateOf(draw, 'frAbsolute').replace(/^le /u, '')}`, `${author} a commenté ${date()}`, `Par ${author}${sep}${date()}`, `Message de ${author} » ${date()}`])]; break;
    case 'nameThenBadge': lines = [author, badge(), ...(chance(draw, 0.5) ? [date()] : [])]; break;
    // Chat copies: the header opens the comment's first line (inlinePrefix), no header line.
    case 'inline': return [];
  }
  if (replyTo === undefined) return lines;
  switch (t.replyMarker) {
    case 'replyTo': return [...lines, `Réponse à ${replyTo}`];
    case 'inReplyTo': return [`En réponse à ${replyTo}`, ...lines];
    case 'at': return [...lines, `@${handleOf(replyTo)}`];
    case 'arrow': return [`↪ ${replyTo}`, ...lines];
    case 'arrowInline': return [`${lines[0]!.replace(author, `${author} → ${replyTo}`)}`, ...lines.slice(1)];
    case 're': return [...lines, `RE: ${replyTo}`];
    default: return lines;
  }
}

/** The header of a chat copy, written before the first words on their line: "[13/11/2023 18:07] Nom : ". */
function inlinePrefix(draw: Draw, t: Template, author: string): string {
  const day = between(draw, 1, 28);
  const month = between(draw, 1, 12);
  const time = `${two(between(draw, 0, 23))}:${two(between(draw, 0, 59))}`;
  const date = `${two(day)}/${two(month)}/${between(draw, 2019, 2025)}`;
  switch (t.separator) {
    case ' · ': case ' • ': return `[${date} ${time}] ${author} : `;
    case ' | ': case ' » ': return `${date} ${time} - ${author}: `;
    case ' – ': case ' - ': return `[${time}] ${author}: `;
    default: return `[${date}, ${time}:${two(between(draw, 0, 59))}] ${author}: `;
  }
}

/** A comment's words: one to six lines of one to three sentences, or short lines. */
function bodyLines(draw: Draw, sentence: () => string, author: string): string[] {
  const count = pick(draw, [1, 1, 1, 2, 2, 3, 4, 5, 6]);
  const lines = Array.from({ length: count }, () => Array.from({ length: pick(draw, [1, 1, 1, 2, 3]) }, sentence).join(' '));
  if (chance(draw, 0.1)) lines.push(pick(draw, SIGN_OFFS));
  if (chance(draw, 0.05)) lines.push(author.split(' ')[0]!);
  return lines;
}

/** The action line or lines after a comment. */
function actionLines(draw: Draw, t: Template): string[] {
  const counter = (): string => pick(draw, [`👍 ${between(draw, 0, 99)}`, `↑ ${between(draw, 0, 200)} ↓`, `${between(draw, 1, 40)} réponses`, `${between(draw, 1, 40)} J’aime`, `△ ${between(draw, 0, 30)} ▽`, `${between(draw, 2, 90)} likes`, `♥ ${between(draw, 1, 50)}`]);
  switch (t.actions) {
    case 'none': return [];
    case 'joined': return [t.actionWords.join(t.separator)];
    case 'counter': return chance(draw, 0.5) ? [counter()] : [`${counter()}${t.separator}${t.actionWords.join(t.separator)}`];
    case 'lines': return [...t.actionWords];
    case 'datedActions': return [`${t.actionWords.join(t.separator)}${t.separator}${shortAge(draw)}`];
  }
}

const firstWordsOf = (text: string): string => text.split(/\s+/u).slice(0, 6).join(' ');
const lastWordsOf = (text: string): string => text.split(/\s+/u).slice(-5).join(' ');

/** The page's top: navigation, title, byline, the article's paragraphs, then boilerplate blocks. */
function writeArticle(draw: Draw, t: Template, sheet: Sheet, title: string): SyntheticUnit {
  for (let k = between(draw, 0, 3); k > 0; k -= 1) furniture(sheet, pick(draw, NAVIGATION));
  blank(sheet);
  put(sheet, title, 'other');
  blank(sheet);
  const author = chance(draw, 0.5) ? nameOf(draw, 'full') : `Rédaction ${pick(draw, ['Numérique', 'Société', 'Politique'])}`;
  const byline = pick(draw, [`Par ${author}${t.separator}${dateOf(draw, 'frAbsolute')}`, `Par ${author}`, `${author}${t.separator}${dateOf(draw, 'frWeekday')}`, `Publié le ${dateOf(draw, 'frNumeric')}, par ${author}`]);
  put(sheet, byline, 'header');
  blank(sheet);
  const sentence = deckOf(draw, ARTICLE_SENTENCES);
  const paragraphs = Array.from({ length: between(draw, 1, 4) }, () => Array.from({ length: between(draw, 1, 3) }, sentence).join(' '));
  paragraphs.forEach((p, k) => { if (k > 0 && t.blanks !== 'none') blank(sheet); put(sheet, p, 'body'); });
  blank(sheet);
  for (let k = between(draw, 0, 3); k > 0; k -= 1) {
    for (const line of pick(draw, BOILERPLATE_BLOCKS)) furniture(sheet, line.replace('{title}', pick(draw, TITLES)));
    blank(sheet);
  }
  return { kind: 'article', author, depth: 0, quotes: '', firstWords: firstWordsOf(paragraphs[0]!), lastWords: lastWordsOf(paragraphs[paragraphs.length - 1]!) };
}

/** One synthetic page from its seed. */
export function syntheticPage(seed: number): SyntheticPage {
  const draw: Draw = seededRandom(seed);
  const t = templateOf(draw);
  const sheet: Sheet = { lines: [], roles: [] };
  const title = pick(draw, TITLES);
  const units: SyntheticUnit[] = [writeArticle(draw, t, sheet, title)];
  const total = between(draw, 3, 14);
  furniture(sheet, pick(draw, COMMENT_HEADINGS).replace('{n}', String(total)));
  blank(sheet);
  const bodies: string[][] = [];
  const sentence = deckOf(draw, SENTENCES);
  for (let k = 1; k <= total; k += 1) {
    // A reply answers one of the last few comments; depth follows its parent.
    const parent = k > 1 && chance(draw, 0.45) ? between(draw, Math.max(1, k - 3), k - 1) : undefined;
    const depth = parent === undefined ? 0 : Math.min(units[parent]!.depth + 1, 4);
    // A page of handles alone names its authors by their handle.
    const author = t.header === 'handle' ? handleOf(nameOf(draw, t.names)) : nameOf(draw, t.names);
    const parentAuthor = parent === undefined ? undefined : units[parent]!.author;
    const pad = ' '.repeat(t.indent * depth);
    if (t.blanks !== 'none') blank(sheet);
    // As label-lines.ts labels them, the interface lines of a header ("6d", "2 h") are action lines;
    // not the line naming the author, whatever its words.
    for (const h of headerLines(draw, t, author, parentAuthor)) put(sheet, `${pad}${h}`, isInterfaceLine(h) && !h.includes(author) ? 'action' : 'header');
    if (t.blanks === 'blocks') blank(sheet);
    let quotes = '';
    if (parentAuthor !== undefined && t.replyMarker === 'quote') {
      quotes = parentAuthor;
      put(sheet, `${pad}${pick(draw, [`${parentAuthor} a écrit :`, `${parentAuthor} wrote:`, `Citation de ${parentAuthor} :`])}`, 'quote');
      put(sheet, `${pad}${pick(draw, [...bodies[parent! - 1]!.slice(0, 1).map((s) => `> ${s}`), ...bodies[parent! - 1]!.slice(0, 1)])}`, 'quote');
    }
    const body = bodyLines(draw, sentence, author);
    if (parentAuthor !== undefined && t.replyMarker === 'atInBody') body[0] = `@${handleOf(parentAuthor)} ${body[0]!}`;
    const prefix = t.header === 'inline' ? inlinePrefix(draw, t, author) : '';
    bodies.push(body);
    body.forEach((line, i) => {
      if (i > 0 && t.blanks === 'blocks' && chance(draw, 0.3)) blank(sheet);
      put(sheet, `${pad}${i === 0 ? prefix : ''}${line}`, i === 0 ? 'start' : 'text');
    });
    if (t.ageAfter) furniture(sheet, shortAge(draw), pad);
    if (t.profile) {
      if (t.blanks !== 'none') blank(sheet);
      put(sheet, `${pad}${author}`, 'other');
      for (const line of PROFILE_LINES.filter(() => chance(draw, 0.3))) furniture(sheet, line.replace('{n}', String(between(draw, 1, 3000))).replace('{date}', dateOf(draw, 'frShortMonth')), pad);
    }
    const actions = actionLines(draw, t);
    if (actions.length > 0 && t.blanks === 'blocks') blank(sheet);
    for (const a of actions) furniture(sheet, a, pad);
    const text = body.join(' ');
    units.push({
      kind: parent === undefined ? 'comment' : 'reply', author, depth, quotes,
      ...(parent === undefined ? {} : { parent }), firstWords: firstWordsOf(text), lastWords: lastWordsOf(text),
    });
  }
  blank(sheet);
  if (chance(draw, 0.5)) furniture(sheet, pick(draw, FOOTERS));
  if (chance(draw, 0.5)) for (const line of pick(draw, BOILERPLATE_BLOCKS)) furniture(sheet, line.replace('{title}', pick(draw, TITLES)));
  return { lines: sheet.lines, roles: sheet.roles, units };
}

/** `count` synthetic pages, the k-th from seed `seed + k`. */
export const syntheticPages = (count: number, seed = 1): SyntheticPage[] => Array.from({ length: count }, (_, k) => syntheticPage(seed + k));
