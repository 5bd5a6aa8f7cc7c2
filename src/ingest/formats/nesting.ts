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

/** True when the parsed HTML tree nests elements deeper than `limit`; walked with a stack, not recursion. */
export function htmlNestsDeeperThan(root: HTMLElement, limit: number): boolean {
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > limit) return true;
    for (const child of top.node.childNodes) stack.push({ node: child, depth: top.depth + 1 });
  }
  return false;
}
