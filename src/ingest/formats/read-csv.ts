import { parse } from 'csv-parse/sync';
import { columnsOf, DEFAULT_FIELD_MAP, type FieldMap, type FlatField, type FlatRow, groupFlatRows } from './flat-records.js';
import type { FormatResult } from './format.js';
import { CLAIM_COLUMNS, CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, PHRASE_COLUMNS, STANCE_COLUMNS } from '../../report/columns.js';
import { readInferredRecords } from './infer-schema.js';
import { packedColumns, rowsWithPackedComments } from './packed-cells.js';

/** Columns a CSV of comments must have, under their own name or an alias (contracts.md, "Input formats"). */
const REQUIRED_COLUMNS = ['doc_id', 'text'] as const;
/** Without a document id, a CSV linking its rows by id and parent is one thread (a research tool's export of one post). */
const ONE_THREAD_COLUMNS = ['id', 'parent_id'] as const;

/** The tables this tool writes (src/report/columns.ts): read back, they are never taken for comments by inference. */
const REPORT_TABLES: readonly (readonly string[])[] = [CLAIM_COLUMNS, CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, PHRASE_COLUMNS, STANCE_COLUMNS];

/** Separator of the header line: `,`, or the `;` of French spreadsheets, or tab, whichever occurs most outside quotes. */
export function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/u));
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * A CSV of comments, one row per comment (and one `kind=article` row for the body). Column names are
 * read through the field aliases (`id`, `in_reply_to`, `message`…) and the user's `--fields`; rows of
 * the same `doc_id` form one document (see groupFlatRows). A file without a document id and a text
 * column, or that is not valid CSV, is skipped with a row in diagnostics; a bad row is skipped alone.
 * A file with `id` and `parent_id` columns but no document id is one document named `fileName`.
 */
export function readCsv(text: string, map: FieldMap = DEFAULT_FIELD_MAP, fileName?: string): FormatResult {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, delimiter: sniffDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { records: [], diagnostics: [{ level: 'error', code: 'invalid-csv', line, message: `not valid CSV (${(error as Error).message}); file skipped` }] };
  }
  const header = rows[0]?.record.map((h) => h.trim()) ?? [];
  const { pick } = columnsOf(header, map);
  const oneThread = fileName !== undefined && ONE_THREAD_COLUMNS.every((c) => pick.has(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !pick.has(c) && !(c === 'doc_id' && oneThread));
  if (missing.length > 0) {
    // No column named as this tool knows: the columns' roles are inferred from their values.
    const ownReport = REPORT_TABLES.some((columns) => columns.every((c, i) => header[i] === c));
    // One row per document, its comments packed in cells of a repeated column (packed-cells.ts).
    const packed = ownReport || fileName === undefined ? [] : packedColumns(header, rows.slice(1).map((r) => r.record));
    const unpacked = packed.length === 0 || fileName === undefined ? undefined : rowsWithPackedComments(header, rows.slice(1).map((r) => ({ record: r.record, line: r.info.lines })), packed, fileName);
    if (unpacked !== undefined) {
      const grouped = groupFlatRows(unpacked.rows);
      return { records: grouped.records, diagnostics: [{ level: 'info', code: 'schema-inferred', message: `nothing read under the known field names; one document a row, its comments packed as "date;name;text" in repeated columns, fields inferred from their values: ${unpacked.fields}` }, ...grouped.diagnostics] };
    }
    const objects = ownReport ? [] : rows.slice(1).map(({ record }) => Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])));
    const inferred = fileName === undefined || objects.length < 2 ? undefined : readInferredRecords({ records: objects, path: 'the rows', inContainer: false }, fileName, rows.slice(1).map((r) => r.info.lines));
    if (inferred !== undefined) return inferred;
    return { records: [], diagnostics: [{ level: 'error', code: 'missing-columns', line: 1, message: `required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} not in the header (found: ${header.join(', ') || 'nothing'}); file skipped` }] };
  }
  const indexOf = [...pick].map(([field, name]) => [field, header.indexOf(name)] as const);
  const flat: FlatRow[] = rows.slice(1).map(({ record, info }) => {
    const cells: Partial<Record<FlatField, string>> = {};
    for (const [field, i] of indexOf) {
      const v = record[i]?.trim();
      if (v !== undefined && v !== '') cells[field] = field === 'text' ? (record[i] ?? '') : v;
    }
    return { line: info.lines, cells, size: record.reduce((n, cell) => n + cell.length, 0) };
  });
  return groupFlatRows(flat, oneThread && !pick.has('doc_id') ? fileName : undefined);
}
