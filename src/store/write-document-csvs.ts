import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, STANCE_COLUMNS, UNIT_COLUMNS } from '../report/columns.js';
import { toCsv, type CsvDialect } from '../report/write-csv.js';
import type { DocumentRow, Store } from './store.js';
import { unpackDocument } from './pack.js';
import { dialectName, renderDocumentCsv, type DocumentCsv } from './stored-document.js';

/** The per-document reports, made by concatenating the rows each document was stored with. */
export const DOCUMENT_CSVS = ['documents.csv', 'units.csv', 'stances.csv', 'claim_mentions.csv'] as const;

// Bytes gathered per file before one write: few system calls, and never the whole report in memory.
const WRITE_CHUNK = 1 << 20;

class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(file: string, header: string) {
    this.fd = openSync(file, 'w');
    this.add(header);
  }

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= WRITE_CHUNK) this.flush();
  }

  private flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/**
 * Write documents.csv, units.csv, stances.csv and claim_mentions.csv into `dir` in one pass over the
 * store, in report order. Rows stored in another CSV dialect are rendered again from the analysis.
 */
export function writeDocumentCsvs(store: Store, dir: string, dialect: CsvDialect): void {
  mkdirSync(dir, { recursive: true });
  const want = dialectName(dialect);
  const files = [
    new BufferedFile(path.join(dir, 'documents.csv'), toCsv(DOCUMENT_COLUMNS, [], dialect)),
    new BufferedFile(path.join(dir, 'units.csv'), toCsv(UNIT_COLUMNS, [], dialect)),
    new BufferedFile(path.join(dir, 'stances.csv'), toCsv(STANCE_COLUMNS, [], dialect)),
    new BufferedFile(path.join(dir, 'claim_mentions.csv'), toCsv(CLAIM_MENTION_COLUMNS, [], dialect)),
  ] as const;
  const rows = (row: DocumentRow): DocumentCsv => {
    if (row.dialect !== want) return renderDocumentCsv(store.analysisOf(row.path, row.ord), dialect);
    const [d = '', u = '', s = '', m = ''] = unpackDocument(row.packed).rows;
    return [d, u, s, m];
  };
  try {
    for (const row of store.documents()) {
      const [d, u, s, m] = rows(row);
      files[0].add(d);
      files[1].add(u);
      files[2].add(s);
      files[3].add(m);
    }
  } finally {
    for (const f of files) f.close();
  }
}
