import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Stance } from '../model.js';
import type { GoldUnit, PredictedUnit } from './evaluate-stances.js';
import { UserError } from '../errors.js';

/** A report or gold file that is missing or not in the expected shape. */
export class RunOutputError extends UserError {
  override readonly name = 'RunOutputError';
}

type Record_ = Record<string, string>;

/** Read a CSV written by a run (comma or the spreadsheet dialect's ";", with or without BOM). */
export function readCsv(file: string, required: readonly string[]): Record_[] {
  if (!existsSync(file)) throw new RunOutputError(`${file}: not found (run "controverse run" first, or pass --out)`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows = parse(text, { columns: true, delimiter, skip_empty_lines: true }) as Record_[];
  const header = rows[0] === undefined ? [] : Object.keys(rows[0]);
  for (const c of required) if (rows.length > 0 && !header.includes(c)) throw new RunOutputError(`${file}: column "${c}" is missing`);
  return rows;
}

/** A unit row of units.csv. */
export interface UnitRow {
  readonly unitId: string;
  readonly docId: string;
  readonly position: number;
  readonly kind: string;
  readonly author: string;
  readonly published: string;
  readonly parentId: string;
  readonly depth: string;
  readonly quotesId: string;
  readonly lang: string;
  readonly text: string;
}

/** The units of a run, in file order. */
export function readUnits(outDir: string): UnitRow[] {
  return readCsv(path.join(outDir, 'units.csv'), ['unit_id', 'doc_id', 'position', 'text']).map((r) => ({
    unitId: r.unit_id ?? '', docId: r.doc_id ?? '', position: Number(r.position), kind: r.kind ?? '', author: r.author ?? '',
    published: r.published ?? '', parentId: r.parent_id ?? '', depth: r.depth ?? '', quotesId: r.quotes_id ?? '', lang: r.lang ?? '', text: r.text ?? '',
  }));
}

/** corpus file → doc_id, from documents.csv. */
export function readDocumentFiles(outDir: string): Map<string, string> {
  const file = path.join(outDir, 'documents.csv');
  if (!existsSync(file)) return new Map();
  return new Map(readCsv(file, ['doc_id', 'file']).map((r) => [r.file ?? '', r.doc_id ?? '']));
}

/**
 * The stance categories of a run, in their order: stances.csv holds one row per unit and category,
 * so the first unit's rows name them all.
 */
export function stancesOf(rows: readonly Record_[]): Stance[] {
  const stances: Stance[] = [];
  for (const r of rows) {
    const s = r.stance ?? '';
    if (stances.includes(s)) break;
    stances.push(s);
  }
  return stances;
}

/** Units with their predicted labels and evidence from stances.csv, and the run's stance categories. */
export function readPredictions(outDir: string): { stances: Stance[]; units: PredictedUnit[] } {
  const units = readUnits(outDir);
  const file = path.join(outDir, 'stances.csv');
  const rows = readCsv(file, ['unit_id', 'stance', 'label', 'evidence']);
  const stances = stancesOf(rows);
  if (stances.length === 0) throw new RunOutputError(`${file}: no row, so no stance category to evaluate`);
  const byUnit = new Map<string, { labels: Record<Stance, 0 | 1>; evidence: Record<Stance, string> }>();
  for (const r of rows) {
    const stance = r.stance ?? '';
    const id = r.unit_id ?? '';
    const v = byUnit.get(id) ?? { labels: {}, evidence: {} };
    v.labels[stance] = r.label === '1' ? 1 : 0;
    v.evidence[stance] = r.evidence ?? '';
    byUnit.set(id, v);
  }
  return {
    stances,
    units: units.map((u) => {
      const v = byUnit.get(u.unitId);
      return { unitId: u.unitId, docId: u.docId, position: u.position, text: u.text, labels: v?.labels ?? {}, evidence: v?.evidence ?? {} };
    }),
  };
}

/** The columns of a hand-coding file (as in eval/samples/seeds-units.tsv): one 0/1 column per stance category, in their order. */
export function goldColumns(stances: readonly Stance[]): string[] {
  return ['file', 'unit', 'kind', 'author', 'published', 'parent', 'depth', 'quotes', 'first_words', 'last_words', 'lang', ...stances, 'claims', 'note'];
}

/**
 * Read a hand-coded TSV: `file`, a 0/1 column per stance of `stances` (the run's categories), and
 * `unit` and/or `first_words` to align on. A category without its column is an error.
 */
export function readGold(file: string, stances: readonly Stance[]): GoldUnit[] {
  if (!existsSync(file)) throw new RunOutputError(`${file}: gold file not found`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  const header = (text.split('\n', 1)[0] ?? '').replace(/\r$/u, '').split('\t').map((c) => c.trim().replace(/^"(.*)"$/u, '$1'));
  for (const s of stances) {
    if (!header.includes(s)) {
      throw new RunOutputError(`${file}:1: column "${s}" is missing: a gold file has a 0/1 column for each stance category of the run (${stances.join(', ')})`);
    }
  }
  let rows: Record_[];
  try {
    rows = parse(text, { columns: true, delimiter: '\t', skip_empty_lines: true, relax_quotes: true }) as Record_[];
  } catch (error) {
    throw new RunOutputError(`${file}: not a tab-separated file with a header: ${(error as Error).message}`);
  }
  return rows.map((r, k) => {
    const line = k + 2;
    if (r.file === undefined || r.file === '') throw new RunOutputError(`${file}:${line}: column "file" is missing or empty`);
    const labels: Record<Stance, 0 | 1> = {};
    for (const s of stances) {
      const v = (r[s] ?? '').trim();
      if (v !== '0' && v !== '1') throw new RunOutputError(`${file}:${line}: column "${s}" must be 0 or 1, got "${v}"`);
      labels[s] = v === '1' ? 1 : 0;
    }
    const unit = (r.unit ?? '').trim();
    if (unit !== '' && !/^\d+$/u.test(unit)) throw new RunOutputError(`${file}:${line}: column "unit" must be a position (0, 1, 2…), got "${unit}"`);
    const firstWords = (r.first_words ?? '').trim();
    if (unit === '' && firstWords === '') throw new RunOutputError(`${file}:${line}: needs "unit" or "first_words" to find the unit`);
    return { file: r.file, ...(unit === '' ? {} : { position: Number(unit) }), firstWords, labels, note: r.note ?? '', line };
  });
}
