import type { ParsedPage } from './page.js';

/**
 * Which of two readings of a text copy explains the page better: the one whose comments more often
 * carry what a comment header gives (an author and a date). A comment the reading could attach to
 * nobody, or left undated, is a header it missed or a split in the wrong place; on a tie the first
 * reading is kept.
 */

/** Comments with an author, plus comments with a date. */
function attributed(page: ParsedPage): number {
  let n = 0;
  for (const c of page.comments) {
    if (c.author !== undefined) n += 1;
    if (c.published !== undefined) n += 1;
  }
  return n;
}

/** True when `other` explains the page strictly better than `first`. */
export function explainsBetter(other: ParsedPage, first: ParsedPage): boolean {
  return attributed(other) > attributed(first);
}
