import { stringify } from 'csv-stringify/sync';
import type { Row } from './columns.js';
import { writeFileAtomic } from './write-atomic.js';

/** CSV dialect: the default is RFC 4180 with commas; `spreadsheet` adds a BOM and `;` for French spreadsheets. */
export interface CsvDialect {
  readonly spreadsheet: boolean;
}

/** Rows stringified per batch, so a large report is never one string in memory. */
const BATCH = 1000;

/** The csv-stringify options the reports were first written with, and whose bytes csvRecord reproduces. */
function stringifyOptions(columns: readonly string[], dialect: CsvDialect): Parameters<typeof stringify>[1] {
  return {
    columns: [...columns],
    delimiter: dialect.spreadsheet ? ';' : ',',
    record_delimiter: 'unix' as const,
    escape_formulas: true,
    cast: { number: (n: number) => String(n) },
  };
}

// First characters a spreadsheet reads as the start of a formula (ASCII and full-width = + - @,
// tab, CR): such a cell gets a leading apostrophe. A number's minus sign is left alone.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20']);

/**
 * One cell as csv-stringify writes it with stringifyOptions: formula starts neutralised, the
 * cell quoted when it holds the delimiter, a quote or a line feed (not a lone CR: with
 * `record_delimiter: 'unix'` csv-stringify does not quote those), quotes doubled.
 */
function csvCell(cell: string | number, delimiter: string): string {
  let value = typeof cell === 'number' ? String(cell) : cell;
  if (value === '') return '';
  const quote = value.includes('"');
  const shouldQuote = quote || value.includes(delimiter) || value.includes('\n');
  if (FORMULA_STARTS.has(value[0]!) && !(typeof cell === 'number' && value[0] === '-')) value = `'${value}`;
  if (quote) value = value.replaceAll('"', '""');
  return shouldQuote ? `"${value}"` : value;
}

/** One record with its line feed, as csv-stringify writes it; undefined for a cell type only csv-stringify knows. */
function csvRecord(columns: readonly string[], row: Readonly<Record<string, unknown>>, delimiter: string): string | undefined {
  let line = '';
  for (let i = 0; i < columns.length; i += 1) {
    if (i > 0) line += delimiter;
    const cell = row[columns[i]!];
    if (typeof cell === 'string' || typeof cell === 'number') line += csvCell(cell, delimiter);
    else if (cell !== undefined && cell !== null) return undefined;
  }
  return `${line}\n`;
}

/** The rows as CSV records, without the header: the bytes csv-stringify gives, without its per-call set-up. */
export function csvRows<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): string {
  const delimiter = dialect.spreadsheet ? ';' : ',';
  let out = '';
  for (const row of rows) out += csvRecord(columns, row, delimiter) ?? stringify([row], stringifyOptions(columns, dialect));
  return out;
}

const headers = new Map<string, string>();

/** The header line of a CSV report, after the BOM in the spreadsheet dialect. */
export function csvHeader(columns: readonly string[], dialect: CsvDialect): string {
  const key = JSON.stringify([dialect.spreadsheet, columns]);
  let header = headers.get(key);
  if (header === undefined) {
    header = (dialect.spreadsheet ? '\ufeff' : '') + stringify([], { ...stringifyOptions(columns, dialect), header: true });
    headers.set(key, header);
  }
  return header;
}

function* csvChunks<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): Generator<string> {
  yield csvHeader(columns, dialect);
  let batch: Row<C>[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) {
      yield csvRows(columns, batch, dialect);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvRows(columns, batch, dialect);
}

/** Write one CSV report atomically, with its contract columns and formula injection neutralised. */
export function writeCsv<C extends readonly string[]>(file: string, columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): void {
  writeFileAtomic(file, csvChunks(columns, rows, dialect));
}

/** The same CSV as a string (tests and small reports). */
export function toCsv<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect = { spreadsheet: false }): string {
  return [...csvChunks(columns, rows, dialect)].join('');
}
