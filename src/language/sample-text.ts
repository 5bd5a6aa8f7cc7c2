import { letterLength } from '../text/char-class.js';

/**
 * Most characters a detector reads from one unit. eld itself stops at 1,000 characters; franc
 * reads everything, so an article of 50,000 characters would cost fifty times a comment.
 */
export const SAMPLE_CHARS = 999;

// Windows taken from a long text: its start, middle and end, so that a cookie banner or an
// English quotation at the top of an article does not decide the language of the whole page.
const WINDOWS = 3;

// Links and e-mail addresses are not words of any language ("https://www.lemonde.fr/…").
const NOT_WORDS = /\b(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

/**
 * False when NOT_WORDS cannot match: a link needs "://" or "www.", an address "@". Its address
 * half is tried at every letter of a text; these plain searches spare that on most units.
 */
function mayHoldLinks(text: string): boolean {
  return text.includes('@') || text.includes('://') || text.includes('www.');
}

function wordBounded(text: string, start: number, length: number): string {
  let from = start;
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < from + length / 2) from = space + 1;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + length / 2) to = space;
  }
  return text.slice(from, to);
}

/**
 * The text a detector reads: links and e-mail addresses removed, white space folded, and for a
 * long unit at most SAMPLE_CHARS characters taken from its start, middle and end, cut at spaces.
 */
export function sampleText(text: string, maxChars: number = SAMPLE_CHARS): string {
  // Runs of white space become one space; a lone space is left as it is (the same text, without
  // rewriting every space of a unit whose white space is already folded).
  const clean = (mayHoldLinks(text) ? text.replace(NOT_WORDS, ' ') : text).replace(/ \s+|[^\S ]\s*/gu, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const window = Math.floor((maxChars - (WINDOWS - 1)) / WINDOWS);
  const parts: string[] = [];
  for (let k = 0; k < WINDOWS; k++) {
    const start = Math.round(((clean.length - window) * k) / (WINDOWS - 1));
    parts.push(wordBounded(clean, start, window));
  }
  return parts.join(' ');
}

/** Letters in a text: the amount of evidence a detector had. */
export function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const w = letterLength(text, i);
    if (w > 0) n += 1;
    i += w > 0 ? w : 1;
  }
  return n;
}
