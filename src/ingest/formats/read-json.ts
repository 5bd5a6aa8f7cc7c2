import { type FormatDiagnostic, type FormatResult, MAX_RECORD_CHARS, type ParsedRecord, sizeLabel } from './format.js';
import { DEFAULT_FIELD_MAP, type FieldMap, type FlatRow, flatRowOfObject, groupFlatRows, isFlatRecord } from './flat-records.js';
import { readJsonRecord, type UnknownFields, unknownFieldsDiagnostic } from './json-record.js';
import { findRecords, readInferredRecords, readsSomething } from './infer-schema.js';
import { keptReading } from './reading-choice.js';
import { readJsonLines } from './read-jsonl.js';
import { isListingResponse, listedRecords } from './listing-records.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './nesting.js';

/** True when the first line alone is a JSON object and more lines follow: JSON Lines saved as `.json`. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0] ?? '');
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** Line (1-based) of a character offset, for JSON syntax errors. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** An array of flat records (one per comment, naming its document): grouped by document. */
function readFlatItems(items: readonly unknown[], fileName: string, map: FieldMap): FormatResult {
  const unknown: UnknownFields = new Map();
  const diagnostics: FormatDiagnostic[] = [];
  const rows = items.flatMap((item, i) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) return [flatRowOfObject(item as Record<string, unknown>, map, undefined, unknown)];
    diagnostics.push({ level: 'warning', code: 'invalid-record', message: `record ${i + 1}: expected an object; skipped` });
    return [];
  });
  const grouped = groupFlatRows(rows, fileName);
  return { records: grouped.records, diagnostics: [...diagnostics, ...grouped.diagnostics, ...unknownFieldsDiagnostic(unknown)] };
}

/**
 * A listing response (see listedRecords) → one document named `fileName`: nesting gives each
 * record's parent, whatever its own `parent_id` says (an API's prefixed "t1_…" names). When the
 * first listing holds one record and others follow (a post page: the post, then its comments), that
 * record is the article and the top of the other listings are comments on it.
 */
function readListing(value: unknown, fileName: string, map: FieldMap): FormatResult {
  const unknown: UnknownFields = new Map();
  const listed = listedRecords(value);
  const listings = Array.isArray(value) ? value.length : 1;
  const hasArticle = listings > 1 && listed.filter((l) => l.listing === 0).length === 1 && listed.length > 1;
  const idOf = new Map<Record<string, unknown>, string | undefined>();
  const rows = listed.map((l, i): FlatRow => {
    const row = flatRowOfObject(l.record, map, undefined, unknown);
    const id = row.cells.id ?? `${fileName}:${i + 1}`;
    idOf.set(l.record, id);
    const parent = l.parent === undefined ? (hasArticle && i > 0 ? idOf.get(listed[0]!.record) : undefined) : idOf.get(l.parent);
    const { parent_id: _own, doc_id: _doc, ...cells } = row.cells;
    return { ...row, cells: { ...cells, id, doc_id: fileName, ...(parent === undefined ? {} : { parent_id: parent }) } };
  });
  const grouped = groupFlatRows(rows, fileName);
  return { records: grouped.records, diagnostics: [{ level: 'info', code: 'listing-response', message: `an API response of nested listings: ${rows.length} records read depth first${hasArticle ? ', the first as the article' : ''}` }, ...grouped.diagnostics, ...unknownFieldsDiagnostic(unknown)] };
}

/**
 * JSON: an API response of nested listings (see readListing), an array of flat records (see readFlatItems), or one document object, or an array of them. A syntax error skips the file (with the line
 * where the parser stopped); a bad element of an array skips that element only. Default ids are
 * the file name plus the element's number (1-based). Nesting past MAX_JSON_DEPTH skips the file.
 */
export function readJson(text: string, fileName: string, map: FieldMap = DEFAULT_FIELD_MAP): FormatResult {
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return { records: [], diagnostics: [{ level: 'error', code: 'too-deep', message: `arrays and objects nested more than ${MAX_JSON_DEPTH} deep; file skipped` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (looksLikeJsonLines(text)) {
      const lines = readJsonLines(text, fileName, map);
      return { records: lines.records, diagnostics: [{ level: 'info', code: 'json-lines-in-json', message: 'the file holds one JSON document per line; read as JSON Lines' }, ...lines.diagnostics] };
    }
    const message = (error as Error).message;
    const position = /position (\d+)/u.exec(message);
    const lineColumn = /\(line (\d+) column \d+\)/u.exec(message);
    const line = lineColumn?.[1] !== undefined ? Number(lineColumn[1]) : position?.[1] === undefined ? undefined : lineAt(text, Number(position[1]));
    return { records: [], diagnostics: [{ level: 'error', code: 'invalid-json', line, message: `not valid JSON (${message}); file skipped` }] };
  }
  const read = readJsonValue(value, fileName, map);
  const separate = read.records.length >= 2 && read.records.every((r) => r.page.comments.length === 0);
  if (readsSomething(read) && !separate) return read;
  // Nothing read under the known field names, or only separate documents without comments: the
  // records and their fields' roles are inferred from the values (infer-schema.ts), as an export of an
  // unknown tool writes them; separate documents are set aside only when the inferred reading
  // explains the records better (reading-choice.ts).
  const found = findRecords(value);
  return found === undefined ? read : keptReading(read, (why) => readInferredRecords(found, fileName, undefined, why));
}

/** A parsed JSON value under the known field names (listing, flat records, or document objects). */
function readJsonValue(value: unknown, fileName: string, map: FieldMap): FormatResult {
  if (isListingResponse(value)) return readListing(value, fileName, map);
  const items = Array.isArray(value) ? value : [value];
  if (isFlatRecord(items[0], map)) return readFlatItems(items, fileName, map);
  const records: ParsedRecord[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  const unknown: UnknownFields = new Map();
  items.forEach((item: unknown, i) => {
    const size = JSON.stringify(item)?.length ?? 0;
    if (size > MAX_RECORD_CHARS) {
      diagnostics.push({ level: 'error', code: 'record-too-large', message: `document ${i + 1} holds ${sizeLabel(size)} characters, over the ${sizeLabel(MAX_RECORD_CHARS)} limit for one document; skipped` });
      return;
    }
    const read = readJsonRecord(item, { defaultId: `${fileName}:${i + 1}` }, unknown);
    if (read.record !== undefined) records.push(read.record);
    diagnostics.push(...read.diagnostics.map((d) => (d.line === undefined && d.recordId === undefined ? { ...d, message: `document ${i + 1}: ${d.message}` } : d)));
  });
  return { records, diagnostics: [...diagnostics, ...unknownFieldsDiagnostic(unknown)] };
}
