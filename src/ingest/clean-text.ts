import { decodeHTML } from 'entities';

/**
 * Scraper artefacts in page text: raw markup the scraper kept (`<p>`, `<br>`, broken
 * `<img data-src=" />` smileys, links) and HTML entities, with or without their `;`
 * (`&lt;`, `&quot`, `&nbsp;`). Markup written *as text* by a commenter arrives escaped
 * (`&lt;img …`) and stays text: tags are removed first, entities decoded after.
 */

// Block-level tags become line breaks so that paragraphs stay apart.
const BLOCK_TAGS = /<\s*\/?\s*(?:p|br|div|li|ul|ol|blockquote|pre|h[1-6]|tr|table)\b[^<>]*>/giu;
// Inline tags and media vanish; their text content (if any) stays.
const INLINE_TAGS = /<\s*\/?\s*(?:img|a|span|i|b|em|strong|u|s|code|font|small|sup|sub|abbr|time|figure|figcaption|picture|source|iframe|video|audio|svg|button|label|input)\b[^<>]*>/giu;
// A tag cut by the scraper at a quote: `<img data-src=" />` followed by nothing closing it.
const BROKEN_IMG = /<img\b[^<>\n]*(?:\/>|>|$)/giu;

/** Remove raw markup, keeping block boundaries as line breaks. */
export function stripMarkup(text: string): string {
  // Every tag starts with "<": text without one has no markup.
  if (!text.includes('<')) return text;
  return text.replace(BROKEN_IMG, ' ').replace(BLOCK_TAGS, '\n').replace(INLINE_TAGS, '');
}

/** Raw markup removed, then HTML entities decoded (`&quot` without `;` too): the text a reader saw. */
export function cleanScrapedText(text: string): string {
  return decodeHTML(stripMarkup(text));
}
