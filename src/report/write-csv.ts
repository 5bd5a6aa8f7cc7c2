import { stringify } from 'csv-stringify/sync';
import type { Row } from './columns.js';
import { writeFileAtomic } from './write-atomic.js';

/** CSV dialect: the default is RFC 4180 with commas; `spreadsheet` adds a BOM and `;` for French spreadsheets. */
export interface CsvDialect {
  readonly spreadsheet: boolean;
}

/** Rows stringified per batch, so a large report is never one string in memory. */
const BATCH = 1000;

function* csvChunks<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): Generator<string> {
  const options = {
    columns: [...columns],
    delimiter: dialect.spreadsheet ? ';' : ',',
    record_delimiter: 'unix' as const,
    escape_formulas: true,
    cast: { number: (n: number) => String(n) },
  };
  yield (dialect.spreadsheet ? '\ufeff' : '') + stringify([], { ...options, header: true });
  let batch: Row<C>[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) {
      yield stringify(batch, options);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, options);
}

/** Write one CSV report atomically, with its contract columns and formula injection neutralised. */
export function writeCsv<C extends readonly string[]>(file: string, columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): void {
  writeFileAtomic(file, csvChunks(columns, rows, dialect));
}

/** The same CSV as a string (tests and small reports). */
export function toCsv<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect = { spreadsheet: false }): string {
  return [...csvChunks(columns, rows, dialect)].join('');
}
