import { type FormatDiagnostic, type FormatResult, MAX_RECORD_CHARS, type ParsedRecord, sizeLabel } from './format.js';
import { DEFAULT_FIELD_MAP, type FieldMap, type FlatRow, flatRowOfObject, groupFlatRows, isFlatRecord } from './flat-records.js';
import { readInferredRecords } from './infer-schema.js';
import { keptReading } from './reading-choice.js';
import { readJsonRecord, type UnknownFields, unknownFieldsDiagnostic } from './json-record.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './nesting.js';

/**
 * JSON Lines: one document object per line, or one flat record per line (a comment naming its
 * document, see groupFlatRows) when the first line is one. A line that is not valid JSON, or too
 * large, is a diagnostics row with its line number; the other lines are still read. Blank lines are skipped,
 * lines nested past MAX_JSON_DEPTH too (with a row).
 */
export function readJsonLines(text: string, fileName: string, map: FieldMap = DEFAULT_FIELD_MAP): FormatResult {
  const records: ParsedRecord[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  const unknown: UnknownFields = new Map();
  const flat: FlatRow[] = [];
  const objects: Record<string, unknown>[] = [];
  const objectLines: number[] = [];
  let threaded = false;
  let isFlat: boolean | undefined;
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    line += 1;
    const length = stop - start;
    if (length > MAX_RECORD_CHARS) {
      diagnostics.push({ level: 'error', code: 'record-too-large', line, message: `line of ${sizeLabel(length)} characters, over the ${sizeLabel(MAX_RECORD_CHARS)} limit for one document; skipped` });
    } else {
      const source = text.slice(start, stop).trim();
      if (source !== '' && jsonNestsDeeperThan(source, MAX_JSON_DEPTH)) {
        diagnostics.push({ level: 'error', code: 'too-deep', line, message: `arrays and objects nested more than ${MAX_JSON_DEPTH} deep; line skipped` });
      } else if (source !== '') {
        let value: unknown;
        try {
          value = JSON.parse(source);
        } catch (error) {
          diagnostics.push({ level: 'error', code: 'invalid-json', line, message: `not valid JSON (${(error as Error).message}); line skipped` });
          value = undefined;
        }
        isFlat ??= value === undefined ? undefined : isFlatRecord(value, map);
        // Kept for schema inference only while no line reads a document with comments under known
        // names (memory: a big file of threads holds none of them); lines read as separate documents
        // without comments may be the records of one thread whose reply links no alias names.
        if (isFlat !== true && !threaded && typeof value === 'object' && value !== null && !Array.isArray(value)) { objects.push(value as Record<string, unknown>); objectLines.push(line); }
        if (value !== undefined && isFlat === true && typeof value === 'object' && value !== null && !Array.isArray(value)) {
          flat.push(flatRowOfObject(value as Record<string, unknown>, map, line, unknown));
        } else if (value !== undefined) {
          const read = readJsonRecord(value, { defaultId: `${fileName}:${line}`, line }, unknown);
          if (read.record !== undefined) records.push(read.record);
          if (!threaded && read.record !== undefined && read.record.page.comments.length > 0) { threaded = true; objects.length = 0; objectLines.length = 0; }
          diagnostics.push(...read.diagnostics);
        }
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  if (isFlat === true) {
    const grouped = groupFlatRows(flat, fileName);
    return { records: grouped.records, diagnostics: [...diagnostics, ...grouped.diagnostics, ...unknownFieldsDiagnostic(unknown)] };
  }
  const read = { records, diagnostics: [...diagnostics, ...unknownFieldsDiagnostic(unknown)] };
  if (threaded || objects.length < 2) return read;
  // Nothing read under the known field names, or only separate documents without comments: one
  // record a line, fields inferred from their values; a reading of separate documents is set aside
  // only when the inferred one explains the records better (reading-choice.ts).
  const kept = keptReading(read, (why) => readInferredRecords({ records: objects, path: 'the lines', inContainer: false }, fileName, objectLines, why));
  return kept === read ? read : { records: kept.records, diagnostics: [...diagnostics.filter((d) => d.level === 'error'), ...kept.diagnostics] };
}
