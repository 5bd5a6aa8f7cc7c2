import { type HTMLElement, NodeType } from 'node-html-parser';
import type { ParsedComment } from '../page.js';
import { authorOf, dateCueOf, isInterfaceLine } from '../layouts/line-cues.js';
import { parseFlatDate } from './flat-records.js';
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

/** Longest text of an element read as a time by its words ("il y a 3 h", "2 j", "3 oct. 2022, 09:02"). */
const MAX_TIME_TEXT = 40;

/** Class, itemprop or rel words of an author's element, whatever the site: "comment-author", "rx-name", "username". */
const AUTHOR_HINT = /(?:^|[\s_-])(?:author|user(?:name)?|name|pseudo|nick(?:name)?|fn|poster|byline)(?:$|[\s_-])|author|username/iu;

/** Class words of the element holding a comment's own words. */
const BODY_HINT = /(?:^|[\s_-])(?:body|content|contents|text|message|cooked|msg|post-message|comment-text)(?:$|[\s_-])/iu;

/** Never a comment's words: buttons (as tags or ARIA roles), controls, avatars, counters. */
const NOISE = 'button, nav, form, select, img, svg, script, style, [aria-hidden="true"], [role="button"]';

const NOISE_TAGS = new Set(['BUTTON', 'NAV', 'FORM', 'SELECT', 'IMG', 'SVG', 'SCRIPT', 'STYLE']);
/** The elements NOISE selects, tested without the selector engine. */
const isNoise = (el: HTMLElement): boolean => NOISE_TAGS.has(el.tagName) || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('role') === 'button';

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
  if (!isLeaf(el)) return undefined;
  const text = el.text.trim();
  if (text === '' || text.length > MAX_TIME_TEXT) return undefined;
  const cue = dateCueOf(text);
  return cue === undefined ? undefined : (cue.iso ?? '');
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
    const marked = el.tagName === 'TIME' || TIME_ATTRIBUTES.some((a) => el.getAttribute(a) !== undefined);
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

const isAuthorLike = (el: HTMLElement): boolean => {
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

const isNameLeaf = (el: HTMLElement): boolean => leafNameOf(el) !== undefined;

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

/** The text of an element without the given parts, blocks on their own lines. */
function textWithout(el: HTMLElement, remove: readonly HTMLElement[]): string {
  const clone = el.clone() as HTMLElement;
  // Remove by position in the clone: same path of child indexes as in the original, all found before any is removed.
  for (const r of remove.map((x) => pathIn(clone, el, x))) r?.remove();
  for (const n of clone.querySelectorAll(NOISE)) n.remove();
  return clone.structuredText.trim();
}

/** The element of `clone` at the place `target` has in `original`. */
function pathIn(clone: HTMLElement, original: HTMLElement, target: HTMLElement): HTMLElement | undefined {
  const path: number[] = [];
  for (let n: HTMLElement | null = target; n !== null && n !== original; n = n.parentNode as HTMLElement | null) {
    const parent = n.parentNode as HTMLElement | null;
    if (parent === null) return undefined;
    path.push(parent.childNodes.indexOf(n));
  }
  let at: HTMLElement | undefined = clone;
  for (const i of path.reverse()) at = at?.childNodes[i] as HTMLElement | undefined;
  return at;
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

/** The author element of a candidate comment: one a class or attribute names, else the first leaf showing a name. */
function authorIn(el: HTMLElement, items: ReadonlySet<HTMLElement>, time: HTMLElement): HTMLElement | undefined {
  return firstOwn(el, items, isAuthorLike) ?? firstOwn(el, items, (e) => e !== time && !isNoise(e) && isNameLeaf(e));
}

/**
 * Kept members of one shape, and how many of them sit inside another (replies the shape shows by
 * nesting). A member qualifies when it holds an author and words besides its time and author; a
 * qualified member whose first time is a qualified member's inside it is a wrapper around comments
 * (a page column, a list), not one; the rest qualify again with each other's words left out.
 */
function keptOf(members: ReadonlyMap<HTMLElement, Candidate>): { kept: Candidate[]; nested: number } {
  const qualify = (candidates: Iterable<Candidate>, skip: ReadonlySet<HTMLElement>): Candidate[] => {
    const out: Candidate[] = [];
    for (const c of candidates) {
      const author = authorIn(c.el, skip, c.time);
      if (author !== undefined && hasOwnWords(c.el, skip, new Set([c.time, author]))) out.push({ ...c, author });
    }
    return out;
  };
  const first = qualify(members.values(), new Set());
  // A member inside another with the same time and little else is that one's header row.
  const timeOwner = new Map<HTMLElement, HTMLElement[]>();
  for (const c of first) timeOwner.set(c.time, [...(timeOwner.get(c.time) ?? []), c.el]);
  const headers = new Set(first.filter((c) => (timeOwner.get(c.time) ?? []).some((o) => o !== c.el && isInside(c.el, o)) && extraChars(c.el, c) <= MAX_HEADER_EXTRA_CHARS).map((c) => c.el));
  const qualified = new Set(first.filter((c) => !headers.has(c.el)).map((c) => c.el));
  const ownTimed = first.filter((c) => qualified.has(c.el) && !timeOfInnerMember(c, qualified));
  const kept = qualify(ownTimed, new Set(ownTimed.map((c) => c.el)));
  const keptSet = new Set(kept.map((c) => c.el));
  const nested = kept.filter((c) => hasAncestorIn(c.el, keptSet)).length;
  return { kept, nested };
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

/** The comments inferred from repeated dated blocks, with the elements to remove from the article; none when nothing repeats. */
export function inferComments(root: HTMLElement): { items: HTMLElement[]; comments: ParsedComment[] } {
  // Each dated element votes for every ancestor shape; the shape with most dated, authored, texted members wins.
  const times = timesOf(root);
  const byShape = new Map<string, Map<HTMLElement, Candidate>>();
  for (const time of times.keys()) {
    for (let p = time.parentNode as HTMLElement | null, depth = 0; p !== null && p.tagName !== undefined && p.tagName !== 'BODY' && depth < 12; p = p.parentNode as HTMLElement | null, depth += 1) {
      for (const shape of shapesOf(p)) {
        let members = byShape.get(shape);
        if (members === undefined) byShape.set(shape, (members = new Map()));
        if (!members.has(p)) members.set(p, { el: p, time });
      }
    }
  }
  let best: Candidate[] = [];
  let bestNested = -1;
  let bestDepth = -1;
  // Largest shapes first: a shape with fewer members than the best found cannot win, and is not looked at.
  for (const members of [...byShape.values()].sort((a, b) => b.size - a.size)) {
    if (members.size < MIN_ITEMS || members.size < best.length) break;
    const { kept, nested } = keptOf(members);
    if (kept.length < MIN_ITEMS) continue;
    const depth = depthOf(kept[0]?.el);
    // Ties go to the shape that shows replies by nesting, then to the innermost: the comment itself, not the wrapper around it.
    if (kept.length > best.length || (kept.length === best.length && (nested > bestNested || (nested === bestNested && depth > bestDepth)))) {
      best = kept;
      bestNested = nested;
      bestDepth = depth;
    }
  }
  if (best.length === 0) return { items: [], comments: [] };
  const items = best.map((c) => c.el);
  const itemSet = new Set(items);
  const indexOf = new Map(items.map((el, i) => [el, i]));
  const indexOfKey = new Map<string, number>();
  items.forEach((el, i) => { for (const k of keysOf(el)) if (!indexOfKey.has(k)) indexOfKey.set(k, i); });
  const comments = best.map((c, i): ParsedComment => {
    const nested = ownElements(c.el, itemSet, undefined, (e) => itemSet.has(e));
    const bodies = ownElements(c.el, itemSet, undefined, (e) => BODY_HINT.test(classOf(e)) && !isInside(c.time, e) && !nested.some((n) => isInside(n, e)));
    const body = bodies.sort((a, b) => b.text.length - a.text.length)[0];
    const text = body === undefined ? ownTextOf(c, itemSet, nested) : textWithout(body, []);
    let parentIndex: number | undefined;
    for (let p = c.el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) {
      if (itemSet.has(p)) { parentIndex = indexOf.get(p); break; }
    }
    const target = replyTargetOf(c.el, itemSet);
    if (parentIndex === undefined && target !== undefined) {
      const t = indexOfKey.get(target);
      if (t !== undefined && t < i) parentIndex = t;
    }
    const iso = times.get(c.time);
    return { author: c.author === undefined ? undefined : (leafNameOf(c.author) ?? c.author.text.trim()), published: iso === '' ? undefined : iso, text, parentIndex };
  });
  return { items, comments: linkAnnouncedReplies(best.map((c) => c.el), itemSet, comments) };
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
