import { type HTMLElement, NodeType } from 'node-html-parser';
import type { ParsedComment } from '../page.js';
import { parseFlatDate } from './flat-records.js';
import { parseDate } from './parse-date.js';

/**
 * Comments of an HTML page whose markup no known CMS selector matches, inferred from the page: a
 * comment is one of several elements of the same shape (tag and first class) that each hold a time,
 * an author-like element and text of their own. Nesting comes from containment, or from a reply
 * link naming another comment ("en réponse au message n°2").
 */

/** Elements that may carry a comment's time. */
const TIME_SELECTOR = 'time, [datetime], [data-time], [data-timestamp], [title]';

/** Class, itemprop or rel words of an author's element, whatever the site: "comment-author", "rx-name", "username". */
const AUTHOR_HINT = /(?:^|[\s_-])(?:author|user(?:name)?|name|pseudo|nick(?:name)?|fn|poster|byline)(?:$|[\s_-])|author|username/iu;

/** Class words of the element holding a comment's own words. */
const BODY_HINT = /(?:^|[\s_-])(?:body|content|contents|text|message|cooked|msg|post-message|comment-text)(?:$|[\s_-])/iu;

/** Never a comment's words: buttons, controls, avatars, counters. */
const NOISE = 'button, nav, form, select, img, svg, script, style, [aria-hidden="true"]';

const NOISE_TAGS = new Set(['BUTTON', 'NAV', 'FORM', 'SELECT', 'IMG', 'SVG', 'SCRIPT', 'STYLE']);
/** The elements NOISE selects, tested without the selector engine. */
const isNoise = (el: HTMLElement): boolean => NOISE_TAGS.has(el.tagName) || el.getAttribute('aria-hidden') === 'true';

/** Class words of a reply marker, and the text it starts with. */
const REPLY_HINT = /reply-to|in-reply|parent-link|replyto/iu;
const REPLY_TEXT = /^\s*(?:en réponse à|en réponse au|réponse à|in reply to|replying to)\b/iu;

/** Fewest comments of one shape that make a thread: one dated block is an article byline. */
const MIN_ITEMS = 2;

/** Longest author name: a longer "author" element is a sentence, not a name. */
const MAX_AUTHOR_CHARS = 60;

const classOf = (el: HTMLElement): string => el.getAttribute('class') ?? '';
const shapeOf = (el: HTMLElement): string => `${el.tagName}.${classOf(el).trim().split(/\s+/u)[0] ?? ''}`;

/** A date an element carries in an attribute (`datetime`, `data-time` in Unix ms, `title`), or in its text for `<time>`. */
export function timeOf(el: HTMLElement): string | undefined {
  for (const name of ['datetime', 'data-time', 'data-timestamp', 'title', 'content']) {
    const raw = el.getAttribute(name);
    if (raw === undefined || raw.trim() === '') continue;
    const iso = parseFlatDate(raw) ?? parseDate(raw.trim().split(/\s+/u)[0] ?? '');
    if (iso !== undefined) return iso;
  }
  return el.tagName === 'TIME' ? parseDate(el.text) : undefined;
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
  // Remove by position in the clone: same path of child indexes as in the original.
  for (const r of remove) pathIn(clone, el, r)?.remove();
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

/** The comments inferred from repeated dated blocks, with the elements to remove from the article; none when nothing repeats. */
export function inferComments(root: HTMLElement): { items: HTMLElement[]; comments: ParsedComment[] } {
  // Each dated element votes for every ancestor shape; the shape with most dated, authored, texted members wins.
  const times = root.querySelectorAll(TIME_SELECTOR).filter((el) => timeOf(el) !== undefined);
  const byShape = new Map<string, Map<HTMLElement, Candidate>>();
  for (const time of times) {
    for (let p = time.parentNode as HTMLElement | null, depth = 0; p !== null && p.tagName !== undefined && p.tagName !== 'BODY' && depth < 12; p = p.parentNode as HTMLElement | null, depth += 1) {
      const shape = shapeOf(p);
      let members = byShape.get(shape);
      if (members === undefined) byShape.set(shape, (members = new Map()));
      if (!members.has(p)) members.set(p, { el: p, time });
    }
  }
  let best: Candidate[] = [];
  let bestDepth = -1;
  // Largest shapes first: a shape with fewer members than the best found cannot win, and is not looked at.
  for (const members of [...byShape.values()].sort((a, b) => b.size - a.size)) {
    if (members.size < MIN_ITEMS || members.size < best.length) break;
    const set = new Set(members.keys());
    const kept: Candidate[] = [];
    for (const c of members.values()) {
      const author = firstOwn(c.el, set, isAuthorLike);
      if (author === undefined || !hasOwnWords(c.el, set, new Set([c.time, author]))) continue;
      kept.push({ ...c, author });
    }
    if (kept.length < MIN_ITEMS) continue;
    const depth = depthOf(kept[0]?.el);
    // Ties go to the innermost shape: the comment itself, not the wrapper around it.
    if (kept.length > best.length || (kept.length === best.length && depth > bestDepth)) {
      best = kept;
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
    const text = body === undefined ? textWithout(c.el, [c.time, ...(c.author === undefined ? [] : [c.author]), ...nested]) : textWithout(body, []);
    let parentIndex: number | undefined;
    for (let p = c.el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) {
      if (itemSet.has(p)) { parentIndex = indexOf.get(p); break; }
    }
    const target = replyTargetOf(c.el, itemSet);
    if (parentIndex === undefined && target !== undefined) {
      const t = indexOfKey.get(target);
      if (t !== undefined && t < i) parentIndex = t;
    }
    return { author: c.author?.text.trim(), published: timeOf(c.time), text, parentIndex };
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
