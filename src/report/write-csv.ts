import { stringify } from 'csv-stringify/sync';
import type { Row } from './columns.js';
import { writeFileAtomic } from './write-atomic.js';

/** CSV dialect: the default is RFC 4180 with commas; `spreadsheet` adds a BOM and `;` for French spreadsheets. */
export interface CsvDialect {
  readonly spreadsheet: boolean;
}

/** Rows stringified per batch, so a large report is never one string in memory. */
const BATCH = 1000;

/** The csv-stringify options of every report (formula injection neutralised, LF records). */
function stringifyOptions(columns: readonly string[], dialect: CsvDialect): Parameters<typeof stringify>[1] {
  return {
    columns: [...columns],
    delimiter: dialect.spreadsheet ? ';' : ',',
    record_delimiter: 'unix' as const,
    escape_formulas: true,
    cast: { number: (n: number) => String(n) },
  };
}

/** The rows as CSV records, without the header (csv-stringify writes one only when asked). */
export function csvRows<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): string {
  return stringify([...rows], stringifyOptions(columns, dialect));
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
