import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { hashFile, type OutputHash } from '../report/output-hashes.js';
import { CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, STANCE_COLUMNS, UNIT_COLUMNS } from '../report/columns.js';
import { toCsv, type CsvDialect } from '../report/write-csv.js';
import type { Store } from './store.js';
import { unpackDocument } from './pack.js';
import { dialectName, renderDocumentCsv, type DocumentCsv } from './stored-document.js';

/** The per-document reports, made by concatenating the rows of each document. */
export const DOCUMENT_CSVS = ['documents.csv', 'units.csv', 'stances.csv', 'claim_mentions.csv'] as const;

// Bytes gathered per file before one write, and copied per read: few system calls, and never the whole report in memory.
const WRITE_CHUNK = 1 << 20;

/** A report being written, and hashed on the way: rows added as text, or copied as bytes from the report it replaces. */
class ReportFile {
  readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private parts: string[] = [];
  private size = 0;
  /** Bytes written so far. */
  bytes = 0;
  open = true;

  constructor(readonly file: string, header: string) {
    this.fd = openSync(file, 'w');
    this.add(header);
  }

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    this.bytes += Buffer.byteLength(text);
    if (this.size >= WRITE_CHUNK) this.flush();
  }

  /** Copy `length` bytes at `offset` of the open file `from`, through `buffer`. */
  copy(from: number, offset: number, length: number, buffer: Buffer): void {
    this.flush();
    for (let done = 0; done < length;) {
      const n = readSync(from, buffer, 0, Math.min(buffer.length, length - done), offset + done);
      if (n === 0) throw new Error(`report to copy from ended ${length - done} bytes early`);
      this.write(buffer.subarray(0, n));
      done += n;
    }
    this.bytes += length;
  }

  private write(bytes: Buffer): void {
    this.hash.update(bytes);
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
  }

  private flush(): void {
    if (this.parts.length > 0) this.write(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.size = 0;
  }

  /** Flush, sync and close; its name, size and sha256. */
  close(): OutputHash {
    this.open = false;
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    return { file: path.basename(this.file), sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

/** What writeDocumentCsvs needs besides the store: the packed analyses' decoder (tests count its calls). */
export interface DocumentCsvDeps {
  readonly unpack: (packed: Uint8Array) => ReturnType<typeof unpackDocument>;
}

/** Where each document's rows went: per document its serial, then offset and length in each CSV (Store.setReportSpans). */
export type ReportSpans = Float64Array;

/**
 * The CSVs of `previousDir` the store's spans describe, open for reading, when they are still the
 * ones written (same dialect, same sha256): a rerun copies the rows of unchanged documents from them.
 */
function openPrevious(store: Store, previousDir: string | undefined, want: string): number[] | undefined {
  const of = store.reportSpansOf();
  if (previousDir === undefined || of === undefined || of.dialect !== want) return undefined;
  const same = (o: OutputHash | undefined, file: string): boolean => {
    try {
      const now = hashFile(path.join(previousDir, file));
      return o !== undefined && o.file === file && o.bytes === now.bytes && o.sha256 === now.sha256;
    } catch {
      return false; // deleted, or unreadable: written anew
    }
  };
  if (!DOCUMENT_CSVS.every((file, i) => same(of.outputs[i], file))) return undefined;
  return DOCUMENT_CSVS.map((file) => openSync(path.join(previousDir, file), 'r'));
}

/**
 * Write documents.csv, units.csv, stances.csv and claim_mentions.csv into `dir` in one pass over the
 * store, in report order. The rows of a document that is in the same version in `previousDir`'s
 * CSVs (the reports being replaced, checked by their hashes) are copied from there, runs of
 * consecutive documents in one go; the others are rendered from their analyses, unpacked from the
 * store. Returns where each document's rows went.
 */
export function writeDocumentCsvs(
  store: Store, dir: string, dialect: CsvDialect, previousDir?: string, deps: DocumentCsvDeps = { unpack: unpackDocument },
): { spans: ReportSpans; outputs: OutputHash[] } {
  mkdirSync(dir, { recursive: true });
  const want = dialectName(dialect);
  const files = [
    new ReportFile(path.join(dir, 'documents.csv'), toCsv(DOCUMENT_COLUMNS, [], dialect)),
    new ReportFile(path.join(dir, 'units.csv'), toCsv(UNIT_COLUMNS, [], dialect)),
    new ReportFile(path.join(dir, 'stances.csv'), toCsv(STANCE_COLUMNS, [], dialect)),
    new ReportFile(path.join(dir, 'claim_mentions.csv'), toCsv(CLAIM_MENTION_COLUMNS, [], dialect)),
  ] as const;
  const previous = openPrevious(store, previousDir, want);
  const buffer = previous === undefined ? undefined : Buffer.allocUnsafe(WRITE_CHUNK);
  // A run of consecutive bytes to copy from each previous CSV, extended while documents follow on.
  const pending = DOCUMENT_CSVS.map(() => ({ at: 0, length: 0 }));
  const copyPending = (): void => {
    pending.forEach((p, i) => {
      if (p.length > 0) files[i]!.copy(previous![i]!, p.at, p.length, buffer!);
      p.length = 0;
    });
  };
  let spans = new Float64Array(1024 * 9);
  let n = 0;
  const rows = (serial: number): DocumentCsv => renderDocumentCsv(deps.unpack(store.packedOf(serial)), dialect);
  try {
    for (const doc of store.documents()) {
      if (n + 9 > spans.length) {
        const grown = new Float64Array(spans.length * 2);
        grown.set(spans);
        spans = grown;
      }
      spans[n++] = doc.serial;
      if (previous !== undefined && doc.spans !== undefined) {
        for (let i = 0; i < files.length; i += 1) {
          const at = doc.spans[2 * i]!;
          const length = doc.spans[2 * i + 1]!;
          const p = pending[i]!;
          if (p.length > 0 && p.at + p.length !== at) {
            files[i]!.copy(previous[i]!, p.at, p.length, buffer!);
            p.length = 0;
          }
          if (p.length === 0) p.at = at;
          p.length += length;
          spans[n++] = files[i]!.bytes + pending[i]!.length - length;
          spans[n++] = length;
        }
        continue;
      }
      copyPending();
      rows(doc.serial).forEach((text, i) => {
        const at = files[i]!.bytes;
        files[i]!.add(text);
        spans[n++] = at;
        spans[n++] = files[i]!.bytes - at;
      });
    }
    copyPending();
    return { spans: spans.slice(0, n), outputs: files.map((f) => f.close()) };
  } catch (error) {
    for (const f of files) if (f.open) closeSync(f.fd);
    throw error;
  } finally {
    for (const fd of previous ?? []) closeSync(fd);
  }
}
