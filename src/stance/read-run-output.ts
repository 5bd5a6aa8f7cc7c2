import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { STANCES, type Stance } from '../model.js';
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

/** Units with their predicted labels and evidence from stances.csv. */
export function readPredictions(outDir: string): PredictedUnit[] {
  const units = readUnits(outDir);
  const rows = readCsv(path.join(outDir, 'stances.csv'), ['unit_id', 'stance', 'label', 'evidence']);
  const byUnit = new Map<string, { labels: Record<Stance, 0 | 1>; evidence: Record<Stance, string> }>();
  for (const r of rows) {
    const stance = r.stance as Stance;
    if (!STANCES.includes(stance)) continue;
    const id = r.unit_id ?? '';
    const v = byUnit.get(id) ?? { labels: { trust_state: 0, sceptical: 0, sovereigntist: 0 }, evidence: { trust_state: '', sceptical: '', sovereigntist: '' } };
    v.labels[stance] = r.label === '1' ? 1 : 0;
    v.evidence[stance] = r.evidence ?? '';
    byUnit.set(id, v);
  }
  return units.map((u) => {
    const v = byUnit.get(u.unitId);
    return {
      unitId: u.unitId, docId: u.docId, position: u.position, text: u.text,
      labels: v?.labels ?? { trust_state: 0, sceptical: 0, sovereigntist: 0 },
      evidence: v?.evidence ?? { trust_state: '', sceptical: '', sovereigntist: '' },
    };
  });
}

/** The columns of a hand-coding file, as in shared/gold/seeds-units.tsv. */
export const GOLD_COLUMNS = ['file', 'unit', 'kind', 'author', 'published', 'parent', 'depth', 'quotes', 'first_words', 'last_words', 'lang', 'trust_state', 'sceptical', 'sovereigntist', 'claims', 'note'] as const;

/** Read a hand-coded TSV: `file`, the three stance columns (0/1), and `unit` and/or `first_words` to align on. */
export function readGold(file: string): GoldUnit[] {
  if (!existsSync(file)) throw new RunOutputError(`${file}: gold file not found`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  let rows: Record_[];
  try {
    rows = parse(text, { columns: true, delimiter: '\t', skip_empty_lines: true, relax_quotes: true }) as Record_[];
  } catch (error) {
    throw new RunOutputError(`${file}: not a tab-separated file with a header: ${(error as Error).message}`);
  }
  return rows.map((r, k) => {
    const line = k + 2;
    if (r.file === undefined || r.file === '') throw new RunOutputError(`${file}:${line}: column "file" is missing or empty`);
    const labels = {} as Record<Stance, 0 | 1>;
    for (const s of STANCES) {
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
