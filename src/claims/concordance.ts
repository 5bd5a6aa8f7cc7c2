import { terminalSafe } from '../text/terminal-safe.js';

/** One row of claim_mentions.csv, as read back for the terminal concordance. */
export interface ConcordanceRow {
  readonly claim_id: string;
  readonly unit_id: string;
  readonly match: string;
  readonly left_context: string;
  readonly right_context: string;
}

/** Characters of context shown on each side of the match by default. */
export const CONCORDANCE_CONTEXT = 50;

// Contexts are comment text, untrusted: no control character (ESC, BEL) reaches the terminal.
function oneLine(s: string): string {
  return terminalSafe(s).replace(/\s+/gu, ' ');
}

/**
 * Key-word-in-context lines for one claim: left context right-aligned, the match in [brackets] in
 * one column, right context after, the unit id first. Same rows → same lines, in the rows' order.
 */
export function formatConcordance(rows: readonly ConcordanceRow[], claimId: string, context = CONCORDANCE_CONTEXT): string[] {
  const mine = rows.filter((r) => r.claim_id === claimId);
  const ids = mine.map((r) => oneLine(r.unit_id)); // record ids are data too
  const idWidth = Math.max(0, ...ids.map((id) => id.length));
  return mine.map((r, i) => {
    const left = oneLine(r.left_context).trimEnd();
    const clippedLeft = left.length > context ? `…${left.slice(left.length - context + 1)}` : left;
    const right = oneLine(r.right_context).trimStart();
    const clippedRight = right.length > context ? `${right.slice(0, context - 1)}…` : right;
    // "l’[État]" stays glued to its elision, "[terminer]." to its punctuation.
    const before = /['’]$/u.test(clippedLeft) || clippedLeft === '' ? '' : ' ';
    const after = /^[\p{L}\p{N}«“"(]/u.test(clippedRight) ? ' ' : '';
    return `${ids[i]!.padEnd(idWidth)}  ${`${clippedLeft}${before}`.padStart(context + 1)}[${oneLine(r.match)}]${after}${clippedRight}`;
  });
}
