import { buildDocument, type ParsedComment, type ParsedPage } from '../../src/ingest/page.js';
import type { Document } from '../../src/model.js';

/**
 * A Document built the way ingestion builds one: makeDocument({ body: 'Article…', comments:
 * ['Bravo !', { text: 'Merci', parentIndex: 0 }] }). Comments may be plain strings.
 */
export function makeDocument(
  page: Omit<Partial<ParsedPage>, 'comments'> & { readonly body: string; readonly comments?: readonly (string | ParsedComment)[] },
  id = 'page',
): Document {
  const comments = (page.comments ?? []).map((c) => (typeof c === 'string' ? { text: c } : c));
  return buildDocument({ docId: id, file: `${id}.jsonl`, sha256: '0'.repeat(64) }, { ...page, comments }).document;
}
