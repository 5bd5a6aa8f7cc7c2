import { type HTMLElement, type Node, NodeType } from 'node-html-parser';
import type { ParsedComment } from '../page.js';
import { isAnonymousLabel } from '../anonymous-label.js';
import { authorOf, dateCueOf, isInterfaceLine, mayHoldDate, replyCueOf } from '../layouts/line-cues.js';
import { parseFlatDate } from './flat-records.js';
import { notComments } from './not-comments.js';
import { parseDate } from './parse-date.js';

/**
 * Comments of an HTML page whose markup no known CMS selector matches, inferred from the page: a
 * comment is one of several elements of the same shape (tag and first class, or tag and whole class
 * list) that each hold a time, an author-like element and text of their own. Class names need not
 * say anything: generated ones (`x1n2onr6`, `sc-bdVaJa`, `css-1dbjc4n r-18u37iz`, `flex gap-2`)
 * only serve to tell repeated blocks apart. Nesting comes from containment, or from a reply link
 * naming another comment ("en réponse au message n°2").
 */

/** Attributes that may carry a comment's time. */
const TIME_ATTRIBUTES = ['datetime', 'data-time', 'data-timestamp', 'title'] as const;

/** Any of TIME_ATTRIBUTES in an element's attribute source. */
const TIME_ATTRIBUTE_SOURCE = /(?:datetime|data-time|data-timestamp|title)\s*=/iu;

/** Longest text of an element read as a time by its words ("il y a 3 h", "2 j", "3 oct. 2022, 09:02"). */
const MAX_TIME_TEXT = 40;

/** Class, itemprop or rel words of an author's element, whatever the site: "comment-author", "rx-name", "username". */
const AUTHOR_HINT = /(?:^|[\s_-])(?:author|user(?:name)?|name|pseudo|nick(?:name)?|fn|poster|byline)(?:$|[\s_-])|author|username/iu;

/** Class words of the element holding a comment's own words. */
const BODY_HINT = /(?:^|[\s_-])(?:body|content|contents|contenu|text|texte|message|cooked|msg|post-message|comment-text)(?:$|[\s_-])|(?:^|\s)\p{Ll}{2,}(?:msg|message|text)(?:$|\s)/iu;
/** A signature under a message ("postsignature postmsg"): never its body, whatever else its class says. */
const SIGNATURE_HINT = /signature/iu;

const NOISE_TAGS = new Set(['BUTTON', 'NAV', 'FORM', 'SELECT', 'IMG', 'SVG', 'SCRIPT', 'STYLE']);
/** Attributes of noise, searched in the attribute source before any is parsed. */
const NOISE_SOURCE = /aria-hidden|role/iu;
/** Never a comment's words: buttons (as tags or `role="button"`), controls, avatars, hidden parts. */
const isNoise = (el: HTMLElement): boolean => NOISE_TAGS.has(el.tagName)
  || (NOISE_SOURCE.test(el.rawAttrs) && (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('role') === 'button'));

/** Class words of a reply marker, and the text it starts with. */
const REPLY_HINT = /reply-to|in-reply|parent-link|replyto/iu;
const REPLY_TEXT = /^\s*(?:en réponse à|en réponse au|réponse à|in reply to|replying to)\b/iu;

/** Fewest comments of one shape that make a thread: one dated block is an article byline. */
const MIN_ITEMS = 2;

/** Longest author name: a longer "author" element is a sentence, not a name. */
const MAX_AUTHOR_CHARS = 60;

const classOf = (el: HTMLElement): string => el.getAttribute('class') ?? '';

/**
 * The shapes an element is counted under: tag and first class, and, with several classes, tag and
 * the whole class list (atomic and utility classes share their first class across the page:
 * `flex gap-3 p-4` and `flex items-center gap-2` are both `div.flex`).
 */
function shapesOf(el: HTMLElement): string[] {
  const classes = classOf(el).trim().split(/\s+/u);
  const first = `${el.tagName}.${classes[0] ?? ''}`;
  return classes.length > 1 ? [first, `${el.tagName}:${classes.join(' ')}`] : [first];
}

/** A date an element carries in an attribute (`datetime`, `data-time` in Unix ms, `title`), or in its text for `<time>`. */
export function timeOf(el: HTMLElement): string | undefined {
  for (const name of [...TIME_ATTRIBUTES, 'content']) {
    const raw = el.getAttribute(name);
    if (raw === undefined || raw.trim() === '') continue;
    const iso = parseFlatDate(raw) ?? parseDate(raw.trim().split(/\s+/u)[0] ?? '');
    if (iso !== undefined) return iso;
  }
  return el.tagName === 'TIME' ? parseDate(el.text) : undefined;
}

/** True for an element holding text only (no element inside). */
const isLeaf = (el: HTMLElement): boolean => el.childNodes.every((n) => n.nodeType !== NodeType.ELEMENT_NODE);

/**
 * A time an element shows by its words alone, without an attribute: a leaf whose whole text is a
 * date, absolute ("3 oct. 2022, 09:02") or relative ("il y a 3 h", "2 j"). Its ISO date when the
 * words give day and year, else an empty string (a time, undated).
 */
function textTimeOf(el: HTMLElement): string | undefined {
  if (!isLeaf(el)) return labelledTimeOf(el);
  // Most leaves hold no digit nor date word: their text is not decoded.
  if (el.rawText.length > 4 * MAX_TIME_TEXT || !mayHoldDate(el.rawText)) return undefined;
  const text = el.text.trim();
  if (text === '' || text.length > MAX_TIME_TEXT) return undefined;
  const cue = dateCueOf(text);
  return cue === undefined ? undefined : (cue.iso ?? '');
}

/** A forum engine's quotation header above a blockquote: "Citation de: X le <date>", "Quote from: X on <date>". */
const QUOTE_HEADER = /^(?:citation|quote)\s+(?:de|from)\s*:?\s*(\S.{0,40}?)(?:\s+(?:le|on)\s+(?:\p{L}+\.?,?\s+)?\d.*)?$/iu;

/** Inline elements that label a date beside them ("<strong>le :</strong> 10 mars 2025 à 20:14"). */
const LABEL_TAGS = new Set(['STRONG', 'B', 'EM', 'I', 'SPAN', 'SMALL', 'LABEL']);

/**
 * An absolute date an element shows in its own words beside inline label elements without digits
 * ("« <strong>Réponse #1 le :</strong> 10 mars 2025 à 21:02:10 »", "<b>Posté :</b> 12/03/2025"): the
 * element's own text, punctuation around it removed, read as a date. Undefined for anything else.
 */
function labelledTimeOf(el: HTMLElement): string | undefined {
  if (el.rawText.length > 4 * MAX_TIME_TEXT || !mayHoldDate(el.rawText)) return undefined;
  const children = el.childNodes.filter((n) => n.nodeType === NodeType.ELEMENT_NODE) as HTMLElement[];
  if (!children.every((c) => LABEL_TAGS.has(c.tagName) && isLeaf(c) && !/\d{4}|\d:\d/u.test(c.text))) return undefined;
  // A byline word before the name the label element shows ("10 mars 2025 12:31, par <strong>X</strong>") is no part of the date.
  const own = el.childNodes.filter((n) => n.nodeType === NodeType.TEXT_NODE).map((n) => n.text).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[\s,–—-]+(?:par|by)$/iu, '');
  if (own === '' || own.length > MAX_TIME_TEXT) return undefined;
  return dateCueOf(own)?.iso;
}

/**
 * Every element of the page that shows a time, in document order, with its ISO date (an empty
 * string for a relative one): by an attribute (`<time datetime>`, `data-time`, `<abbr title>`,
 * `<span title="…">`) or by its words. One walk of the tree.
 */
export function timesOf(root: HTMLElement): Map<HTMLElement, string> {
  const found = new Map<HTMLElement, string>();
  const stack = [...root.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    // The attribute source is searched before any attribute is parsed: most elements carry none of these.
    const marked = el.tagName === 'TIME' || (TIME_ATTRIBUTE_SOURCE.test(el.rawAttrs) && TIME_ATTRIBUTES.some((a) => el.getAttribute(a) !== undefined));
    const iso = (marked ? timeOf(el) : undefined) ?? textTimeOf(el);
    if (iso !== undefined) found.set(el, iso);
    for (let k = el.childNodes.length - 1; k >= 0; k -= 1) stack.push(el.childNodes[k]!);
  }
  return found;
}

/**
 * Descendants of `item` whose tag is in `tags` (any when undefined) and that pass `test`, in document
 * order, without looking inside nested items (a nested item itself is still returned when it passes).
 * One walk of the subtree, no selector engine: it runs for every candidate comment.
 */
function ownElements(item: HTMLElement, items: ReadonlySet<HTMLElement>, tags: ReadonlySet<string> | undefined, test: (el: HTMLElement) => boolean): HTMLElement[] {
  const found: HTMLElement[] = [];
  const stack = [...item.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if ((tags === undefined || tags.has(el.tagName)) && test(el)) found.push(el);
    if (items.has(el)) continue;
    for (let k = el.childNodes.length - 1; k >= 0; k -= 1) stack.push(el.childNodes[k]!);
  }
  return found;
}

/** The attribute source of an element that may name an author (AUTHOR_HINT, `data-user-card`): most do not, and are not parsed. */
const AUTHOR_SOURCE = /author|user|name|pseudo|nick|fn|poster|byline/iu;

const isAuthorLike = (el: HTMLElement): boolean => {
  if (!AUTHOR_SOURCE.test(el.rawAttrs)) return false;
  const words = `${classOf(el)} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('rel') ?? ''}`;
  if (!AUTHOR_HINT.test(words) && el.getAttribute('data-user-card') === undefined) return false;
  const text = el.text.trim();
  return text !== '' && text.length <= MAX_AUTHOR_CHARS && !text.includes('\n');
};

/** Tags a name is written in when no class says so. */
const NAME_TAGS = new Set(['A', 'SPAN', 'STRONG', 'B', 'CITE', 'DIV', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The name a leaf element shows, whatever its class: a short text read as a name by the text-copy
 * cues ("Pierre Le Dantec", "lebreton.yves", "Nathan R.", "Par Hélène Garnier" → "Hélène Garnier"),
 * a parenthesis after it kept ("Didier Morvan (mairie de Plouzec)"); never a date, an interface word
 * or an avatar's initials ("SL").
 */
export function leafNameOf(el: HTMLElement): string | undefined {
  if (!NAME_TAGS.has(el.tagName) || !isLeaf(el)) return undefined;
  const text = el.text.trim().replace(/\s+/gu, ' ');
  if (text === '' || text.length > MAX_AUTHOR_CHARS || /^\p{Lu}{1,3}$/u.test(text)) return undefined;
  const aside = /\s*\([^()]{1,40}\)$/u.exec(text)?.[0] ?? '';
  const name = authorOf(text.slice(0, text.length - aside.length));
  return name === undefined ? undefined : `${name}${aside}`;
}

/** Whether each element shows a name, asked once per element for one page (nested candidates walk the same leaves). */
type NameTest = (el: HTMLElement) => boolean;
function nameTestOfPage(): NameTest {
  const seen = new Map<HTMLElement, boolean>();
  return (el) => {
    let named = seen.get(el);
    if (named === undefined) seen.set(el, (named = leafNameOf(el) !== undefined));
    return named;
  };
}

/** The first element inside `item`, in document order, that passes `test` and belongs to no nested item. */
function firstOwn(item: HTMLElement, items: ReadonlySet<HTMLElement>, test: (el: HTMLElement) => boolean): HTMLElement | undefined {
  const stack = [...item.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (items.has(el)) continue;
    if (test(el)) return el;
    for (let k = el.childNodes.length - 1; k >= 0; k -= 1) stack.push(el.childNodes[k]!);
  }
  return undefined;
}

/** Fewest word characters of a comment's own text, without its time, author, controls and nested comments. */
const MIN_OWN_WORD_CHARS = 10;

/**
 * True when `item` holds MIN_OWN_WORD_CHARS word characters outside `skip`, nested items and
 * controls: one walk of its elements, stopping as soon as there are enough (no copy of the subtree).
 */
function hasOwnWords(item: HTMLElement, items: ReadonlySet<HTMLElement>, skip: ReadonlySet<HTMLElement>): boolean {
  let count = 0;
  const stack = [...item.childNodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType === NodeType.TEXT_NODE) {
      count += node.text.replace(/\W+/gu, '').length;
      if (count >= MIN_OWN_WORD_CHARS) return true;
      continue;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (items.has(el) || skip.has(el) || isNoise(el)) continue;
    stack.push(...el.childNodes);
  }
  return false;
}

/**
 * The text of an element without the given parts and NOISE, blocks on their own lines. The parts are
 * taken out of their parents' child lists for the time of the reading and put back: no copy of the
 * subtree (a comment's copy held its nested replies, copied again for each of them).
 */
function textWithout(el: HTMLElement, remove: readonly HTMLElement[]): string {
  const gone = new Set<Node>(remove);
  const saved: [HTMLElement, Node[]][] = [];
  const stack = [el];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    const kept = at.childNodes.filter((n) => n.nodeType !== NodeType.ELEMENT_NODE || !(gone.has(n) || isNoise(n as HTMLElement)));
    if (kept.length !== at.childNodes.length) {
      saved.push([at, at.childNodes]);
      at.childNodes = kept;
    }
    for (const n of kept) if (n.nodeType === NodeType.ELEMENT_NODE) stack.push(n as HTMLElement);
  }
  try {
    return el.structuredText.trim();
  } finally {
    for (const [at, nodes] of saved) at.childNodes = nodes;
  }
}

interface Candidate {
  readonly el: HTMLElement;
  readonly time: HTMLElement;
  readonly author?: HTMLElement;
}

/** The keys a reply link may use for an item: its ids and post numbers, with their digits alone ("post_4" → "4"). */
function keysOf(item: HTMLElement): string[] {
  const keys: string[] = [];
  const add = (el: HTMLElement): void => {
    for (const [name, value] of Object.entries(el.attributes)) {
      if (name !== 'id' && !/^data-.*(?:id|number)$/u.test(name)) continue;
      keys.push(value, ...(/\d+$/u.exec(value) ?? []));
    }
  };
  add(item);
  for (let p = item.parentNode as HTMLElement | null, i = 0; p !== null && i < 2; p = p.parentNode as HTMLElement | null, i += 1) add(p);
  const first = item.querySelector('[data-post-number], [data-comment-id], [data-post-id]');
  if (first !== null) add(first);
  return keys;
}

/** What a reply marker points at: the last number of its href or fragment, or of its title ("au message n°2"). */
function replyTargetOf(item: HTMLElement, items: ReadonlySet<HTMLElement>): string | undefined {
  const dataParent = item.getAttribute('data-parent-id') ?? item.getAttribute('data-parent');
  if (dataParent !== undefined && dataParent.trim() !== '') return dataParent.trim();
  const marker = ownElements(item, items, new Set(['A', 'SPAN', 'DIV']), (el) => REPLY_HINT.test(classOf(el)) || REPLY_TEXT.test(el.text))[0];
  if (marker === undefined) return undefined;
  const href = marker.getAttribute('href') ?? '';
  const title = marker.getAttribute('title') ?? '';
  return /(\d+)\D*$/u.exec(href)?.[1] ?? /(\d+)\D*$/u.exec(title)?.[1];
}

/**
 * The author element of a candidate comment: one a class or attribute names, else a leaf showing a
 * name inside the time's own element (a byline "10 mars 2025 12:31, par <strong>X</strong>"), else
 * the first leaf showing a name.
 */
function authorIn(el: HTMLElement, items: ReadonlySet<HTMLElement>, time: HTMLElement, isName: NameTest): HTMLElement | undefined {
  const named = (e: HTMLElement): boolean => e !== time && !isNoise(e) && isName(e);
  return firstOwn(el, items, isAuthorLike) ?? firstOwn(time, items, named) ?? firstOwn(el, items, named);
}

/**
 * Kept members of one shape, how many of them sit inside another (replies the shape shows by
 * nesting), and those set aside as not comments. A member qualifies when it holds an author and
 * words besides its time and author; a qualified member whose first time is a qualified member's
 * inside it is a wrapper around comments (a page column, a list), not one; the rest qualify again
 * with each other's words left out. Qualified members in page furniture or in a list of links to
 * other pages are set aside (`notComments`).
 */
function keptOf(members: ReadonlyMap<HTMLElement, Candidate>, isName: NameTest, alone: Map<HTMLElement, HTMLElement | null>): { kept: Candidate[]; nested: number; setAside: Candidate[] } {
  const authorOf = (c: Candidate, skip: ReadonlySet<HTMLElement>): HTMLElement | undefined => {
    const author = authorIn(c.el, skip, c.time, isName);
    return author !== undefined && hasOwnWords(c.el, skip, new Set([c.time, author])) ? author : undefined;
  };
  const qualify = (candidates: Iterable<Candidate>, skip: ReadonlySet<HTMLElement>): Candidate[] => {
    const out: Candidate[] = [];
    for (const c of candidates) {
      const author = authorOf(c, skip);
      if (author !== undefined) out.push({ ...c, author });
    }
    return out;
  };
  // Qualified alone (nothing skipped): the same for an element under each of its shapes, read once.
  const first: Candidate[] = [];
  for (const c of members.values()) {
    let author = alone.get(c.el);
    if (author === undefined) alone.set(c.el, (author = authorOf(c, new Set()) ?? null));
    if (author !== null) first.push({ ...c, author });
  }
  // A member inside another with the same time and little else is that one's header row.
  const timeOwner = new Map<HTMLElement, HTMLElement[]>();
  for (const c of first) timeOwner.set(c.time, [...(timeOwner.get(c.time) ?? []), c.el]);
  const headers = new Set(first.filter((c) => (timeOwner.get(c.time) ?? []).some((o) => o !== c.el && isInside(c.el, o)) && extraChars(c.el, c) <= MAX_HEADER_EXTRA_CHARS).map((c) => c.el));
  const qualified = new Set(first.filter((c) => !headers.has(c.el)).map((c) => c.el));
  const ownTimed = first.filter((c) => qualified.has(c.el) && !timeOfInnerMember(c, qualified));
  // Only a member holding others needs qualifying again, without their words.
  const ownSet = new Set(ownTimed.map((c) => c.el));
  const holders = new Set<HTMLElement>();
  for (const c of ownTimed) {
    for (let p = c.el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) if (ownSet.has(p)) holders.add(p);
  }
  const ownQualified = [...ownTimed.filter((c) => !holders.has(c.el)), ...qualify(ownTimed.filter((c) => holders.has(c.el)), ownSet)]
    .sort((a, b) => a.el.range[0] - b.el.range[0]);
  const notThread = notComments(ownQualified, isNoise);
  const kept = ownQualified.filter((c) => !notThread.has(c));
  const keptSet = new Set(kept.map((c) => c.el));
  const nested = kept.filter((c) => hasAncestorIn(c.el, keptSet)).length;
  return { kept, nested, setAside: [...notThread] };
}

/** True when the candidate's first time lies inside another member of `set` within it. */
function timeOfInnerMember(c: Candidate, set: ReadonlySet<HTMLElement>): boolean {
  for (let p = c.time.parentNode as HTMLElement | null; p !== null && p !== c.el; p = p.parentNode as HTMLElement | null) if (set.has(p)) return true;
  return false;
}

function hasAncestorIn(el: HTMLElement, set: ReadonlySet<HTMLElement>): boolean {
  for (let p = el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) if (set.has(p)) return true;
  return false;
}

/**
 * The header of a comment: the smallest element holding its author and its time, when it holds
 * little else (a badge, a separator: "Abonné", "Auteur du sujet", "·"). Undefined when author and
 * time only meet at the comment itself.
 */
function headerOf(c: Candidate, items: ReadonlySet<HTMLElement>): HTMLElement | undefined {
  if (c.author === undefined) return undefined;
  for (let h = c.author.parentNode as HTMLElement | null; h !== null && h !== c.el; h = h.parentNode as HTMLElement | null) {
    if (!isInside(c.time, h)) continue;
    if (ownElements(h, items, undefined, (e) => items.has(e)).length > 0) return undefined;
    return extraChars(h, c) <= MAX_HEADER_EXTRA_CHARS ? h : undefined;
  }
  return undefined;
}

/** Word characters of `el` besides the candidate's author and time. */
function extraChars(el: HTMLElement, c: Candidate): number {
  return el.text.replace(c.author?.text ?? '', '').replace(c.time.text, '').replace(/\W+/gu, '').length;
}

/** Most word characters a header holds besides its author and time (badges: "Auteur du sujet"). */
const MAX_HEADER_EXTRA_CHARS = 30;

/** A comment's text without its author, time and header, nested comments and controls; lines of interface words and counters dropped. */
function ownTextOf(c: Candidate, items: ReadonlySet<HTMLElement>, nested: readonly HTMLElement[]): string {
  const header = headerOf(c, items);
  const remove = [...(header === undefined ? [c.time, ...(c.author === undefined ? [] : [c.author])] : [header]), ...nested];
  return textWithout(c.el, remove).split('\n').filter((line) => !isInterfaceLine(line)).join('\n').trim();
}

/**
 * Comments inferred from repeated dated blocks, with what was guessed: the shape read as a comment
 * (`li.sc-eHgmQL`, for a diagnostics row) and how many other dated blocks with a name were set aside
 * as page furniture or links to other pages.
 */
export interface InferredComments {
  /** The elements to remove from the article. */
  readonly items: HTMLElement[];
  readonly comments: ParsedComment[];
  /** The repeated element, written as a CSS selector; undefined when nothing was inferred. */
  readonly shape?: string;
  readonly setAside: number;
}

/** Most characters of a shape written in a message: atomic class lists run long. */
const MAX_SHAPE_CHARS = 60;

/** A shape key (`LI.c-item`, `DIV:flex gap-2`) as a CSS selector: `li.c-item`, `div.flex.gap-2`. */
export function selectorOf(shape: string): string {
  const at = shape.search(/[.:]/u);
  const classes = shape.slice(at + 1).trim().split(/\s+/u).filter((c) => c !== '');
  const selector = `${shape.slice(0, at).toLowerCase()}${classes.map((c) => `.${c}`).join('')}`;
  return selector.length > MAX_SHAPE_CHARS ? `${selector.slice(0, MAX_SHAPE_CHARS)}…` : selector;
}

/** The comments inferred from repeated dated blocks, with the elements to remove from the article; none when nothing repeats. */
export function inferComments(root: HTMLElement): InferredComments {
  // Each dated element votes for every ancestor shape; the shape with most dated, authored, texted members wins.
  const times = timesOf(root);
  const byShape = new Map<string, Map<HTMLElement, Candidate>>();
  const shapesMemo = new Map<HTMLElement, string[]>();
  const isName = nameTestOfPage();
  const alone = new Map<HTMLElement, HTMLElement | null>();
  const seenMembers = new Map<HTMLElement, HTMLElement[][]>();
  for (const time of times.keys()) {
    for (let p = time.parentNode as HTMLElement | null, depth = 0; p !== null && p.tagName !== undefined && p.tagName !== 'BODY' && depth < 12; p = p.parentNode as HTMLElement | null, depth += 1) {
      let shapes = shapesMemo.get(p);
      if (shapes === undefined) shapesMemo.set(p, (shapes = shapesOf(p)));
      for (const shape of shapes) {
        let members = byShape.get(shape);
        if (members === undefined) byShape.set(shape, (members = new Map()));
        if (!members.has(p)) members.set(p, { el: p, time });
      }
    }
  }
  let best: Candidate[] = [];
  let bestNested = -1;
  let bestDepth = -1;
  let bestShape: string | undefined;
  // The times of the blocks set aside in the shapes looked at: one per block, whatever its shapes.
  const setAsideTimes = new Set<HTMLElement>();
  // Largest shapes first: a shape with fewer members than the best found cannot win, and is not looked at.
  for (const [shape, members] of [...byShape.entries()].sort((a, b) => b[1].size - a[1].size)) {
    if (members.size < MIN_ITEMS || members.size < best.length) break;
    // A shape with the same members as one already read (`div.x1n2onr6` and its whole class list) reads the same.
    const els = [...members.keys()];
    const sameAs = seenMembers.get(els[0]!)?.find((other) => other.length === els.length && other.every((el, k) => el === els[k]));
    if (sameAs !== undefined) continue;
    seenMembers.set(els[0]!, [...(seenMembers.get(els[0]!) ?? []), els]);
    const { kept, nested, setAside } = keptOf(members, isName, alone);
    for (const c of setAside) setAsideTimes.add(c.time);
    if (kept.length < MIN_ITEMS) continue;
    const depth = depthOf(kept[0]?.el);
    // Ties go to the shape whose members' header rows the other shape's members are, then to the one that shows replies by
    // nesting, then to the innermost: the comment itself, not the wrapper around it.
    const tie = kept.length === best.length;
    const wins = tie && areHeaderRows(best, kept) ? true : tie && areHeaderRows(kept, best) ? false : nested > bestNested || (nested === bestNested && depth > bestDepth);
    if (kept.length > best.length || (tie && wins)) {
      best = kept;
      bestNested = nested;
      bestDepth = depth;
      bestShape = shape;
    }
  }
  for (const c of best) setAsideTimes.delete(c.time);
  if (best.length === 0) return { items: [], comments: [], setAside: setAsideTimes.size };
  const items = best.map((c) => c.el);
  const itemSet = new Set(items);
  const indexOf = new Map(items.map((el, i) => [el, i]));
  const indexOfKey = new Map<string, number>();
  items.forEach((el, i) => { for (const k of keysOf(el)) if (!indexOfKey.has(k)) indexOfKey.set(k, i); });
  const comments = best.map((c, i): ParsedComment => {
    const nested = ownElements(c.el, itemSet, undefined, (e) => itemSet.has(e));
    const bodies = ownElements(c.el, itemSet, undefined, (e) => (BODY_HINT.test(classOf(e)) || BODY_HINT.test(e.getAttribute('id') ?? '')) && !SIGNATURE_HINT.test(classOf(e)) && !isInside(c.time, e) && !nested.some((n) => isInside(n, e)));
    const body = bodies.sort((a, b) => b.text.length - a.text.length)[0];
    const { quotes, quoted } = quotationsIn(c.el, itemSet);
    const text = body === undefined ? ownTextOf(c, itemSet, [...nested, ...quotes]) : textWithout(body, quotes);
    let parentIndex: number | undefined;
    for (let p = c.el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) {
      if (itemSet.has(p)) { parentIndex = indexOf.get(p); break; }
    }
    const target = replyTargetOf(c.el, itemSet);
    if (parentIndex === undefined && target !== undefined) {
      const t = indexOfKey.get(target);
      if (t !== undefined && t < i) parentIndex = t;
    }
    // A flat group: the message quoted ("Le … , X a écrit :" over a blockquote) is the latest one by X, and the one answered.
    const quotesIndex = quoted === undefined ? undefined : latestBy(best, i, quoted);
    parentIndex ??= quotesIndex;
    const iso = times.get(c.time);
    return { author: authorName(c), published: iso === '' ? undefined : iso, text, parentIndex, ...(quotesIndex === undefined ? {} : { quotesIndex }) };
  });
  return { items, comments: linkAnnouncedReplies(best.map((c) => c.el), itemSet, comments), shape: bestShape === undefined ? undefined : selectorOf(bestShape), setAside: setAsideTimes.size };
}

/** The candidate's author's name; none for a label standing for no one ("Invité", "Anonyme"). */
function authorName(c: Candidate): string | undefined {
  const name = c.author === undefined ? undefined : (leafNameOf(c.author) ?? c.author.text.trim());
  return name === undefined || isAnonymousLabel(name) ? undefined : name;
}

/** The latest candidate before `index` whose author is `name`. */
function latestBy(candidates: readonly Candidate[], index: number, name: string): number | undefined {
  for (let j = index - 1; j >= 0; j -= 1) if (authorName(candidates[j]!)?.toLowerCase() === name.toLowerCase()) return j;
  return undefined;
}

/**
 * Quotations of another message in a comment, outside nested comments: each `blockquote` with the
 * element right before it when that one says whose words they are ("Le lun. 3 mars 2025 à 21:05,
 * X a écrit :"); `quoted` is the first such name.
 */
function quotationsIn(item: HTMLElement, items: ReadonlySet<HTMLElement>): { quotes: HTMLElement[]; quoted?: string } {
  const quotes: HTMLElement[] = [];
  let quoted: string | undefined;
  for (const q of ownElements(item, items, new Set(['BLOCKQUOTE']), () => true)) {
    if (quotes.some((o) => isInside(q, o))) continue;
    quotes.push(q);
    const siblings = (q.parentNode as HTMLElement | null)?.childNodes.filter((n) => n.nodeType === NodeType.ELEMENT_NODE) ?? [];
    const head = siblings[siblings.indexOf(q) - 1] as HTMLElement | undefined;
    const name = head === undefined || head.text.length > 120 ? undefined : replyCueOf(head.text.trim())?.quote ?? QUOTE_HEADER.exec(head.text.trim())?.[1];
    if (head !== undefined && name !== undefined) { quotes.push(head); quoted ??= name; }
    // The quotation names its author itself: an attribute (`data-quote`, `data-author`), or its title row ("X a dit :").
    quoted ??= q.getAttribute('data-quote')?.trim() || q.getAttribute('data-author')?.trim() || quoteTitleName(q);
  }
  return { quotes, quoted };
}

/** "X a dit :", "X a écrit :", "X said:", "X wrote:" as a quotation's own first row. */
const QUOTE_TITLE = /^(\S.{0,40}?)\s+(?:a\s+dit|a\s+écrit|said|wrote)\s*:?$/iu;

function quoteTitleName(q: HTMLElement): string | undefined {
  const first = q.childNodes.find((n) => n.nodeType === NodeType.ELEMENT_NODE) as HTMLElement | undefined;
  const text = first === undefined || first.text.length > 80 ? undefined : first.text.trim();
  return text === undefined ? undefined : QUOTE_TITLE.exec(text)?.[1];
}

/** True when each member of `inner` is the header row of the member of `outer` at its place: inside it, same time, little else. */
function areHeaderRows(inner: readonly Candidate[], outer: readonly Candidate[]): boolean {
  return inner.length === outer.length && inner.every((c, k) => {
    const o = outer[k]!;
    return c.el !== o.el && c.time === o.time && isInside(c.el, o.el) && extraChars(c.el, c) <= MAX_HEADER_EXTRA_CHARS;
  });
}

/** "1 réponse", "3 replies": a control announcing how many answers a post has. */
const REPLY_COUNT = /^\s*(\d+)\s+(?:réponses?|replies|reply|answers?)\s*$/iu;

/**
 * Flat forums (Discourse) show no "in reply to" link on a post answering the one just above it;
 * the post above announces "1 réponse". A post announcing more answers than link to it gets the
 * next post as its answer, when that one answers nobody.
 */
function linkAnnouncedReplies(items: readonly HTMLElement[], itemSet: ReadonlySet<HTMLElement>, comments: ParsedComment[]): ParsedComment[] {
  const out = [...comments];
  items.forEach((item, i) => {
    const counter = ownElements(item, itemSet, new Set(['BUTTON', 'A', 'SPAN']), (e) => REPLY_COUNT.test(e.text))[0];
    const announced = Number(REPLY_COUNT.exec(counter?.text ?? '')?.[1] ?? 0);
    const linked = out.filter((c) => c.parentIndex === i).length;
    const next = out[i + 1];
    if (announced > linked && next !== undefined && next.parentIndex === undefined) out[i + 1] = { ...next, parentIndex: i };
  });
  return out;
}

/** True when `el` is `ancestor` or inside it. */
function isInside(el: HTMLElement, ancestor: HTMLElement): boolean {
  for (let p: HTMLElement | null = el; p !== null; p = p.parentNode as HTMLElement | null) if (p === ancestor) return true;
  return false;
}

function depthOf(el: HTMLElement | undefined): number {
  let d = 0;
  for (let p = el?.parentNode as HTMLElement | null | undefined; p !== null && p !== undefined; p = p.parentNode as HTMLElement | null) d += 1;
  return d;
}
