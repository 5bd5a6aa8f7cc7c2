import { markdownQuote, type QuoteCandidate, quoteCandidate, quoteSource } from '../layouts/quotes.js';
import { isAnonymousLabel } from '../anonymous-label.js';
import type { ParsedComment, ParsedPage } from '../page.js';
import { type FormatDiagnostic, MAX_RECORD_CHARS, type ParsedRecord, sizeLabel } from './format.js';
import { langHint } from './lang-hint.js';
import { plainTextOf } from './markup.js';
import { parseDate, parseDayMonthYear } from './parse-date.js';
import { replyReferenceOf } from './reply-reference.js';

/** The fields of a flat export (one record per comment, grouped by document), as this tool names them. */
export const FLAT_FIELDS = ['doc_id', 'id', 'parent_id', 'text', 'author', 'published', 'kind', 'title', 'site', 'url', 'lang'] as const;
export type FlatField = (typeof FLAT_FIELDS)[number];

/**
 * Names exporters and scrapers write for each field, first preferred when a record holds several.
 * `id` means the comment's id here; in a nested document record it is the document's id.
 */
export const FIELD_ALIASES: Readonly<Record<FlatField, readonly string[]>> = {
  // A video's id comes before a thread's: in a video platform's export the video is the document and
  // `thread_id` names a comment thread under it; the uuid is the id every record of a video repeats.
  // `thread` is a comment-hosting service's thread id (one per page it serves comments for).
  doc_id: ['doc_id', 'video_uuid', 'video_id', 'thread_id', 'thread', 'article_id', 'post_id', 'story_id', 'topic_id', 'link_id', 'document_id', 'conversation_id', 'page_id'],
  id: ['comment_id', 'id', 'cid', 'message_id', 'reply_id'],
  parent_id: ['parent_id', 'parent', 'in_reply_to', 'reply_to', 'in_reply_to_id', 'parent_comment_id', 'in_reply_to_status_id', 'in_reply_to_comment_id', 'is_reply_to'],
  text: ['text', 'body', 'content', 'message', 'comment', 'comment_text', 'selftext', 'description'],
  // A nested poster object (an API's `account`, `from`, `user`, `author`: `from.name` in a CSV header)
  // names the author before a bare `name`, which is often the record's title (a video's name).
  author: ['author', 'user', 'username', 'author_name', 'user_name', 'screen_name', 'pseudo', 'author.name', 'account.display_name', 'user.name', 'from.name', 'account.name', 'name', 'creator'],
  published: ['published', 'date', 'created_at', 'timestamp', 'published_at', 'created_utc', 'created', 'created_time', 'datetime', 'time'],
  kind: ['kind', 'type', 'record_type'],
  title: ['title', 'headline'],
  site: ['site', 'source'],
  url: ['url', 'link', 'permalink'],
  lang: ['lang', 'language'],
};

/**
 * A source name as the aliases spell it: lower case, camelCase split with `_` (`createdAt` →
 * `created_at`, `inReplyToCommentId` → `in_reply_to_comment_id`, `account.displayName` →
 * `account.display_name`), as APIs and the scripts over them write their fields.
 */
export const fieldKeyOf = (name: string): string => name.trim().replace(/(?<=[a-z0-9])(?=[A-Z])/gu, '_').toLowerCase();

/** Source field name (lower case) → the field it fills, and the order in which names are preferred. */
export interface FieldMap {
  readonly fieldOf: ReadonlyMap<string, FlatField>;
  readonly rank: ReadonlyMap<string, number>;
}

/**
 * The aliases plus the user's own names (`--fields text=corps,author=pseudo`: field = name in the
 * export); a user's name wins over an alias.
 */
export function fieldMapOf(extra: Readonly<Record<string, string>> = {}): FieldMap {
  const fieldOf = new Map<string, FlatField>();
  const rank = new Map<string, number>();
  for (const [field, name] of Object.entries(extra)) {
    fieldOf.set(fieldKeyOf(name), field as FlatField);
    rank.set(fieldKeyOf(name), -1);
  }
  for (const field of FLAT_FIELDS) {
    FIELD_ALIASES[field].forEach((alias, i) => {
      if (fieldOf.has(alias)) return;
      fieldOf.set(alias, field);
      rank.set(alias, i);
    });
  }
  return { fieldOf, rank };
}

/** The default map, aliases only. */
export const DEFAULT_FIELD_MAP = fieldMapOf();

/**
 * Parse `--fields text=corps,author=pseudo`. Throws on a field this tool does not know, naming it:
 * configuration problems stop the run before any text is read.
 */
export function parseFieldsOption(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [field, name, ...rest] = pair.split('=').map((s) => s.trim());
    if (field === undefined || name === undefined || name === '' || rest.length > 0) throw new Error(`--fields: "${pair}" should be field=name`);
    if (!(FLAT_FIELDS as readonly string[]).includes(field)) throw new Error(`--fields: unknown field "${field}" (expected one of ${FLAT_FIELDS.join(', ')})`);
    out[field] = name;
  }
  return out;
}

/** One flat record with its fields under this tool's names; values as written, numbers as text. */
export interface FlatRow {
  readonly line?: number;
  readonly cells: Readonly<Partial<Record<FlatField, string>>>;
  /** Characters the record holds, for the per-document size limit. */
  readonly size: number;
}

const cellOf = (v: unknown): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v;
  return undefined;
};

/** Map a record's own names (object keys or CSV header) to fields: name → field, preferring the best-ranked name. */
export function columnsOf(names: readonly string[], map: FieldMap): { readonly pick: ReadonlyMap<FlatField, string>; readonly unknown: readonly string[] } {
  const pick = new Map<FlatField, string>();
  const unknown: string[] = [];
  for (const name of names) {
    const key = fieldKeyOf(name);
    const field = map.fieldOf.get(key);
    if (field === undefined) { unknown.push(name); continue; }
    const held = pick.get(field);
    if (held === undefined || (map.rank.get(key) ?? 0) < (map.rank.get(fieldKeyOf(held)) ?? 0)) {
      if (held !== undefined) unknown.push(held);
      pick.set(field, name);
    } else unknown.push(name);
  }
  return { pick, unknown };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record's values by name, a nested object's values (the poster an API nests as `account`) as
 * `account.displayName` instead of the object itself: an `author` object names its poster through
 * `author.name`, never as a whole.
 */
function namedValues(value: Record<string, unknown>): Map<string, unknown> {
  const named = new Map<string, unknown>();
  for (const [key, inner] of Object.entries(value)) if (!isPlainObject(inner)) named.set(key, inner);
  for (const [key, inner] of Object.entries(value)) {
    if (isPlainObject(inner)) for (const [sub, v] of Object.entries(inner)) if (!named.has(`${key}.${sub}`)) named.set(`${key}.${sub}`, v);
  }
  return named;
}

/** True when a JSON object is one flat record: it names its document (`doc_id`, `thread_id`…) or its parent, and holds no nested comments. */
export function isFlatRecord(value: unknown, map: FieldMap): boolean {
  if (!isPlainObject(value) || 'comments' in value) return false;
  const { pick } = columnsOf([...namedValues(value).keys()], map);
  return pick.has('doc_id') || pick.has('parent_id');
}

/** One JSON object → a flat row. Unknown keys are counted in `unknown` (a nested object only when none of its values was read). */
export function flatRowOfObject(value: Record<string, unknown>, map: FieldMap, line: number | undefined, unknown: Map<string, number>): FlatRow {
  const named = namedValues(value);
  const { pick, unknown: others } = columnsOf([...named.keys()], map);
  const read = new Set([...pick.values()].flatMap((name) => [name, name.slice(0, name.indexOf('.'))]));
  const nested = Object.keys(value).filter((k) => isPlainObject(value[k]));
  for (const k of [...others, ...nested]) if (Object.hasOwn(value, k) && !read.has(k)) unknown.set(k, (unknown.get(k) ?? 0) + 1);
  const cells: Partial<Record<FlatField, string>> = {};
  let size = 0;
  for (const [field, name] of pick) {
    const v = cellOf(named.get(name));
    if (v === undefined) continue;
    cells[field] = field === 'text' ? v : v.trim();
    size += v.length;
  }
  return { line, cells, size };
}

/** A Unix time of 9 to 13 digits (seconds, or milliseconds from 12 digits on) in milliseconds; undefined for anything else. */
export function unixMillisOf(raw: string): number | undefined {
  const unix = /^(\d{9,13})(?:\.\d+)?$/u.exec(raw.trim());
  if (unix === null) return undefined;
  const n = Number(unix[1]);
  return (unix[1]?.length ?? 0) >= 12 ? n : n * 1000;
}

/** A date of an export: what `parseDate` or `parseDayMonthYear` reads, or Unix time in seconds or milliseconds (UTC, as exporters write it). */
export function parseFlatDate(raw: string): string | undefined {
  const ms = unixMillisOf(raw);
  if (ms !== undefined) {
    const iso = new Date(ms).toISOString();
    return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
  }
  return parseDate(raw) ?? parseDayMonthYear(raw);
}

/** `kind` values that mark the row holding the article body. */
const ARTICLE_KINDS = new Set(['article', 'post', 'story', 'submission', 'question', 'status', 'root', 'video']);

interface FlatDocument {
  readonly docId: string;
  readonly rows: FlatRow[];
  size: number;
}

/**
 * A document whose first row holds no words, no title and no parent, and is the parent of others,
 * starts with the query's seed (a research tool's row for what it was asked to fetch): that row is
 * not a unit, and the rows under it are the thread's roots.
 */
function withoutSeedRow(doc: FlatDocument): void {
  const [first] = doc.rows;
  const id = first?.cells.id;
  if (first === undefined || id === undefined || first.cells.parent_id !== undefined || first.cells.title !== undefined) return;
  if ((first.cells.text ?? '').trim() !== '' || !doc.rows.some((r) => r.cells.parent_id === id)) return;
  doc.rows.shift();
  doc.rows.forEach((r, i) => {
    if (r.cells.parent_id !== id) return;
    const { parent_id: _seed, ...cells } = r.cells;
    doc.rows[i] = { ...r, cells };
  });
}

/** The row holding the article body, if any (index in `rows`). */
function articleRowOf(doc: FlatDocument, diagnostics: FormatDiagnostic[], onlyRootIsArticle: boolean): number | undefined {
  const kinded = doc.rows.some((r) => r.cells.kind !== undefined);
  if (kinded) {
    const found = doc.rows.findIndex((r) => ARTICLE_KINDS.has(r.cells.kind?.toLowerCase() ?? ''));
    doc.rows.forEach((r, i) => {
      if (i !== found && found !== -1 && ARTICLE_KINDS.has(r.cells.kind?.toLowerCase() ?? '')) {
        diagnostics.push({ level: 'warning', code: 'duplicate-article', line: r.line, recordId: doc.docId, message: `a second "article" row for this doc_id (the first is on line ${doc.rows[found]?.line}); kept as a comment` });
      }
    });
    return found === -1 ? undefined : found;
  }
  // Without a `kind`, the first row is the article when it answers nobody and looks like one: it has
  // a title, or no id while the comments have one, or the document's id, or it is the only root the
  // other rows hang from (unless another document of the file has several roots: an export of
  // comments alone, a thread per page it serves). Rows without ids or parents at all are all comments.
  const [first, ...others] = doc.rows;
  if (first === undefined || first.cells.parent_id !== undefined || others.length === 0) return undefined;
  const id = first.cells.id;
  if (first.cells.title !== undefined || id === doc.docId) return 0;
  if (id === undefined) return others.some((r) => r.cells.id !== undefined) ? 0 : undefined;
  return onlyRootIsArticle && others.every((r) => r.cells.parent_id !== undefined) ? 0 : undefined;
}

/** True when no document of the file has two rows answering nobody after its first: one root each, which can be the article. */
const oneRootEach = (docs: readonly FlatDocument[]): boolean => docs.every((d) => d.rows.slice(1).every((r) => r.cells.parent_id !== undefined));

/**
 * A comment's text without its paragraphs of "> " lines (a Markdown quote, as an API returns a
 * body), and the unit the first one quotes (-1 the article; undefined when found nowhere earlier).
 * A text that is nothing but quotes is kept whole.
 */
function withoutMarkdownQuotes(text: string, earlier: readonly QuoteCandidate[], article: QuoteCandidate): { text: string; quotesIndex?: number } {
  if (!/^[ \t]*>/mu.test(text)) return { text };
  // Paragraphs apart by a blank line, its line ends Windows' (CRLF) or not.
  const paragraphs = text.split(/\r?\n[ \t\r]*\n/u);
  const quoted = paragraphs.map((p) => markdownQuote(p.trim()));
  if (quoted.every((q) => q === undefined) || quoted.every((q) => q !== undefined)) return { text };
  const first = quoted.find((q) => q !== undefined);
  return {
    text: paragraphs.filter((_, i) => quoted[i] === undefined).join('\n\n'),
    quotesIndex: first === undefined ? undefined : quoteSource(first, undefined, earlier, article),
  };
}

/**
 * Flat rows (one per comment, and one for the article) → one document per `doc_id`, in the order
 * of their first row; comments keep file order. A parent naming the article or the document is a
 * top-level comment. Rows without a document id form one document under `defaultDocId`.
 */
export function groupFlatRows(rows: readonly FlatRow[], defaultDocId?: string): { records: ParsedRecord[]; diagnostics: FormatDiagnostic[] } {
  const diagnostics: FormatDiagnostic[] = [];
  const documents = new Map<string, FlatDocument>();
  for (const row of rows) {
    const docId = row.cells.doc_id ?? defaultDocId;
    if (docId === undefined) {
      diagnostics.push({ level: 'error', code: 'missing-doc-id', line: row.line, message: 'row without a doc_id; skipped' });
      continue;
    }
    let doc = documents.get(docId);
    if (doc === undefined) {
      doc = { docId, rows: [], size: 0 };
      documents.set(docId, doc);
    }
    doc.rows.push(row);
    doc.size += row.size;
  }
  for (const doc of documents.values()) withoutSeedRow(doc);
  const onlyRootIsArticle = oneRootEach([...documents.values()]);
  const records = [...documents.values()].flatMap((doc): ParsedRecord[] => {
    const firstLine = doc.rows[0]?.line;
    if (doc.size > MAX_RECORD_CHARS) {
      diagnostics.push({ level: 'error', code: 'record-too-large', line: firstLine, recordId: doc.docId, message: `document of ${sizeLabel(doc.size)} characters, over the ${sizeLabel(MAX_RECORD_CHARS)} limit for one document; skipped` });
      return [];
    }
    const date = (row: FlatRow): string | undefined => {
      const raw = row.cells.published;
      if (raw === undefined) return undefined;
      const iso = parseFlatDate(raw);
      if (iso === undefined) diagnostics.push({ level: 'warning', code: 'invalid-field', line: row.line, recordId: doc.docId, message: `"published" is not a date this tool reads: "${raw}"; left empty` });
      return iso;
    };
    const articleIndex = articleRowOf(doc, diagnostics, onlyRootIsArticle);
    const article = articleIndex === undefined ? undefined : doc.rows[articleIndex];
    const roots = new Set([doc.docId, ...(article?.cells.id === undefined ? [] : [article.cells.id])]);
    const indexOfId = new Map<string, number>();
    const comments: ParsedComment[] = [];
    const articleCandidate = quoteCandidate({ author: article?.cells.author, text: plainTextOf(article?.cells.text ?? '') });
    const candidates: QuoteCandidate[] = [];
    const linked = doc.rows.some((r) => r.cells.parent_id !== undefined);
    doc.rows.forEach((row, i) => {
      if (i === articleIndex) return;
      const { cells, line } = row;
      let parentIndex: number | undefined;
      // No parent field: a first line naming an earlier record's id is the reply link (reply-reference.ts).
      const reference = cells.parent_id === undefined ? replyReferenceOf(plainTextOf(cells.text ?? ''), (id) => roots.has(id) || indexOfId.has(id)) : undefined;
      if (reference !== undefined && !roots.has(reference.id)) parentIndex = indexOfId.get(reference.id);
      if (cells.parent_id !== undefined && !roots.has(cells.parent_id)) {
        parentIndex = indexOfId.get(cells.parent_id);
        if (parentIndex === undefined) diagnostics.push({ level: 'warning', code: 'missing-parent', line, recordId: doc.docId, message: `parent_id "${cells.parent_id}" names no earlier comment of this document; kept as a top-level comment` });
      }
      if (cells.id !== undefined && !indexOfId.has(cells.id)) indexOfId.set(cells.id, comments.length);
      else if (cells.id !== undefined) diagnostics.push({ level: 'warning', code: 'duplicate-comment-id', line, recordId: doc.docId, message: `comment_id "${cells.id}" is used twice; replies go to the first` });
      const named = cells.author === undefined ? undefined : plainTextOf(cells.author).trim();
      const author = named === undefined || isAnonymousLabel(named) ? undefined : named;
      const own = reference === undefined
        ? withoutMarkdownQuotes(plainTextOf(cells.text ?? ''), candidates, articleCandidate)
        : { text: reference.text, quotesIndex: reference.quoted ? (parentIndex ?? -1) : undefined };
      candidates.push(quoteCandidate({ author, text: own.text }));
      // In a document without reply links, a comment quoting an earlier one answers it.
      if (parentIndex === undefined && !linked && own.quotesIndex !== undefined && own.quotesIndex >= 0) parentIndex = own.quotesIndex;
      comments.push({ author, published: date(row), text: own.text, parentIndex, ...(own.quotesIndex === undefined ? {} : { quotesIndex: own.quotesIndex }) });
    });
    const meta = article?.cells ?? {};
    const firstOf = (f: FlatField): string | undefined => meta[f] ?? doc.rows.find((r) => r.cells[f] !== undefined)?.cells[f];
    const text = (s: string | undefined): string | undefined => (s === undefined ? undefined : plainTextOf(s).trim() || undefined);
    const page: ParsedPage = {
      site: text(firstOf('site')), url: text(firstOf('url')), title: text(firstOf('title')),
      author: meta.author === undefined || isAnonymousLabel(plainTextOf(meta.author)) ? undefined : text(meta.author), published: article === undefined ? undefined : date(article),
      langHint: langHint(firstOf('lang')), body: plainTextOf(meta.text ?? ''), comments,
    };
    return [{ id: doc.docId, line: firstLine, page }];
  });
  return { records, diagnostics };
}
