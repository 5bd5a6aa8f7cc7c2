import { createHash } from 'node:crypto';
import type { Diagnostic, Document } from '../model.js';
import { decodeBytes, looksBinary } from './decode.js';
import type { PageLayout } from './layouts/layout.js';
import { authorLineThreadLayout } from './layouts/author-line-thread.js';
import { blankLineThreadLayout } from './layouts/blank-line-thread.js';
import { fediverseThreadLayout } from './layouts/fediverse-thread.js';
import { forumLikesThreadLayout } from './layouts/forum-likes-thread.js';
import { hnThreadLayout } from './layouts/hn-thread.js';
import { lemmyThreadLayout } from './layouts/lemmy-thread.js';
import { plainTextLayout } from './layouts/plain-text.js';
import { wordpressThreadLayout } from './layouts/wordpress-thread.js';
import { buildDocument } from './page.js';

/** Scraped-page layouts, most specific first; the last one always recognises. */
export const TEXT_LAYOUTS: readonly PageLayout[] = [
  wordpressThreadLayout,
  hnThreadLayout,
  fediverseThreadLayout,
  lemmyThreadLayout,
  forumLikesThreadLayout,
  authorLineThreadLayout,
  blankLineThreadLayout,
  plainTextLayout,
];

/** File extensions the run reads; anything else is listed in diagnostics and skipped. */
export const SUPPORTED_EXTENSIONS = ['.txt'] as const;

/** What one corpus file gave before analysis. */
export interface IngestResult {
  readonly sha256: string;
  readonly documents: readonly Document[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Corpus-relative path without extension: the document id of a one-page file. */
export function docIdFor(file: string): string {
  return file.replace(/\.[^./]+$/u, '');
}

/** Read one corpus file's bytes into documents. Never throws on bad input: problems come back as diagnostics. */
export function ingestFile(file: string, bytes: Uint8Array): IngestResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const docId = docIdFor(file);
  const fail = (code: string, message: string): IngestResult => ({
    sha256, documents: [], diagnostics: [{ level: 'error', code, file, docId, message }],
  });
  if (bytes.length === 0) return fail('empty-file', 'the file is empty');
  if (looksBinary(bytes)) return fail('binary-file', 'the file is binary, not text');
  const extension = /\.[^./]+$/u.exec(file)?.[0]?.toLowerCase() ?? '';
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return fail('unsupported-format', `unsupported file type "${extension || '(none)'}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  const { text } = decodeBytes(bytes);
  if (text.trim() === '') return fail('empty-file', 'the file holds only white space');
  const layout = TEXT_LAYOUTS.find((l) => l.recognise(text)) ?? plainTextLayout;
  const parsed = layout.parse(text);
  const built = buildDocument({ docId, file, sha256 }, parsed.page);
  return {
    sha256,
    documents: [built.document],
    diagnostics: [...parsed.diagnostics.map((d) => ({ ...d, file, docId })), ...built.diagnostics],
  };
}
