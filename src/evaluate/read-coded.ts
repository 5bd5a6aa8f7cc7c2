import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { columnsOf, DEFAULT_FIELD_MAP } from '../ingest/formats/flat-records.js';
import { sniffDelimiter } from '../ingest/formats/read-csv.js';
import type { Stance, Unit, UnitKind } from '../model.js';
import { RunOutputError } from '../stance/read-run-output.js';

/**
 * Hand-coded units that carry their own text, in any of the shapes the corpus itself comes in: TSV
 * (eval/stances/pages/*.tsv), CSV (`,`, `;` or tab), JSON Lines (one unit per line) or JSON (an
 * array of units, or `{"units": [...]}`). Column names go through the flat-export aliases (`body`,
 * `thread_id`…); stance columns are 0/1 (or true/false in JSON), `claims` a `;`-separated list (or
 * an array in JSON).
 */

/** One coded unit with its text, its gold stance labels and its gold claim ids. */
export interface CodedUnit {
  readonly docId: string;
  readonly position: number;
  readonly kind: UnitKind;
  readonly text: string;
  readonly labels: Readonly<Record<Stance, 0 | 1>>;
  readonly claims: readonly string[];
  readonly note: string;
  /** `file:line` (line of the record: header is line 1 in TSV/CSV), for messages. */
  readonly source: string;
}

/** A coded unit as the analysis reads it: id `doc#position`, top level (the coded files have no parent column). */
export function unitOfCoded(u: CodedUnit): Unit {
  return { id: `${u.docId}#${u.position}`, docId: u.docId, position: u.position, kind: u.kind, depth: 0, text: u.text };
}

/** File endings read as coded units, in a folder. */
export const CODED_EXTENSIONS = ['.tsv', '.csv', '.jsonl', '.json'] as const;

const KINDS: readonly UnitKind[] = ['article', 'comment', 'reply'];

/** One record of a coded file: its cells as text, and its line for messages. */
interface CodedRecord {
  readonly cells: Readonly<Record<string, string>>;
  readonly line: number;
}

function codedFiles(goldPath: string): string[] {
  if (!existsSync(goldPath)) throw new RunOutputError(`${goldPath}: gold file or folder not found`);
  if (!statSync(goldPath).isDirectory()) return [goldPath];
  const ofShape = (f: string): boolean => (CODED_EXTENSIONS as readonly string[]).includes(path.extname(f).toLowerCase());
  return readdirSync(goldPath).filter(ofShape).sort().map((f) => path.join(goldPath, f));
}

/** A JSON value as a cell: numbers and booleans as 0/1 text, lists `;`-joined ("claims"). */
function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return v.map(cellOf).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as string | number);
}

function recordOf(value: unknown, file: string, line: number): CodedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RunOutputError(`${file}:${line}: expected one coded unit as a JSON object`);
  return { cells: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cellOf(v)])), line };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RunOutputError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

function readDelimited(text: string, file: string, delimiter: string): CodedRecord[] {
  try {
    const rows = parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_quotes: true, info: true }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (error) {
    throw new RunOutputError(`${file}: not a ${delimiter === '\t' ? 'tab-separated' : 'CSV'} file with a header: ${(error as Error).message}`);
  }
}

/** The records of one coded file, by its ending: .jsonl, .json, .csv, else tab-separated. */
function readRecords(file: string): CodedRecord[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl') {
    return text.split('\n').flatMap((l, k) => (l.trim() === '' ? [] : [recordOf(parseJson(l, `${file}:${k + 1}`), file, k + 1)]));
  }
  if (ext === '.json') {
    const value = parseJson(text, file);
    const list = Array.isArray(value) ? value : (value as { units?: unknown } | null)?.units;
    if (!Array.isArray(list)) throw new RunOutputError(`${file}: expected an array of coded units, or an object with a "units" array`);
    return list.map((v, k) => recordOf(v, file, k + 1));
  }
  return readDelimited(text, file, ext === '.csv' ? sniffDelimiter(text) : '\t');
}

/** The record's cell for one of the tool's fields (`text`, `doc_id`, `kind`), under its own name or an alias. */
function fieldOf(cells: Readonly<Record<string, string>>, field: 'doc_id' | 'text' | 'kind'): string | undefined {
  const name = columnsOf(Object.keys(cells), DEFAULT_FIELD_MAP).pick.get(field);
  return name === undefined ? undefined : cells[name];
}

/** True when the first record of `goldPath` (a file or a folder of them) has a text (under any alias): units that carry their own text. */
export function hasTextColumn(goldPath: string): boolean {
  const first = codedFiles(goldPath)[0];
  if (first === undefined) return false;
  const record = readRecords(first)[0];
  return record !== undefined && fieldOf(record.cells, 'text') !== undefined;
}

/** sha256 of a coded file, or of a folder's coded files (each name and content, in name order): what a fit records of its gold. */
export function codedSha256(goldPath: string): string {
  const files = codedFiles(goldPath);
  if (files.length === 1 && files[0] === goldPath) return createHash('sha256').update(readFileSync(goldPath)).digest('hex');
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.basename(f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** The distinct values of one column of a split file, sorted (none when the column is absent). */
export function splitValues(splitFile: string, column: string): string[] {
  const values = readRecords(splitFile).map((r) => (r.cells[column] ?? '').trim()).filter((v) => v !== '');
  return [...new Set(values)].sort();
}

/** Pages of one split from a split file (`doc_id	split`, and any other column such as `writer`). */
export function readSplit(splitFile: string, split: string, column = 'split'): Set<string> {
  if (!existsSync(splitFile)) throw new RunOutputError(`${splitFile}: split file not found`);
  const rows = readRecords(splitFile).map((r) => r.cells);
  const pages = new Set(rows.filter((r) => (r[column] ?? '').trim() === split).map((r) => (r.doc_id ?? '').trim()));
  if (pages.size === 0) throw new RunOutputError(`${splitFile}: no page with ${column} "${split}"`, `values of ${column} in the file: ${[...new Set(rows.map((r) => r[column]))].join(', ')}`);
  return pages;
}

/**
 * Read coded units from a file or a folder of them (`doc_id unit kind text`, a 0/1 column per
 * stance, `claims`, `note`), keeping only the pages of `pages` when given. With `uncoded`, units
 * without stance columns are read too (labels 0): units to draw a coding sample from.
 */
export function readCodedUnits(goldPath: string, stances: readonly Stance[], pages?: ReadonlySet<string>, uncoded = false): CodedUnit[] {
  const units: CodedUnit[] = [];
  for (const file of codedFiles(goldPath)) {
    // Without a `unit` column, units are numbered in their page's order, from 0.
    const inPage = new Map<string, number>();
    readRecords(file).forEach(({ cells: r, line }) => {
      const source = `${file}:${line}`;
      const docId = (fieldOf(r, 'doc_id') ?? r.file ?? '').trim().replace(/\.[^./]+$/u, '');
      if (docId === '') throw new RunOutputError(`${source}: column "doc_id" is missing or empty`);
      const k = inPage.get(docId) ?? 0;
      inPage.set(docId, k + 1);
      if (pages !== undefined && !pages.has(docId)) return;
      const text = fieldOf(r, 'text');
      if (text === undefined) throw new RunOutputError(`${source}: column "text" is missing`);
      const labels: Record<Stance, 0 | 1> = {};
      for (const s of stances) {
        const v = (r[s] ?? (uncoded ? '0' : '')).trim() || (uncoded ? '0' : '');
        if (v !== '0' && v !== '1') throw new RunOutputError(`${source}: column "${s}" must be 0 or 1, got "${v}"`);
        labels[s] = v === '1' ? 1 : 0;
      }
      const kind = (fieldOf(r, 'kind') ?? 'comment').trim() as UnitKind;
      units.push({
        docId, position: Number((r.unit ?? r.position ?? String(k)).trim()), kind: KINDS.includes(kind) ? kind : 'comment', text, labels,
        claims: (r.claims ?? '').split(';').map((c) => c.trim()).filter((c) => c !== ''), note: r.note ?? '', source,
      });
    });
  }
  return units;
}
