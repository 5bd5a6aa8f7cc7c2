import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import type { ParsedComment, ParsedPage } from '../page.js';
import type { FormatDiagnostic, FormatResult } from './format.js';
import { langHint } from './lang-hint.js';
import { inferComments, type InferredComments, leafNameOf, timesOf } from './html-comments.js';
import { htmlNestsDeeperThan, htmlTagsNestDeeperThan, MAX_HTML_DEPTH } from './nesting.js';
import { parseDate } from './parse-date.js';

/** Never text: code, styling and embedded media. */
const CODE = 'script, style, noscript, template, svg, iframe, canvas, object';

/** Page furniture: navigation, site header and footer, forms, buttons, hidden parts and image captions. */
const FURNITURE = 'nav, header, footer, aside, form, button, select, figcaption, [hidden], [aria-hidden="true"]';

/** The same furniture as ARIA roles (generated markup writes `<div role="banner">`). */
const FURNITURE_ROLES = new Set(['banner', 'navigation', 'complementary', 'contentinfo', 'button']);

/** Elements whose role is furniture: one walk, the attribute source searched before any attribute is parsed. */
function roleFurniture(root: HTMLElement): HTMLElement[] {
  const found: HTMLElement[] = [];
  const stack = [root];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    for (const n of at.childNodes) {
      if (n.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = n as HTMLElement;
      if (el.rawAttrs.includes('role') && FURNITURE_ROLES.has(el.getAttribute('role') ?? '')) found.push(el);
      else stack.push(el);
    }
  }
  return found;
}

/**
 * Boxes that sit inside articles on common CMSs: share bars, cookie and newsletter boxes, related
 * posts. Only blocks, never `body`: plugins put classes such as "cookies-not-set" on `<body>`.
 */
const BOILERPLATE = ['.sharedaddy', '.share-buttons', '.social-share', '.newsletter', '.related-posts', '.jp-relatedposts', '.comment-respond', '#respond',
  ...['div', 'section', 'p'].flatMap((tag) => [`${tag}[class*="cookie"]`, `${tag}[id*="cookie"]`])].join(', ');

/** Where the article's own text lives, most specific first; the first selector found wins. */
const MAIN_TEXT = ['[itemprop="articleBody"]', '.entry-content', '.post-content', '.article-content', 'article', 'main', '[role="main"]'];

/** Containers of a comment list, removed from the article text once the comments are read. */
const COMMENT_AREAS = '#comments, .comments-area, .comment-list, .commentlist, #disqus_thread, .comments';

/** How one family of comment markup shows a comment and its parts. */
interface ThreadStyle {
  readonly name: string;
  readonly item: string;
  readonly text: string;
  readonly author: string;
  readonly date: string;
  /** Inside a comment, never its text: reply links, metadata lines, nested lists of replies. */
  readonly noise: string;
  /** Where the markup shows nesting by an indentation level instead of nested elements (Hacker News). */
  readonly indent?: { readonly selector: string; readonly attribute: string };
}

/** Comment markups recognised, tried in order; the first that finds comments wins. */
const THREAD_STYLES: readonly ThreadStyle[] = [
  { name: 'schema.org Comment', item: '[itemtype$="schema.org/Comment"]', text: '[itemprop="text"]', author: '[itemprop="author"] [itemprop="name"], [itemprop="author"]', date: '[itemprop="dateCreated"], [itemprop="datePublished"]', noise: '' },
  { name: 'WordPress', item: 'li.comment, li.pingback, li.trackback', text: '.comment-content, .comment-text, .comment-body', author: '.comment-author .fn, .comment-author cite, .comment-author', date: '.comment-metadata time, .comment-meta time, .comment-metadata a, .comment-meta a, .commentmetadata a', noise: '.reply, .comment-reply-link, .comment-meta, .comment-metadata, .commentmetadata, .comment-author, .says, ul.children, ol.children' },
  { name: 'Disqus', item: 'li.post', text: '.post-message', author: '.post-byline .author, .author', date: 'time, a.time-ago', noise: '' },
  { name: 'Hacker News', item: 'tr.comtr', text: '.commtext', author: '.hnuser', date: '.age', noise: '.reply', indent: { selector: 'td.ind', attribute: 'indent' } },
  { name: 'generic .comment', item: '.comment', text: '.comment-content, .comment-text, .comment-body, .comment-message, .comment__content, .field--name-comment-body', author: '.comment-author, .comment__author, .author, .username, [rel="author"]', date: 'time', noise: '.reply, .comment-reply-link, .comment-meta, .comment-author, .author, time, .links' },
];

/** The style name of comments found by inference rather than by a known markup. */
const INFERRED = 'inferred from repeated dated blocks';

/** Fewest characters of paragraph text that make an article outside the comments; a forum topic's header has less. */
const MIN_ARTICLE_CHARS = 200;

/** Boxes inside an article body that are not its words: "Lire aussi", related links, share bars. */
const INLINE_BOILERPLATE = ['read-also', 'lire-aussi', 'related', 'share', 'social', 'newsletter', 'promo', 'ad-'].map((c) => `[class*="${c}"]`).join(', ');

/** Shortest text of its own that makes a block without `<p>` a paragraph (generated markup writes prose in `div`s and `span`s). */
const MIN_PROSE_CHARS = 100;

/** The paragraphs of an element: its `<p>`s, or, when it has none, the elements holding at least MIN_PROSE_CHARS of text of their own. */
function paragraphsOf(el: HTMLElement): HTMLElement[] {
  const ps = el.querySelectorAll('p');
  if (ps.length > 0) return ps;
  const ownText = (e: HTMLElement): number => e.childNodes.reduce((n, c) => n + (c.nodeType === NodeType.TEXT_NODE ? c.text.trim().length : 0), 0);
  return el.querySelectorAll('*').filter((e) => ownText(e) >= MIN_PROSE_CHARS);
}

/**
 * The block of `main` holding most of its paragraph text (`.article-body`, `.story-text`, whatever
 * the class), so the headline, lead, byline and share bar above it stay out; `main` itself when
 * its paragraphs are spread over several blocks.
 */
function articleBodyOf(main: HTMLElement): HTMLElement {
  for (const el of main.querySelectorAll(INLINE_BOILERPLATE)) el.remove();
  const credit = new Map<HTMLElement, number>();
  let total = 0;
  for (const p of paragraphsOf(main)) {
    const n = p.text.trim().length;
    total += n;
    const parent = p.parentNode as HTMLElement | null;
    if (parent !== null) credit.set(parent, (credit.get(parent) ?? 0) + n);
  }
  const [best, n] = [...credit.entries()].reduce<[HTMLElement | undefined, number]>((b, c) => (c[1] > b[1] ? c : b), [undefined, 0]);
  return best !== undefined && n >= 0.6 * total ? best : main;
}

/**
 * The first time shown in `el` and the name beside it, for a page whose markup says neither: the
 * nearest name before the time in the blocks around it (a post's header: name, then date).
 */
function shownByline(el: HTMLElement): { author?: string; published?: string } {
  const first = [...timesOf(el)].find(([, iso]) => iso !== '');
  if (first === undefined) return {};
  const [time, published] = first;
  let block = time.parentNode as HTMLElement | null;
  for (let i = 0; i < 4 && block !== null; i += 1, block = block.parentNode as HTMLElement | null) {
    const names: string[] = [];
    for (const leaf of block.querySelectorAll('*')) {
      if (leaf === time || isBefore(time, leaf)) break;
      const name = leafNameOf(leaf);
      if (name !== undefined) names.push(name);
    }
    if (names.length > 0) return { author: names[names.length - 1], published };
  }
  return { published };
}

/** True when `a` comes before `b` in document order (b is not inside a). */
function isBefore(a: HTMLElement, b: HTMLElement): boolean {
  return a.range[0] < b.range[0];
}

/**
 * The article's author from its byline, when no metadata names one: the words beside the first
 * `<time>` ("Par Aurélie Chassagne · <time>…"), without "Par"/"By" and separators.
 */
function bylineAuthor(root: HTMLElement): string | undefined {
  const time = root.querySelector('time');
  let block = time?.parentNode as HTMLElement | null | undefined;
  for (let i = 0; i < 2 && block !== null && block !== undefined; i += 1, block = block.parentNode as HTMLElement | null) {
    const words = block.text.replace(time?.text ?? '', ' ').replace(/\s+/gu, ' ').replace(/^\s*(?:par|by|de)\s+/iu, '').replace(/[\s·|•,–-]+$/u, '').replace(/^[\s·|•,–-]+/u, '').trim();
    if (words === '') continue;
    return words.length <= 60 && words.split(' ').length <= 6 ? words : undefined;
  }
  return undefined;
}

/**
 * Take elements out of the tree, each parent's children filtered once. node-html-parser's remove()
 * filters the parent's whole child list for every element: removing the 75 000 comments of one
 * list took 75 s and 1.2 GB; grouped by parent it is linear.
 */
function removeAll(elements: Iterable<Node>): void {
  const byParent = new Map<HTMLElement, Set<Node>>();
  for (const el of elements) {
    const parent = el.parentNode;
    if (parent === null) continue;
    const siblings = byParent.get(parent);
    if (siblings === undefined) byParent.set(parent, new Set([el]));
    else siblings.add(el);
  }
  for (const [parent, gone] of byParent) {
    parent.childNodes = parent.childNodes.filter((child) => !gone.has(child));
    for (const el of gone) el.parentNode = null as unknown as HTMLElement;
  }
}

/** The text a reader sees: blocks on their own lines, entities decoded. */
const textOf = (el: HTMLElement): string => el.structuredText.trim();

function attr(root: HTMLElement, selector: string, name: string): string | undefined {
  const v = root.querySelector(selector)?.getAttribute(name)?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** A date from `datetime`/`content` attributes or the element's text; undefined when unreadable. */
function dateOf(el: HTMLElement | undefined): string | undefined {
  if (el === undefined) return undefined;
  for (const raw of [el.getAttribute('datetime'), el.getAttribute('content'), el.getAttribute('title'), el.text]) {
    if (raw === undefined) continue;
    // Hacker News writes `title="2023-05-01T12:00:00 1682942400"`: the ISO date, then a Unix time.
    const iso = parseDate(raw) ?? parseDate(raw.trim().split(/\s+/u)[0] ?? '');
    if (iso !== undefined) return iso;
  }
  return undefined;
}

/** The `charset` an HTML file declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head)?.[1];
}

/**
 * Comments of the first thread style that finds some, with reply parents from the nesting; else the
 * comments inferred, with what the inference guessed (`inferred`, also when it found none).
 */
function readComments(root: HTMLElement): { style?: string; items: HTMLElement[]; comments: ParsedComment[]; inferred?: InferredComments } {
  for (const style of THREAD_STYLES) {
    const items = root.querySelectorAll(style.item).filter((el) => el.querySelector(style.text) !== null || style.text === '');
    if (items.length === 0) continue;
    const itemSet = new Set(items);
    const owner = (el: HTMLElement): HTMLElement | undefined => {
      for (let p = el.parentNode as HTMLElement | null; p !== null; p = p.parentNode as HTMLElement | null) if (itemSet.has(p)) return p;
      return undefined;
    };
    // Selectors of a list are tried in turn: ".comment-content" before the ".comment-body" around it.
    const own = (item: HTMLElement, selectors: string): HTMLElement | undefined => {
      for (const selector of selectors.split(', ')) {
        const found = item.querySelectorAll(selector).find((el) => owner(el) === item);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    const indexOf = new Map<HTMLElement, number>(items.map((el, i) => [el, i]));
    // Indented threads: a comment answers the nearest comment above it with a smaller indentation.
    const indentParents: (number | undefined)[] = [];
    if (style.indent !== undefined) {
      const stack: { level: number; index: number }[] = [];
      items.forEach((item, i) => {
        const level = Number(item.querySelector(style.indent?.selector ?? '')?.getAttribute(style.indent?.attribute ?? '') ?? 0) || 0;
        while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
        indentParents.push(stack[stack.length - 1]?.index);
        stack.push({ level, index: i });
      });
    }
    const comments = items.map((item, i): ParsedComment => {
      const textEl = own(item, style.text)?.clone() as HTMLElement | undefined;
      if (textEl !== undefined) removeAll(textEl.querySelectorAll([CODE, FURNITURE, style.noise].filter((x) => x !== '').join(', ')));
      const author = own(item, style.author);
      const parent = owner(item);
      return {
        author: author === undefined ? undefined : (textOf(author).replace(/\s+(?:dit|says)\s*:?$/iu, '').trim() || undefined),
        published: dateOf(own(item, style.date)),
        text: textEl === undefined ? '' : textOf(textEl),
        parentIndex: style.indent !== undefined ? indentParents[i] : parent === undefined ? undefined : indexOf.get(parent),
      };
    });
    return { style: style.name, items, comments };
  }
  const inferred = inferComments(root);
  return inferred.items.length === 0 ? { items: [], comments: [], inferred } : { style: INFERRED, items: inferred.items, comments: inferred.comments, inferred };
}

/**
 * The rows saying what an inference guessed, so that a reader of the reports can tell which pages'
 * comments rest on a guess: the repeated element read as a comment and how many, how many answer
 * another, and the dated blocks with a name set aside as page furniture or links to other pages.
 */
function inferenceDiagnostics({ comments, shape, setAside }: InferredComments): FormatDiagnostic[] {
  const aside = setAside === 0 ? '' : `${setAside} dated block${setAside > 1 ? 's' : ''} with a name set aside as page furniture or links to other pages (related articles)`;
  if (comments.length === 0) return aside === '' ? [] : [{ level: 'info', code: 'links-not-comments', message: `${aside}; no comments inferred` }];
  const replies = comments.filter((c) => c.parentIndex !== undefined).length;
  return [{
    level: 'info', code: 'thread-inferred',
    message: `thread read from ${comments.length} repeated \`${shape ?? '?'}\` blocks holding a name, a time and words (no known comment markup), ${replies} of them answering another${aside === '' ? '' : `; ${aside}`}`,
  }];
}

/**
 * The first element, in document order, that `.comments-title, #comments h2, #comments h3,
 * .comments h2, .comments h3` selects: one walk, the attribute source searched before any attribute
 * is parsed (the selector engine tried each selector on every element of the page).
 */
function commentsHeading(root: HTMLElement): HTMLElement | undefined {
  const stack: [HTMLElement, boolean][] = [[root, false]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [el, inArea] = top;
    const mentions = el !== root && el.rawAttrs.includes('comments');
    const classes = mentions ? el.classList : undefined;
    if (classes?.contains('comments-title') === true || (inArea && (el.tagName === 'H2' || el.tagName === 'H3'))) return el;
    const area = inArea || (mentions && (el.id === 'comments' || classes?.contains('comments') === true));
    for (let k = el.childNodes.length - 1; k >= 0; k -= 1) {
      const n = el.childNodes[k]!;
      if (n.nodeType === NodeType.ELEMENT_NODE) stack.push([n as HTMLElement, area]);
    }
  }
  return undefined;
}

/** "12 commentaires", "3 réponses à « … »", "Comments (7)" in a comment area's heading. */
function declaredCount(root: HTMLElement): number | undefined {
  const heading = commentsHeading(root);
  if (heading === undefined) return undefined;
  const m = /(\d+)\s*(?:commentaires?|réponses?|comments?|replies)|(?:commentaires?|comments?)\s*\(\s*(\d+)\s*\)/iu.exec(heading.text);
  const n = m?.[1] ?? m?.[2];
  return n === undefined ? undefined : Number(n);
}

/**
 * An HTML page: metadata (Open Graph, schema.org microdata, `<time datetime>`), the article text
 * from its `<article>`/`<main>`/microdata body, and the comment list where its markup shows one.
 * With no main element and no comments, the body text is one article unit and a diagnostics row says so.
 * A page nested past MAX_HTML_DEPTH is skipped with a row (the text walk recurses on depth).
 */
export function readHtml(html: string): FormatResult {
  const diagnostics: FormatDiagnostic[] = [];
  const tooDeep: FormatResult = { records: [], diagnostics: [{ level: 'error', code: 'too-deep', message: `elements nested more than ${MAX_HTML_DEPTH} deep; file skipped` }] };
  if (htmlTagsNestDeeperThan(html, MAX_HTML_DEPTH)) return tooDeep;
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  if (htmlNestsDeeperThan(root, MAX_HTML_DEPTH)) return tooDeep;
  removeAll(root.querySelectorAll(CODE));

  // Comments first, then their markup goes: a comment's author or <time> is never the article's.
  const nCommentsDeclared = declaredCount(root);
  const { style, items, comments, inferred } = readComments(root);
  if (inferred !== undefined) diagnostics.push(...inferenceDiagnostics(inferred));
  removeAll([...root.querySelectorAll(COMMENT_AREAS), ...items]);

  const metas = root.getElementsByTagName('meta');
  // The `content` of the first `<meta>` whose attribute `key` is `value`, as `attr(root, 'meta[key="value"]', 'content')` read it.
  const meta = (key: string, value: string): string | undefined => {
    const v = metas.find((m) => m.getAttribute(key) === value)?.getAttribute('content')?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const title = meta('property', 'og:title') ?? attr(root, '[itemprop="headline"]', 'content')
    ?? (root.querySelector('[itemprop="headline"], article h1, h1') ?? root.querySelector('title'))?.text.trim();
  const site = meta('property', 'og:site_name') ?? attr(root, '[itemtype$="schema.org/Organization"] [itemprop="name"]', 'content');
  const url = meta('property', 'og:url') ?? attr(root, 'link[rel="canonical"]', 'href');
  const authorEl = root.querySelector('article [itemprop="author"] [itemprop="name"], [itemprop="author"] [itemprop="name"], article [itemprop="author"], [rel="author"]');
  const author = meta('name', 'author') ?? meta('property', 'article:author') ?? (authorEl === null ? undefined : authorEl.getAttribute('content') ?? (textOf(authorEl) || undefined));
  const published = parseDate(meta('property', 'article:published_time') ?? '')
    ?? dateOf(root.querySelector('[itemprop="datePublished"]') ?? undefined)
    ?? dateOf(root.querySelector('article time[datetime]') ?? root.querySelector('time[datetime]') ?? undefined);
  // Inferred markup names neither: the first time shown in the main block, and the name before it.
  const shown = style === INFERRED && (published === undefined || author === undefined)
    ? shownByline(MAIN_TEXT.map((sel) => root.querySelector(sel)).find((el) => el !== null) ?? root) : {};
  const byline = author === undefined ? (bylineAuthor(root) ?? shown.author) : undefined;
  removeAll([...root.querySelectorAll(`${FURNITURE}, ${BOILERPLATE}`), ...roleFurniture(root)]);

  const main = MAIN_TEXT.map((s) => root.querySelector(s)).find((el) => el !== null && textOf(el) !== '');
  let body: string;
  if (main !== undefined && main !== null) body = textOf(articleBodyOf(main));
  else {
    body = textOf(root.querySelector('body') ?? root);
    if (style === undefined) diagnostics.push({ level: 'info', code: 'no-thread-recognised', message: 'no article element and no comment list recognised in the HTML; the whole body text is one article unit' });
  }
  // A forum topic has no article outside its posts: the first post is the article.
  const first = comments[0];
  const paragraphs = paragraphsOf(root).reduce((n, p) => n + p.text.trim().length, 0);
  if (first !== undefined && style === INFERRED && paragraphs < MIN_ARTICLE_CHARS) {
    diagnostics.push({ level: 'info', code: 'first-post-as-article', message: `no article text outside the ${comments.length} posts; the first post is read as the article` });
    const shift = (i: number | undefined): number | undefined => (i === undefined || i === 0 ? undefined : i - 1);
    // A post quoting the first one quotes the article (-1).
    const rest = comments.slice(1).map((c) => ({ ...c, parentIndex: shift(c.parentIndex), ...(c.quotesIndex === undefined ? {} : { quotesIndex: c.quotesIndex - 1 }) }));
    const page: ParsedPage = {
      site, url, title: title === '' ? undefined : title, author: first.author, published: first.published,
      langHint: langHint(root.querySelector('html')?.getAttribute('lang')), nCommentsDeclared, body: first.text, comments: rest,
    };
    return { records: [{ page }], diagnostics };
  }
  const page: ParsedPage = {
    site, url, title: title === '' ? undefined : title, author: author ?? byline, published: published ?? shown.published,
    langHint: langHint(root.querySelector('html')?.getAttribute('lang')), nCommentsDeclared, body, comments,
  };
  return { records: [{ page }], diagnostics };
}
