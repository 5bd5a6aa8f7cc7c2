import { parse } from 'node-html-parser';

/** A tag (`<p>`, `</b>`, `<br/>`, `<a href="…">`) or an entity (`&quot;`, `&#8217;`): text that holds markup. */
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/iu;

/** Elements whose content is never text, even in an export's `text` field. */
const NEVER_TEXT = 'script, style, noscript, template';

/**
 * The plain text of a field that may hold HTML: exporters often store a comment's HTML as-is
 * ("<p>Bravo&nbsp;!</p><p>Mais…</p>"). Text without tags or entities comes back unchanged, so a
 * comment writing "a < b" or "x > 3" is not touched.
 */
export function plainTextOf(value: string): string {
  if (!MARKUP.test(value)) return value;
  const root = parse(`<div>${value}</div>`, { comment: false, blockTextElements: { pre: true } });
  for (const el of root.querySelectorAll(NEVER_TEXT)) el.remove();
  return root.structuredText;
}
