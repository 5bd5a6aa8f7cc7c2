import type { Span } from '../model.js';

/** Quotation marks that open and close with different characters and may nest: « « … » ». */
const GUILLEMET_OPEN = 0xab; // «
const GUILLEMET_CLOSE = 0xbb; // »
/** Marks that scraped text uses both ways round (” votre ”, "x", “x”): paired in order of appearance. */
const isTwoWay = (c: number): boolean => c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e; // " “ ” „

/**
 * Stretches of `text` inside quotation marks (the marks excluded): reported speech or a term held
 * at arm's length. A mark that is never closed opens nothing: an odd quote must not swallow the rest.
 */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let openAt = -1;
  let twoWayOpen = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === GUILLEMET_OPEN) {
      if (depth === 0) openAt = i + 1;
      depth += 1;
    } else if (c === GUILLEMET_CLOSE && depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push({ start: openAt, end: i });
    } else if (depth === 0 && isTwoWay(c)) {
      if (twoWayOpen < 0) twoWayOpen = i + 1;
      else {
        spans.push({ start: twoWayOpen, end: i });
        twoWayOpen = -1;
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** True when `span` lies wholly inside one of `quoted`. */
export function isInside(span: Span, quoted: readonly Span[]): boolean {
  return quoted.some((q) => q.start <= span.start && span.end <= q.end);
}
