import { type FormatDiagnostic, type FormatResult, MAX_RECORD_CHARS, type ParsedRecord, sizeLabel } from './format.js';
import { DEFAULT_FIELD_MAP, type FieldMap, flatRowOfObject, groupFlatRows, isFlatRecord } from './flat-records.js';
import { readJsonRecord, type UnknownFields, unknownFieldsDiagnostic } from './json-record.js';
import { readJsonLines } from './read-jsonl.js';
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
 * JSON: an array of flat records (see readFlatItems), or one document object, or an array of them. A syntax error skips the file (with the line
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
