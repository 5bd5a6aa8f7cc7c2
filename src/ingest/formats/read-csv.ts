import { parse } from 'csv-parse/sync';
import type { ParsedComment, ParsedPage } from '../page.js';
import { type FormatDiagnostic, type FormatResult, MAX_RECORD_CHARS, sizeLabel } from './format.js';
import { plainTextOf } from './markup.js';
import { parseDate } from './parse-date.js';

/** Columns read from a CSV of comments (contracts.md, "Input formats"); others are ignored. */
const REQUIRED_COLUMNS = ['doc_id', 'text'] as const;
const OPTIONAL_COLUMNS = ['comment_id', 'parent_id', 'author', 'published', 'title', 'site', 'url', 'kind'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Separator of the header line: `,`, or the `;` of French spreadsheets, or tab, whichever occurs most outside quotes. */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/u));
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

interface CsvDocument {
  readonly docId: string;
  readonly line: number;
  size: number;
  article?: { readonly line: number; readonly cells: Readonly<Partial<Record<Column, string>>> };
  readonly comments: { readonly line: number; readonly cells: Readonly<Partial<Record<Column, string>>> }[];
}

/**
 * A CSV of comments, one row per comment (and one `kind=article` row for the body). Rows of the
 * same `doc_id` form one document, in the order of their first row; comments keep file order.
 * A file without the `doc_id` and `text` columns, or that is not valid CSV, is skipped with a row
 * in diagnostics; a bad row is skipped alone.
 */
export function readCsv(text: string): FormatResult {
  const diagnostics: FormatDiagnostic[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, delimiter: sniffDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { records: [], diagnostics: [{ level: 'error', code: 'invalid-csv', line, message: `not valid CSV (${(error as Error).message}); file skipped` }] };
  }
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { records: [], diagnostics: [{ level: 'error', code: 'missing-columns', line: 1, message: `required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} not in the header (found: ${header.join(', ') || 'nothing'}); file skipped` }] };
  }
  const indexOf = new Map<Column, number>();
  for (const c of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const i = header.indexOf(c);
    if (i !== -1) indexOf.set(c, i);
  }
  const documents = new Map<string, CsvDocument>();
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const cells: Partial<Record<Column, string>> = {};
    for (const [c, i] of indexOf) {
      const v = record[i] === undefined ? undefined : plainTextOf(record[i]).trim();
      if (v !== undefined && v !== '') cells[c] = v;
    }
    if (cells.doc_id === undefined) {
      diagnostics.push({ level: 'error', code: 'missing-doc-id', line, message: 'row without a doc_id; skipped' });
      continue;
    }
    let doc = documents.get(cells.doc_id);
    if (doc === undefined) {
      doc = { docId: cells.doc_id, line, size: 0, comments: [] };
      documents.set(cells.doc_id, doc);
    }
    doc.size += record.reduce((n, cell) => n + cell.length, 0);
    const kind = cells.kind?.toLowerCase();
    if (kind === 'article' && doc.article === undefined) doc.article = { line, cells };
    else {
      if (kind === 'article') diagnostics.push({ level: 'warning', code: 'duplicate-article', line, recordId: doc.docId, message: `a second "article" row for this doc_id (the first is on line ${doc.article?.line}); kept as a comment` });
      doc.comments.push({ line, cells });
    }
  }
  const records = [...documents.values()].flatMap((doc) => {
    if (doc.size > MAX_RECORD_CHARS) {
      diagnostics.push({ level: 'error', code: 'record-too-large', line: doc.line, recordId: doc.docId, message: `document of ${sizeLabel(doc.size)} characters, over the ${sizeLabel(MAX_RECORD_CHARS)} limit for one document; skipped` });
      return [];
    }
    const date = (cells: Partial<Record<Column, string>>, line: number): string | undefined => {
      if (cells.published === undefined) return undefined;
      const iso = parseDate(cells.published);
      if (iso === undefined) diagnostics.push({ level: 'warning', code: 'invalid-field', line, recordId: doc.docId, message: `"published" is not a date this tool reads: "${cells.published}"; left empty` });
      return iso;
    };
    const indexOfId = new Map<string, number>();
    const comments: ParsedComment[] = doc.comments.map(({ line, cells }, i) => {
      let parentIndex: number | undefined;
      if (cells.parent_id !== undefined) {
        parentIndex = indexOfId.get(cells.parent_id);
        if (parentIndex === undefined) diagnostics.push({ level: 'warning', code: 'missing-parent', line, recordId: doc.docId, message: `parent_id "${cells.parent_id}" names no earlier comment of this document; kept as a top-level comment` });
      }
      if (cells.comment_id !== undefined && !indexOfId.has(cells.comment_id)) indexOfId.set(cells.comment_id, i);
      else if (cells.comment_id !== undefined) diagnostics.push({ level: 'warning', code: 'duplicate-comment-id', line, recordId: doc.docId, message: `comment_id "${cells.comment_id}" is used twice; replies go to the first` });
      return { author: cells.author, published: date(cells, line), text: cells.text ?? '', parentIndex };
    });
    const meta = doc.article?.cells ?? {};
    const firstOf = (c: Column): string | undefined => meta[c] ?? doc.comments.find((r) => r.cells[c] !== undefined)?.cells[c];
    const page: ParsedPage = {
      site: firstOf('site'), url: firstOf('url'), title: firstOf('title'),
      author: meta.author, published: doc.article === undefined ? undefined : date(meta, doc.article.line),
      body: meta.text ?? '', comments,
    };
    return [{ id: doc.docId, line: doc.line, page }];
  });
  return { records, diagnostics };
}
