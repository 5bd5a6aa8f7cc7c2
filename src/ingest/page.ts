import type { Diagnostic, DocId, Document, Unit } from '../model.js';
import { foldWhiteSpace } from '../text/normalise.js';

/** A comment as a layout parser finds it, before ids are assigned. */
export interface ParsedComment {
  readonly author?: string;
  readonly published?: string;
  readonly text: string;
  /** Index in `comments` of the comment this one answers; -1 for the article (a mail answering the first one). */
  readonly parentIndex?: number;
  /** Index in `comments` of a comment this one quotes ("X a écrit :"); -1 for the article body. */
  readonly quotesIndex?: number;
}

/** What a layout parser or structured reader extracts from one page. */
export interface ParsedPage {
  readonly site?: string;
  readonly url?: string;
  readonly title?: string;
  readonly author?: string;
  readonly published?: string;
  readonly langHint?: string;
  readonly nCommentsDeclared?: number;
  readonly body: string;
  readonly comments: readonly ParsedComment[];
}

/** Where a page came from, for ids and diagnostics. */
export interface PageSource {
  readonly docId: DocId;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Turn a parsed page into a Document: unit ids, kinds, reply depth, white space folded.
 * Empty comments and dangling parents become diagnostics, not units or crashes.
 */
export function buildDocument(source: PageSource, page: ParsedPage): { document: Document; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { docId } = source;
  const units: Unit[] = [{ id: `${docId}#0`, docId, position: 0, kind: 'article', author: page.author, published: page.published, depth: 0, text: foldWhiteSpace(page.body) }];
  const positionOf = new Map<number, number>();
  page.comments.forEach((c, index) => {
    const text = foldWhiteSpace(c.text);
    if (text === '') {
      diagnostics.push({ level: 'info', code: 'empty-comment', file: source.file, docId, message: `comment ${index + 1} has no text of its own and was skipped` });
      return;
    }
    const position = units.length;
    positionOf.set(index, position);
    let parentId: string | undefined;
    let depth = 0;
    if (c.parentIndex === -1) {
      parentId = `${docId}#0`;
      depth = 1;
    } else if (c.parentIndex !== undefined) {
      const parentPos = positionOf.get(c.parentIndex);
      const parent = parentPos === undefined ? undefined : units[parentPos];
      if (parent === undefined) {
        diagnostics.push({ level: 'warning', code: 'missing-parent', file: source.file, docId, unitId: `${docId}#${position}`, message: `reply to comment ${c.parentIndex + 1}, which is not in the page; kept as a top-level comment` });
      } else {
        parentId = parent.id;
        depth = parent.depth + 1;
      }
    }
    let quotesId: string | undefined;
    if (c.quotesIndex === -1) quotesId = `${docId}#0`;
    else if (c.quotesIndex !== undefined) {
      const q = positionOf.get(c.quotesIndex);
      if (q !== undefined) quotesId = `${docId}#${q}`;
    }
    units.push({
      id: `${docId}#${position}`, docId, position,
      kind: parentId === undefined ? 'comment' : 'reply',
      author: c.author, published: c.published, parentId, depth, quotesId, text,
    });
  });
  const nComments = units.length - 1;
  if (page.nCommentsDeclared !== undefined && page.nCommentsDeclared !== nComments) {
    diagnostics.push({ level: 'warning', code: 'comment-count-mismatch', file: source.file, docId, message: `the page announces ${page.nCommentsDeclared} comments, ${nComments} were found` });
  }
  const document: Document = {
    id: docId, file: source.file, sha256: source.sha256,
    site: page.site, url: page.url, title: page.title, author: page.author, published: page.published,
    langHint: page.langHint, nCommentsDeclared: page.nCommentsDeclared, units,
  };
  return { document, diagnostics };
}
