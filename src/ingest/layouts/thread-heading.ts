import { isBlank } from './text-lines.js';

// "Commentaires (10)", "Comments (7)", "12 commentaires", "Réactions", "3 réponses :",
// WordPress's "3 réponses à « Titre »" and "2 commentaires sur « Titre »"
const HEADING = /^(?:(?:commentaires?|comments?|réactions?|discussion)\s*(?:\(\s*(\d+)\s*\))?|(\d+|une|un)\s+(?:commentaires?|comments?|réactions?|réponses?)(?:\s+(?:à|sur|pour)\s+[«“"].{1,200}[»”"])?)\s*:?$/iu;

/** A comment-section heading and the count it announces, if any. */
export interface CommentHeading {
  readonly index: number;
  readonly declared?: number;
}

/** The heading a line is, or undefined: "Commentaires (10)" → { declared: 10 }. */
export function parseCommentHeading(line: string, index: number): CommentHeading | undefined {
  const m = HEADING.exec(line.trim());
  if (m === null) return undefined;
  const count = m[1] ?? m[2];
  if (count === undefined) return { index };
  return { index, declared: /^\d+$/u.test(count) ? Number(count) : 1 };
}

/** Every comment-section heading of the page, in order. */
export function findCommentHeadings(lines: readonly string[]): CommentHeading[] {
  const out: CommentHeading[] = [];
  lines.forEach((line, i) => {
    if (isBlank(line)) return;
    const h = parseCommentHeading(line, i);
    if (h !== undefined) out.push(h);
  });
  return out;
}

/** The last heading before line `before` (pages repeat an empty "Commentaires (0)" widget above the real one). */
export function headingBefore(lines: readonly string[], before: number): CommentHeading | undefined {
  return findCommentHeadings(lines.slice(0, before)).at(-1);
}
