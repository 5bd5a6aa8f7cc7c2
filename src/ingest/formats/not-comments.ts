import { type HTMLElement, type Node, NodeType } from 'node-html-parser';
import { isInterfaceLine } from '../layouts/line-cues.js';

/**
 * Dated blocks with a name that are not comments, whatever the class names: blocks in page furniture
 * (navigation, an aside, a footer: "Les plus lus", "Sur le même sujet"), and lists of links to
 * other pages ("Lire aussi" lists whose items each show a headline link, a byline and a date: the
 * shape of a comment). A block is a link card when it lies inside a link to another page, or when
 * its words besides its name and time are mostly those of headline links (three words or more,
 * pointing to another page). A list whose blocks are mostly link cards is a list of links, all of
 * it; a comment sharing a link among comments stays a comment.
 */

/** A dated block: the element, its time and, when found, its author. */
export interface DatedBlock {
  readonly el: HTMLElement;
  readonly time: HTMLElement;
  readonly author?: HTMLElement;
}

/** Page furniture as elements and as ARIA roles: what they hold is never a thread. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Fewest words of a headline: "Répondre", "Lien", "Voir le profil" are controls. */
const MIN_HEADLINE_WORDS = 3;

/** A link to another page: an `href` that is neither a fragment of this page nor a script. */
function isOutLink(el: HTMLElement): boolean {
  if (el.tagName !== 'A') return false;
  const href = el.getAttribute('href')?.trim() ?? '';
  return href !== '' && !href.startsWith('#') && !/^javascript:/iu.test(href);
}

const isHeadlineLink = (el: HTMLElement): boolean => {
  if (!isOutLink(el)) return false;
  const text = el.text.trim();
  return text.split(/\s+/u).length >= MIN_HEADLINE_WORDS && !isInterfaceLine(text);
};

/** What `el` or an element around it makes it: page furniture, a link to another page, or neither. */
function enclosureOf(el: HTMLElement): 'furniture' | 'link' | undefined {
  let link = false;
  for (let p: HTMLElement | null = el; p !== null && p.tagName !== null && p.tagName !== undefined; p = p.parentNode as HTMLElement | null) {
    if (FURNITURE_TAGS.has(p.tagName) || (p.rawAttrs.includes('role') && FURNITURE_ROLES.has(p.getAttribute('role') ?? ''))) return 'furniture';
    link ||= isOutLink(p);
  }
  return link ? 'link' : undefined;
}

const wordChars = (text: string): number => text.replace(/\W+/gu, '').length;

/**
 * True when the block's words, outside its author, time, nested blocks and `skip`ped controls, are
 * mostly (at least half) the words of headline links.
 */
function isLinkCard(block: DatedBlock, blocks: ReadonlySet<HTMLElement>, skip: (el: HTMLElement) => boolean): boolean {
  let linked = 0;
  let other = 0;
  const stack: [Node, boolean][] = block.el.childNodes.map((n) => [n, false]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, inLink] = top;
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (inLink) linked += wordChars(node.text);
      else other += wordChars(node.text);
      continue;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (el === block.time || el === block.author || blocks.has(el) || skip(el)) continue;
    const link = inLink || isHeadlineLink(el);
    for (const child of el.childNodes) stack.push([child, link]);
  }
  return linked > 0 && linked >= other;
}

/** The element holding the list a block belongs to: the parent of its outermost ancestor among `blocks` (a reply's list is its thread's). */
function listOf(el: HTMLElement, blocks: ReadonlySet<HTMLElement>): HTMLElement | null {
  let outer = el;
  for (let p = el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) if (blocks.has(p)) outer = p;
  return outer.parentNode as HTMLElement | null;
}

/**
 * The blocks of one shape that are not comments: those in page furniture, and every block of a list
 * whose blocks are mostly link cards. `skip` tells the controls whose words do not count (buttons).
 */
export function notComments<B extends DatedBlock>(blocks: readonly B[], skip: (el: HTMLElement) => boolean): Set<B> {
  const out = new Set<B>();
  const els = new Set(blocks.map((b) => b.el));
  const lists = new Map<HTMLElement | null, { members: B[]; cards: number }>();
  for (const b of blocks) {
    const around = enclosureOf(b.el);
    if (around === 'furniture') {
      out.add(b);
      continue;
    }
    const key = listOf(b.el, els);
    let list = lists.get(key);
    if (list === undefined) lists.set(key, (list = { members: [], cards: 0 }));
    list.members.push(b);
    if (around === 'link' || isLinkCard(b, els, skip)) list.cards += 1;
  }
  for (const { members, cards } of lists.values()) if (cards * 2 > members.length) for (const b of members) out.add(b);
  return out;
}
