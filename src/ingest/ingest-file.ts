import { createHash } from 'node:crypto';
import type { Diagnostic, Document } from '../model.js';
import { decodeBytes, looksBinary } from './decode.js';
import { DEFAULT_FIELD_MAP, type FieldMap } from './formats/flat-records.js';
import { type FormatResult, sizeLabel } from './formats/format.js';
import { readCsv } from './formats/read-csv.js';
import { readHtml, sniffHtmlCharset } from './formats/read-html.js';
import { readJson } from './formats/read-json.js';
import { readJsonLines } from './formats/read-jsonl.js';
import type { PageLayout } from './layouts/layout.js';
import { authorLineThreadLayout } from './layouts/author-line-thread.js';
import { blankLineThreadLayout } from './layouts/blank-line-thread.js';
import { chatLinesLayout } from './layouts/chat-lines.js';
import { meetingChatLayout } from './layouts/meeting-chat.js';
import { signedPostsLayout } from './layouts/signed-posts.js';
import { speakerTurnsLayout } from './layouts/speaker-turns.js';
import { mailChainLayout } from './layouts/mail-chain.js';
import { headerBlockThreadLayout } from './layouts/header-block-thread.js';
import { dayChatLayout } from './layouts/day-chat.js';
import { saidCommentsLayout } from './layouts/said-comments.js';
import { fediverseThreadLayout } from './layouts/fediverse-thread.js';
import { forumLikesThreadLayout } from './layouts/forum-likes-thread.js';
import { hnThreadLayout } from './layouts/hn-thread.js';
import { inferredThreadLayout } from './layouts/inferred-thread.js';
import { DEFAULT_LINE_CUES, type LineCueSet, withPageMemo } from './layouts/line-cues.js';
import { lemmyThreadLayout } from './layouts/lemmy-thread.js';
import { plainTextLayout } from './layouts/plain-text.js';
import { splitLines } from './layouts/text-lines.js';
import { wordpressThreadLayout } from './layouts/wordpress-thread.js';
import { MIN_CONFIDENCE, readLineRoles } from './line-roles/line-role-reader.js';
import type { LineRoleModel } from './line-roles/role-model.js';
import { LINE_ROLE_MODEL } from './line-roles/shipped-model.js';
import { buildDocument } from './page.js';
import { explainsBetter, headersConsistent, withCueMetadata, withRecordMetadata } from './better-reading.js';
import { readTemplateThread } from './template/template-thread.js';

/**
 * Scraped-page layouts, most specific first; the last one always recognises. The layouts written
 * for one site family are fast paths; then the generic shapes no header-first reading fits (a meeting's chat file, a chat
 * one message a line, posts closed by their signature, speakers' turns of minutes, messages under their raw headers, a mail thread newest first, a chat under day separators, comments opened by "X a dit…" and dated under their words); the inferred reader reads any other page
 * with dated headers.
 */
export const TEXT_LAYOUTS: readonly PageLayout[] = [
  wordpressThreadLayout,
  hnThreadLayout,
  lemmyThreadLayout,
  forumLikesThreadLayout,
  meetingChatLayout,
  chatLinesLayout,
  signedPostsLayout,
  speakerTurnsLayout,
  headerBlockThreadLayout,
  mailChainLayout,
  dayChatLayout,
  saidCommentsLayout,
  inferredThreadLayout,
  fediverseThreadLayout,
  authorLineThreadLayout,
  blankLineThreadLayout,
  plainTextLayout,
];

/** File extensions the run reads; anything else is listed in diagnostics and skipped. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl', '.csv'] as const;
type Extension = (typeof SUPPORTED_EXTENSIONS)[number];

/**
 * Largest file of one page (`.txt`, `.html`) read, in bytes. A scraped page with a long thread is
 * well under 1 MB; past this it is a dump or a broken scrape (a 50 MB single line), and analysing
 * it would hold the run for minutes. Exports holding many documents are limited per record instead.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Largest file of any kind read, in bytes: a JSON file is parsed whole; larger exports go in JSON
 * Lines or CSV, split into files of this size.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** What one corpus file gave before analysis. */
export interface IngestResult {
  readonly sha256: string;
  readonly documents: readonly Document[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Corpus-relative path without extension, `%` and `#` percent-encoded (`#` separates a record id):
 * the document id of a one-page file, before collisions between files (see corpusDocIds).
 */
export function docIdFor(file: string): string {
  return file.replace(/\.[^./]+$/u, '').replace(/[%#]/gu, (c) => (c === '%' ? '%25' : '%23'));
}

/** Structured documents → Documents with `path#record-id` ids, made unique within the file. */
function buildRecords(file: string, base: string, sha256: string, read: FormatResult): IngestResult {
  const diagnostics: Diagnostic[] = [];
  const documents: Document[] = [];
  const taken = new Set<string>();
  const docIdOf = new Map<string, string>();
  for (const record of read.records) {
    let docId = base;
    if (record.id !== undefined) {
      // Record ids are data ("../x", "a/b"): they only ever appear inside CSV cells, never in a path.
      docId = `${base}#${record.id}`;
      for (let n = 2; taken.has(docId); n += 1) docId = `${base}#${record.id}~${n}`;
      if (docId !== `${base}#${record.id}`) {
        diagnostics.push({ level: 'warning', code: 'duplicate-record-id', file, line: record.line, docId, message: `record id "${record.id}" is used by an earlier document of this file; this one is ${docId}` });
      }
      if (!docIdOf.has(record.id)) docIdOf.set(record.id, docId);
    }
    taken.add(docId);
    const built = buildDocument({ docId, file, sha256 }, record.page);
    documents.push(built.document);
    diagnostics.push(...built.diagnostics.map((d) => ({ ...d, line: d.line ?? record.line })));
  }
  const onePage = read.records.length === 1 && read.records[0]?.id === undefined;
  for (const { recordId, ...d } of read.diagnostics) {
    const docId = recordId === undefined ? (onePage ? base : undefined) : (docIdOf.get(recordId) ?? `${base}#${recordId}`);
    diagnostics.push({ ...d, file, docId });
  }
  return { sha256, documents, diagnostics };
}

/** How files are read: the export field names (aliases plus `--fields`). */
export interface IngestOptions {
  readonly fieldMap?: FieldMap;
  /** Line cues of the inferred reader (default: all); leave-one-kind-out scoring passes fewer. */
  readonly lineCues?: LineCueSet;
  /** The line-role model read pages no layout recognises (default: the shipped one; null: none, the page is one unit). */
  readonly lineRoleModel?: LineRoleModel | null;
  /** The file's document id (or the base of its records' ids), when the corpus listing had to make it unique. */
  readonly docId?: string;
}

/** Read one corpus file's bytes into documents. Never throws on bad input: problems come back as diagnostics. */
export function ingestFile(file: string, bytes: Uint8Array, options: IngestOptions = {}): IngestResult {
  const docId = options.docId ?? docIdFor(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fail = (code: string, message: string): IngestResult => ({
    sha256, documents: [], diagnostics: [{ level: 'error', code, file, docId, message }],
  });
  if (bytes.length === 0) return fail('empty-file', 'the file is empty');
  if (looksBinary(bytes)) return fail('binary-file', 'the file is binary, not text');
  const extension = (/\.[^./]+$/u.exec(file)?.[0]?.toLowerCase() ?? '') as Extension;
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return fail('unsupported-format', `unsupported file type "${extension || '(none)'}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  const onePage = extension === '.txt' || extension === '.html' || extension === '.htm';
  const limit = onePage ? MAX_PAGE_BYTES : MAX_FILE_BYTES;
  if (bytes.length > limit) {
    const what = onePage ? 'one page' : 'one file (split it into several files)';
    return fail('file-too-large', `the file holds ${sizeLabel(bytes.length)}, over the ${sizeLabel(limit)} limit for ${what}; skipped`);
  }
  const isHtml = extension === '.html' || extension === '.htm';
  const { text, replaced } = decodeBytes(bytes, isHtml ? sniffHtmlCharset(bytes) : undefined);
  if (text.trim() === '') return fail('empty-file', 'the file holds only white space');
  const decoding: Diagnostic[] = replaced === undefined || replaced === 0 ? [] : [{
    level: 'warning', code: 'invalid-utf8', file, docId,
    message: `${replaced} invalid UTF-8 byte sequence${replaced === 1 ? '' : 's'} replaced by U+FFFD (the rest of the file is UTF-8)`,
  }];
  const read = readText(file, docId, sha256, extension, text, options);
  return decoding.length === 0 ? read : { ...read, diagnostics: [...decoding, ...read.diagnostics] };
}

/** A layout reading with the page's cue set; the site layouts read no cues and stay as they are. */
const withCues = (layout: PageLayout, cues: LineCueSet): PageLayout => layout.withCues?.(cues) ?? layout;

/**
 * A text copy's page: the first layout that recognises it, the site layouts first. Then the generic
 * readings: the inferred layout's (generic cues), else the first later layout's. A reading whose
 * headers are consistent (`headersConsistent`: every comment named, dated all alike) is kept as it
 * is; otherwise the line-role model reads the page too, and when it is confident (MIN_CONFIDENCE) it
 * is compared with the inferred layout's reading (the one that explains the page better is kept) or
 * replaces a later layout's. When nothing recognises the page, the model at any confidence (its
 * diagnostics row says it is unsure), else the whole page as one article unit.
 */
function readTextPage(text: string, lines: readonly string[], options: IngestOptions): ReturnType<PageLayout['parse']> {
  // The readings of one page share the date and name cues of its lines and segments.
  const cues = withPageMemo(options.lineCues ?? DEFAULT_LINE_CUES);
  const read = readTextPageByCuesAndModel(text, lines, options, cues);
  // A reading whose headers are read alike on every comment, or with every comment named and dated,
  // has nothing to take from the page's template; otherwise the template's records (headers induced from repetition, template/) give
  // the units they place the author and date they lack. They do not move its boundaries: on the
  // development set's eighth-held-out kinds, records replacing the reading cost units (docs/thread-reader.md, Tenth pass).
  if (headersConsistent(read.page) || read.page.comments.every((c) => c.author !== undefined && c.published !== undefined)) return read;
  const byTemplate = readTemplateThread(lines, cues);
  return byTemplate === undefined ? read : { ...read, page: withRecordMetadata(read.page, byTemplate.page) };
}

/** The reading of a text copy by the site layouts, the generic cues and the line-role model. */
function readTextPageByCuesAndModel(text: string, lines: readonly string[], options: IngestOptions, cues: LineCueSet): ReturnType<PageLayout['parse']> {
  const model = options.lineRoleModel === undefined ? LINE_ROLE_MODEL : options.lineRoleModel;
  const generic = TEXT_LAYOUTS.indexOf(inferredThreadLayout);
  for (const layout of TEXT_LAYOUTS.slice(0, generic)) {
    const parsed = readWith(withCues(layout, cues), text, lines);
    if (parsed !== undefined) return parsed;
  }
  const byCues = withCues(inferredThreadLayout, cues).read?.(text, lines);
  let byLayout = byCues;
  for (const layout of TEXT_LAYOUTS.slice(generic + 1)) {
    if (byLayout !== undefined || layout === plainTextLayout) break;
    byLayout = readWith(layout, text, lines);
  }
  // Headers read alike on every comment: the model is read only when a comment is left unnamed or
  // dated unlike the others (a header missed, a split in the wrong place). This skips it on pages
  // where, confident, it could still have won with as many comments all named and dated (a tie, or
  // more of them): on the development set the cues' reading was as good or better there, and the
  // model costs more than all the layouts together (docs/thread-reader.md, Speed).
  if (byLayout !== undefined && headersConsistent(byLayout.page)) return byLayout;
  // With a generic reading to fall back on, only a confident model can change the page's units: the
  // model stops reading the page once it cannot reach MIN_CONFIDENCE (exact; most of the bench's
  // generated pages, read by the blank-line layout, docs/thread-reader.md, Speed).
  const byModel = model === null ? undefined : readLineRoles(lines, model, cues, MIN_CONFIDENCE, byLayout !== undefined);
  if (byModel !== undefined && byModel.confidence >= MIN_CONFIDENCE) {
    // A confident model against the generic cues: the reading that explains the page better.
    if (byCues === undefined) return byModel;
    return explainsBetter(byCues.page, byModel.page) ? byCues : { ...byModel, page: withCueMetadata(byModel.page, byCues.page) };
  }
  return byLayout ?? byModel ?? plainTextLayout.parse(text, lines);
}

/** One layout's reading of a page, or undefined when it does not recognise it. */
const readWith = (layout: PageLayout, text: string, lines: readonly string[]): ReturnType<PageLayout['parse']> | undefined =>
  (layout.read !== undefined ? layout.read(text, lines) : layout.recognise(text, lines) ? layout.parse(text, lines) : undefined);

function readText(file: string, docId: string, sha256: string, extension: Extension, text: string, options: IngestOptions): IngestResult {
  const fieldMap = options.fieldMap ?? DEFAULT_FIELD_MAP;
  const fileName = file.slice(file.lastIndexOf('/') + 1);
  switch (extension) {
    case '.jsonl': return buildRecords(file, docId, sha256, readJsonLines(text, fileName, fieldMap));
    case '.json': return buildRecords(file, docId, sha256, readJson(text, fileName, fieldMap));
    case '.csv': return buildRecords(file, docId, sha256, readCsv(text, fieldMap, fileName));
    case '.html':
    case '.htm': return buildRecords(file, docId, sha256, readHtml(text));
    case '.txt': {
      const parsed = readTextPage(text, splitLines(text), options);
      const built = buildDocument({ docId, file, sha256 }, parsed.page);
      return {
        sha256,
        documents: [built.document],
        diagnostics: [...parsed.diagnostics.map((d) => ({ ...d, file, docId })), ...built.diagnostics],
      };
    }
  }
}
