import type { HTMLElement, Node } from 'node-html-parser';

/**
 * Deepest nesting of arrays and objects a JSON document may have. A document is an object with a
 * list of comments (depth 3, a few more with nested fields); `[` × 100 000 is a hostile file, and
 * JSON.stringify and the record walk recurse on depth (stack overflow at ~10 000).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Deepest element nesting an HTML page may have. Real pages stay under ~40; browsers stop nesting
 * at 512. node-html-parser parses 100 000 nested `<div>`s but its text extraction recurses on depth.
 */
export const MAX_HTML_DEPTH = 512;

/** True when the JSON text nests arrays and objects deeper than `limit`; one pass, strings skipped. */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** Elements without content or with an optional end tag: they do not count towards nesting when left open. */
const NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);

/**
 * True when the HTML source opens more than `limit` elements that are still open, counted on the
 * tags before parsing: node-html-parser's repair of unclosed elements at the end of the page is
 * quadratic in their number (20 000 unclosed `<div>`s: 23 s), so such a page is skipped unparsed.
 * Void elements and those whose end tag is optional (`<p>`, `<li>`…) do not count. One pass with
 * indexOf, no regular expression over the whole page: `<m?` × 17 500 without a `>` made a
 * backtracking pattern hang (found by the fuzz suite).
 */
export function htmlTagsNestDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  let i = html.indexOf('<');
  while (i !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) return false;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const close = html.indexOf('>', i + 1);
    if (close === -1) return false; // no tag is complete after this point
    const tag = /^<(\/?)([a-zA-Z][^\s/<>]*)/u.exec(html.slice(i, Math.min(close, i + 64)));
    if (tag === null) {
      i = html.indexOf('<', i + 1); // "<<div>": the tag starts at the next "<"
      continue;
    }
    let next = close + 1;
    const name = tag?.[2]?.toLowerCase();
    if (name !== undefined && html[close - 1] !== '/' && !NOT_NESTING.has(name)) {
      if (tag[1] === '/') depth = Math.max(0, depth - 1);
      else if (name === 'script' || name === 'style') {
        const end = new RegExp(`</${name}`, 'giu');
        end.lastIndex = close;
        next = end.exec(html)?.index ?? html.length;
      } else {
        depth += 1;
        if (depth > limit) return true;
      }
    }
    i = html.indexOf('<', next);
  }
  return false;
}

/** True when the parsed HTML tree nests elements deeper than `limit`; walked with a stack, not recursion. */
export function htmlNestsDeeperThan(root: HTMLElement, limit: number): boolean {
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > limit) return true;
    for (const child of top.node.childNodes) stack.push({ node: child, depth: top.depth + 1 });
  }
  return false;
}
