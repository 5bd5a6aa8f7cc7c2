import type { ParsedComment } from '../page.js';
import type { FormatDiagnostic, ParsedRecord } from './format.js';
import { langHint } from './lang-hint.js';
import { plainTextOf } from './markup.js';
import { parseDate } from './parse-date.js';

/** Fields of a document record that the analysis reads (contracts.md, "Input formats"). */
const DOCUMENT_FIELDS = new Set(['id', 'site', 'url', 'title', 'author', 'published', 'lang', 'text', 'comments']);
/** Fields of a comment that the analysis reads. */
const COMMENT_FIELDS = new Set(['id', 'parent_id', 'author', 'published', 'text']);

/** Unknown field name ("likes", "comments[].score") → records holding it; reported once per file. */
export type UnknownFields = Map<string, number>;

/** Where a record sits, for its default id and its diagnostics. */
export interface RecordPlace {
  /** Id used when the record has none: the file name plus the line (JSONL) or record number (JSON). */
  readonly defaultId: string;
  readonly line?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An id as written: strings trimmed, numbers as text; undefined when absent, empty or of another type. */
function idOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}

/**
 * One JSON document record → a parsed page. Only `text` is required; fields of the wrong type are
 * reported and ignored; unknown fields are counted in `unknown` and kept out of the analysis.
 */
export function readJsonRecord(value: unknown, place: RecordPlace, unknown: UnknownFields): { record?: ParsedRecord; diagnostics: FormatDiagnostic[] } {
  const diagnostics: FormatDiagnostic[] = [];
  const { line } = place;
  if (!isObject(value)) {
    return { diagnostics: [{ level: 'error', code: 'invalid-record', line, message: `expected a JSON object for a document, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}; skipped` }] };
  }
  const id = idOf(value.id) ?? place.defaultId;
  const warn = (message: string): void => void diagnostics.push({ level: 'warning', code: 'invalid-field', line, recordId: id, message });
  const stringField = (obj: Record<string, unknown>, key: string, where: string): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return plainTextOf(v).trim() || undefined;
    if (typeof v === 'number' && key !== 'published') return String(v);
    warn(`${where}"${key}" should be a string, found ${Array.isArray(v) ? 'an array' : typeof v}; ignored`);
    return undefined;
  };
  const dateField = (obj: Record<string, unknown>, where: string): string | undefined => {
    const raw = stringField(obj, 'published', where);
    if (raw === undefined) return undefined;
    const iso = parseDate(raw);
    if (iso === undefined) warn(`${where}"published" is not a date this tool reads: "${raw}"; left empty`);
    return iso;
  };
  for (const key of Object.keys(value)) if (!DOCUMENT_FIELDS.has(key)) unknown.set(key, (unknown.get(key) ?? 0) + 1);
  if (value.id !== undefined && idOf(value.id) === undefined) warn(`"id" should be a non-empty string or a number; the default id "${id}" is used`);

  if (typeof value.text !== 'string') {
    const found = value.text === undefined ? 'it has none' : `found ${typeof value.text}`;
    return { diagnostics: [...diagnostics, { level: 'error', code: 'missing-text', line, recordId: id, message: `a document needs a "text" string (it may be empty), ${found}; record skipped` }] };
  }

  const comments: ParsedComment[] = [];
  const rawComments = value.comments ?? [];
  if (!Array.isArray(rawComments)) warn(`"comments" should be an array; ignored`);
  else {
    const indexOfId = new Map<string, number>();
    rawComments.forEach((c: unknown, i) => {
      const where = `comment ${i + 1}: `;
      if (!isObject(c)) {
        diagnostics.push({ level: 'warning', code: 'invalid-comment', line, recordId: id, message: `${where}expected an object; skipped` });
        return;
      }
      for (const key of Object.keys(c)) if (!COMMENT_FIELDS.has(key)) unknown.set(`comments[].${key}`, (unknown.get(`comments[].${key}`) ?? 0) + 1);
      if (typeof c.text !== 'string') {
        diagnostics.push({ level: 'warning', code: 'invalid-comment', line, recordId: id, message: `${where}no "text" string; skipped` });
        return;
      }
      const commentId = idOf(c.id);
      const parentId = idOf(c.parent_id);
      let parentIndex: number | undefined;
      if (parentId !== undefined) {
        parentIndex = indexOfId.get(parentId);
        if (parentIndex === undefined) {
          diagnostics.push({ level: 'warning', code: 'missing-parent', line, recordId: id, message: `${where}"parent_id" "${parentId}" names no earlier comment of this document; kept as a top-level comment` });
        }
      }
      if (commentId !== undefined) {
        if (indexOfId.has(commentId)) diagnostics.push({ level: 'warning', code: 'duplicate-comment-id', line, recordId: id, message: `${where}comment id "${commentId}" is used twice; replies go to the first` });
        else indexOfId.set(commentId, comments.length);
      }
      comments.push({ author: stringField(c, 'author', where), published: dateField(c, where), text: plainTextOf(c.text), parentIndex });
    });
  }
  const lang = stringField(value, 'lang', '');
  const hint = langHint(lang);
  if (lang !== undefined && hint === undefined) warn(`"lang" is not a language code: "${lang}"; ignored`);
  return {
    record: {
      id, line,
      page: {
        site: stringField(value, 'site', ''), url: stringField(value, 'url', ''), title: stringField(value, 'title', ''),
        author: stringField(value, 'author', ''), published: dateField(value, ''), langHint: hint,
        body: plainTextOf(value.text), comments,
      },
    },
    diagnostics,
  };
}

/** The one diagnostics row per file listing unknown fields, or none. */
export function unknownFieldsDiagnostic(unknown: UnknownFields): FormatDiagnostic[] {
  if (unknown.size === 0) return [];
  const list = [...unknown.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, n]) => `${k} (${n})`).join(', ');
  return [{ level: 'warning', code: 'unknown-fields', message: `fields this tool does not read, kept out of the analysis (records holding them): ${list}` }];
}
