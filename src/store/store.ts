import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import type { CachedLexicons } from '../lexicon/lexicon-cache.js';
import type { AnalysedDocument, Diagnostic } from '../model.js';
import type { MentionRecord } from '../report/build-rows.js';
import type { DocumentFigures } from '../report/html/aggregate-report.js';
import { signatureUnpacker, unpackSignature } from '../phrases/find-phrases.js';
import { unpackDocument, unpackText } from './pack.js';
import { trimWalToCommitted } from './trim-wal.js';

/** The store's file name inside the output folder (plus SQLite's `-wal` and `-shm` beside it). */
export const STORE_FILE = 'controverse.sqlite';

/** Meta key of the corpus listing's diagnostics; part of what identifies the reports (see reportsKey). */
export const LISTING_META = 'listing_diagnostics';

/**
 * Bump when the tables change: an older store is then rebuilt from scratch; a newer one is refused, never wiped.
 * 2: phrase signatures. 3: analyses and CSV rows compressed together (pack.ts), no separate copy of the
 * claim-carrying units, file inodes. 4: each document's report figures and claim mentions beside it, so
 * that report.html and claims.csv read no analysis; documents numbered (serial) and where each one's rows
 * are in the CSVs last written (report_spans), so that a rerun copies the rows of unchanged documents.
 * 5: a document's analysis packed without its CSV rows (rendered again when written); phrase signatures
 * packed (pack-signature.ts) and keyed by the document's serial. 6: a document's report figures and
 * claim mentions packed together (one decompression per document when the reports are written).
 */
export const SCHEMA_VERSION = 6;

/** One document of an analysed file, as kept in the store: its analysis compressed, its report figures and claim mentions. */
export interface StoredDocument {
  readonly docId: string;
  readonly nUnits: number;
  /** Claim mentions found in its units, negated ones included. */
  readonly nClaims: number;
  /** Its share of report.html's figures and its claim mentions, as ReportParts JSON, packText'ed. */
  readonly report: Uint8Array;
  /** The AnalysedDocument, packDocument'ed. */
  readonly packed: Uint8Array;
  /** Its phrase signature (see PhraseSigner), when phrase discovery reads it: packSignature'd, and its length in words. */
  readonly phrases?: { readonly packed: Uint8Array; readonly words: number };
}

/** What the reports read of one document besides its CSV rows: what writeReports aggregates over the corpus. */
export interface ReportParts {
  /** Its share of report.html's figures. */
  readonly figures: DocumentFigures;
  /** Its claim mentions, negated ones included, in text order. */
  readonly mentions: readonly MentionRecord[];
}

/** What the store remembers about one corpus file. */
export interface StoredFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  /** File size, modification time and inode when it was hashed: lets a rerun skip re-reading unchanged files. */
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly hashedAt: number;
  /** Analysis key (pipeline + lexicons + detector) the stored analysis was made with. */
  readonly analysisKey: string;
}

/** A new stat for a stored file (see Store.touchFiles). */
export interface FileTouch {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly hashedAt: number;
}

/** A file's complete analysis, ready to be written in one transaction. */
export interface FileRecord extends StoredFile {
  readonly diagnostics: readonly Diagnostic[];
  readonly documents: readonly StoredDocument[];
}

/** A document of the per-document CSVs, in report order, without its (packed) rows. */
export interface DocumentRow {
  /** Numbers the stored version of a document: a new analysis of it gets a new serial, never an old one. */
  readonly serial: number;
  /**
   * Where its rows are in the per-document CSVs last written (see setReportSpans): byte offset and
   * length in each, in DOCUMENT_CSVS order; absent when this version of it was not in them.
   */
  readonly spans?: readonly number[];
}

/** The per-document CSVs last written, as setReportSpans records them. */
export interface ReportSpansOf {
  /** Dialect they were written in (dialectName). */
  readonly dialect: string;
  /** sha256 and size of each, in DOCUMENT_CSVS order. */
  readonly outputs: readonly { readonly file: string; readonly sha256: string; readonly bytes: number }[];
}

/**
 * Keeps the phrase signatures of a file's documents about to go, while a phrase state counted them:
 * the next count subtracts them (see Store.retiredSignature).
 */
const RETIRE_SIGNATURES = 'INSERT OR IGNORE INTO phrase_retired (serial, signature) SELECT serial, signature FROM phrase_signatures WHERE serial IN (SELECT serial FROM documents WHERE path = ?)';

/** Removes the phrase signatures of a file's documents (before the documents themselves). */
const DELETE_SIGNATURES = 'DELETE FROM phrase_signatures WHERE serial IN (SELECT serial FROM documents WHERE path = ?)';

const SPAN_COLUMNS = ['d_at', 'd_len', 'u_at', 'u_len', 's_at', 's_len', 'm_at', 'm_len'] as const;

// SQLite compares BLOBs with memcmp; UTF-16BE bytes compare exactly like JavaScript strings (by code
// unit), so ORDER BY on these keys gives the reports' order without sorting in memory.
function sortKey(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return b;
}

/** The columns of documents but its serial. */
const DOCUMENT_COLUMNS = 'path, ord, doc_key, path_key, doc_id, n_units, n_claims, report, packed';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
  size INTEGER NOT NULL, mtime_ms REAL NOT NULL, ino INTEGER NOT NULL, hashed_at REAL NOT NULL,
  analysis_key TEXT NOT NULL, diagnostics TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  serial INTEGER PRIMARY KEY AUTOINCREMENT,
  path TEXT NOT NULL, ord INTEGER NOT NULL, doc_key BLOB NOT NULL, path_key BLOB NOT NULL, doc_id TEXT NOT NULL,
  n_units INTEGER NOT NULL, n_claims INTEGER NOT NULL, report BLOB NOT NULL, packed BLOB NOT NULL,
  UNIQUE (path, ord)
);
CREATE TABLE IF NOT EXISTS report_spans (
  serial INTEGER PRIMARY KEY, d_at INTEGER NOT NULL, d_len INTEGER NOT NULL, u_at INTEGER NOT NULL, u_len INTEGER NOT NULL,
  s_at INTEGER NOT NULL, s_len INTEGER NOT NULL, m_at INTEGER NOT NULL, m_len INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_in_report_order ON documents (doc_key, path_key, ord);
CREATE TABLE IF NOT EXISTS phrase_signatures (serial INTEGER PRIMARY KEY, words INTEGER NOT NULL, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS phrase_state (id INTEGER PRIMARY KEY CHECK (id = 0), state BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS phrase_retired (serial INTEGER PRIMARY KEY, signature BLOB NOT NULL);
`;

/**
 * The embedded SQLite store of an output folder: per corpus file, its hash and everything the
 * analysis learnt, so that a rerun only analyses what is new and rebuilds the reports from here.
 * WAL journal: a run killed at any moment leaves the last committed transaction, never half of one.
 */
export class Store {
  readonly file: string;
  private readonly db: Database.Database;
  private packedByPath: Database.Statement | undefined;

  private constructor(file: string, readonly: boolean) {
    this.file = file;
    this.db = new Database(file, { readonly, fileMustExist: readonly });
    if (!readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
  }

  /**
   * Open (and create or upgrade) the store of an output folder for writing. `rebuiltFrom`: the
   * schema of an older store that was emptied to be rebuilt in this one's.
   */
  static open(outDir: string): { store: Store; rebuiltFrom?: number } {
    mkdirSync(outDir, { recursive: true });
    const store = new Store(path.join(outDir, STORE_FILE), false);
    const version = store.tableExists('meta') ? store.getMeta('schema') : undefined;
    if (version !== undefined && Number(version) > SCHEMA_VERSION) {
      store.close();
      throw new UserError(`${store.file} was written by a newer version of controverse (store schema ${version}, this one reads ${SCHEMA_VERSION}); it is left as it is`, 'Run that newer version, or give another --out.');
    }
    const older = version !== undefined && version !== String(SCHEMA_VERSION);
    if (older) store.db.exec('DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS phrase_sketch; DROP TABLE IF EXISTS phrase_signatures; DROP TABLE IF EXISTS report_spans; DROP TABLE IF EXISTS phrase_state; DROP TABLE IF EXISTS phrase_retired;');
    store.db.exec(SCHEMA);
    store.setMeta('schema', String(SCHEMA_VERSION));
    if (older) store.db.exec('VACUUM'); // give back the old tables' pages
    return { store, rebuiltFrom: older ? Number(version) : undefined };
  }

  /** Open another folder's store read-only (a shard being merged, or a worker's reader). */
  static openReadonly(file: string): Store {
    return new Store(file, true);
  }

  private tableExists(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  deleteMeta(key: string): void {
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  }

  /** The lexicons kept by the last run that read them from their folder (see loadRunLexiconsCached). */
  lexiconCache(): CachedLexicons | undefined {
    const rows = this.db.prepare("SELECT key, value FROM meta WHERE key IN ('lexicons_key', 'lexicons_data')").all() as { key: string; value: string }[];
    const key = rows.find((r) => r.key === 'lexicons_key')?.value;
    const data = rows.find((r) => r.key === 'lexicons_data')?.value;
    return key === undefined || data === undefined ? undefined : { key, data };
  }

  setLexiconCache(cached: CachedLexicons): void {
    this.db.transaction(() => {
      this.setMeta('lexicons_key', cached.key);
      this.setMeta('lexicons_data', cached.data);
    })();
  }

  /** Every stored file, by path. */
  files(): Map<string, StoredFile> {
    const rows = this.db.prepare('SELECT path, sha256, bytes, size, mtime_ms AS mtimeMs, ino, hashed_at AS hashedAt, analysis_key AS analysisKey FROM files').all() as StoredFile[];
    return new Map(rows.map((r) => [r.path, r]));
  }

  /** Replace what is stored for these files (each file's rows change together, in one transaction). */
  putFiles(records: readonly FileRecord[]): void {
    const delDocs = this.db.prepare('DELETE FROM documents WHERE path = ?');
    const delSignatures = this.db.prepare(DELETE_SIGNATURES);
    const putSignature = this.db.prepare('INSERT INTO phrase_signatures (serial, words, signature) VALUES (?, ?, ?)');
    const putFile = this.db.prepare(
      'INSERT OR REPLACE INTO files (path, sha256, bytes, size, mtime_ms, ino, hashed_at, analysis_key, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const putDoc = this.db.prepare(
      `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const retire = this.hasPhraseState() ? this.db.prepare(RETIRE_SIGNATURES) : undefined;
    this.db.transaction(() => {
      for (const r of records) {
        retire?.run(r.path);
        delSignatures.run(r.path);
        delDocs.run(r.path);
        putFile.run(r.path, r.sha256, r.bytes, r.size, r.mtimeMs, r.ino, r.hashedAt, r.analysisKey, JSON.stringify(r.diagnostics));
        const pathKey = sortKey(r.path);
        r.documents.forEach((d, ord) => {
          const { lastInsertRowid } = putDoc.run(r.path, ord, sortKey(d.docId), pathKey, d.docId, d.nUnits, d.nClaims, d.report, d.packed);
          if (d.phrases !== undefined) putSignature.run(lastInsertRowid, d.phrases.words, d.phrases.packed);
        });
      }
    })();
  }

  /** Record a new stat (size, mtime, inode) for files whose content was re-hashed and found unchanged. */
  touchFiles(entries: readonly FileTouch[]): void {
    const touch = this.db.prepare('UPDATE files SET size = ?, mtime_ms = ?, ino = ?, hashed_at = ? WHERE path = ?');
    this.db.transaction(() => {
      for (const e of entries) touch.run(e.size, e.mtimeMs, e.ino, e.hashedAt, e.path);
    })();
  }

  /** Forget files (deleted from the corpus, or outside this shard). */
  removeFiles(paths: readonly string[]): void {
    const delDocs = this.db.prepare('DELETE FROM documents WHERE path = ?');
    const delSignatures = this.db.prepare(DELETE_SIGNATURES);
    const delFile = this.db.prepare('DELETE FROM files WHERE path = ?');
    const retire = this.hasPhraseState() ? this.db.prepare(RETIRE_SIGNATURES) : undefined;
    this.db.transaction(() => {
      for (const p of paths) {
        retire?.run(p);
        delSignatures.run(p);
        delDocs.run(p);
        delFile.run(p);
      }
    })();
  }

  /** Documents in report order (doc_id, then file, then position in the file), streamed, with their spans in the CSVs last written. */
  *documents(): Generator<DocumentRow> {
    const stmt = this.db.prepare(
      `SELECT d.serial, s.serial AS spanned, ${SPAN_COLUMNS.map((c) => `s.${c}`).join(', ')}
       FROM documents d LEFT JOIN report_spans s ON s.serial = d.serial ORDER BY d.doc_key, d.path_key, d.ord`,
    ).raw();
    for (const r of stmt.iterate() as IterableIterator<[number, number | null, ...number[]]>) {
      const [serial, spanned, ...spans] = r;
      yield spanned === null ? { serial } : { serial, spans };
    }
  }

  /** The packed analysis of one document (DocumentRow.serial). */
  packedOf(serial: number): Uint8Array {
    return this.db.prepare('SELECT packed FROM documents WHERE serial = ?').pluck().get(serial) as Buffer;
  }

  /** The per-document CSVs the spans of documents() are in, if any (see setReportSpans). */
  reportSpansOf(): ReportSpansOf | undefined {
    const recorded = this.getMeta('report_spans_of');
    return recorded === undefined ? undefined : JSON.parse(recorded) as ReportSpansOf;
  }

  /**
   * Record where each document's rows are in the per-document CSVs just written: `spans` holds, per
   * document, its serial then its offset and length in each CSV (SPAN_COLUMNS), one after the other.
   */
  setReportSpans(spans: Float64Array, of: ReportSpansOf): void {
    const put = this.db.prepare(`INSERT INTO report_spans (serial, ${SPAN_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const width = SPAN_COLUMNS.length + 1;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM report_spans');
      for (let i = 0; i < spans.length; i += width) put.run(...spans.subarray(i, i + width));
      this.setMeta('report_spans_of', JSON.stringify(of));
    })();
  }

  /** The analysis of one document. */
  analysisOf(file: string, ord: number): AnalysedDocument {
    // Prepared once per store: phrase discovery asks for thousands of documents.
    this.packedByPath ??= this.db.prepare('SELECT packed FROM documents WHERE path = ? AND ord = ?').pluck();
    return unpackDocument(this.packedByPath.get(file, ord) as Buffer);
  }

  /** Every document's report figures and claim mentions (StoredDocument.report), in report order, streamed. */
  *reportParts(): Generator<ReportParts & { readonly path: string; readonly ord: number }> {
    const stmt = this.db.prepare('SELECT path, ord, report FROM documents ORDER BY doc_key, path_key, ord');
    for (const row of stmt.iterate() as IterableIterator<{ path: string; ord: number; report: Buffer }>) {
      yield { path: row.path, ord: row.ord, ...JSON.parse(unpackText(row.report)) as ReportParts };
    }
  }

  /** Documents, units and claim mentions (negated ones included) in the store. */
  counts(): { documents: number; units: number; claims: number } {
    return this.db.prepare('SELECT count(*) AS documents, coalesce(sum(n_units), 0) AS units, coalesce(sum(n_claims), 0) AS claims FROM documents').get() as {
      documents: number; units: number; claims: number;
    };
  }

  /** Every diagnostic of every stored file, and the corpus listing's (see setListingDiagnostics). */
  diagnostics(): Diagnostic[] {
    const rows = this.db.prepare('SELECT diagnostics FROM files ORDER BY path').pluck().all() as string[];
    return [...rows.flatMap((r) => JSON.parse(r) as Diagnostic[]), ...(JSON.parse(this.getMeta(LISTING_META) ?? '[]') as Diagnostic[])];
  }

  /** What the corpus listing skipped (folders, links, special files), kept until the next listing. */
  setListingDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.setMeta(LISTING_META, JSON.stringify(diagnostics));
  }

  /** Copy every file and document of another store into this one (shard merge). */
  copyFrom(other: string): void {
    this.db.prepare('ATTACH DATABASE ? AS shard').run(other);
    try {
      this.db.transaction(() => {
        // Documents get serials of this store (a shard's are its own): none is in the reports of this folder yet.
        this.db.exec(`INSERT INTO files SELECT * FROM shard.files; INSERT INTO documents (${DOCUMENT_COLUMNS}) SELECT ${DOCUMENT_COLUMNS} FROM shard.documents;
          INSERT INTO phrase_signatures (serial, words, signature) SELECT d.serial, s.words, s.signature
            FROM shard.phrase_signatures s JOIN shard.documents sd ON sd.serial = s.serial JOIN documents d ON d.path = sd.path AND d.ord = sd.ord;`);
        // Every shard listed the whole corpus: their listing rows are the same, one copy is kept.
        this.db.prepare('INSERT OR REPLACE INTO meta (key, value) SELECT key, value FROM shard.meta WHERE key = ?').run(LISTING_META);
      })();
    } finally {
      this.db.exec('DETACH DATABASE shard');
    }
  }

  /** Empty the store (before a merge rebuilds it from the shards). */
  clear(): void {
    this.db.exec('DELETE FROM documents; DELETE FROM files; DELETE FROM phrase_signatures; DELETE FROM phrase_state; DELETE FROM phrase_retired;');
  }

  private hasPhraseState(): boolean {
    return this.db.prepare('SELECT 1 FROM phrase_state').get() !== undefined;
  }

  /** The phrase state the last phrase count left (packPhraseState), if any. */
  phraseState(): Uint8Array | undefined {
    return this.db.prepare('SELECT state FROM phrase_state').pluck().get() as Buffer | undefined;
  }

  /**
   * Keep the phrase state of a count of the documents now stored; the signatures retired since the
   * last one are not needed any more.
   */
  setPhraseState(packed: Uint8Array): void {
    // Deleted first: the new state then takes the pages the old one and the retired signatures
    // freed, within the transaction, instead of growing the file by a state's size (INSERT OR
    // REPLACE writes the new row before it frees the old one).
    this.db.transaction(() => {
      this.db.exec('DELETE FROM phrase_state; DELETE FROM phrase_retired;');
      this.db.prepare('INSERT INTO phrase_state (id, state) VALUES (0, ?)').run(packed);
    })();
  }

  /** Forget the phrase state (the next count starts from scratch) and the signatures kept for it. */
  dropPhraseState(): void {
    this.db.exec('DELETE FROM phrase_state; DELETE FROM phrase_retired;');
  }

  /** The serials of the documents that have a phrase signature. */
  phraseSerials(): number[] {
    return this.db.prepare('SELECT serial FROM phrase_signatures').pluck().all() as number[];
  }

  /** The phrase signature of document `serial`, unpacked (a copy); undefined when it has none. */
  signatureOf(serial: number): Uint32Array | undefined {
    const packed = this.db.prepare('SELECT signature FROM phrase_signatures WHERE serial = ?').pluck().get(serial) as Buffer | undefined;
    return packed === undefined ? undefined : unpackSignature(packed);
  }

  /** The phrase signature of a document gone since the phrase state was made (see RETIRE_SIGNATURES). */
  retiredSignature(serial: number): Uint32Array | undefined {
    const packed = this.db.prepare('SELECT signature FROM phrase_retired WHERE serial = ?').pluck().get(serial) as Buffer | undefined;
    return packed === undefined ? undefined : unpackSignature(packed);
  }

  /**
   * Every document's phrase signature, in report order, streamed. Each signature is valid until the
   * next is asked for: they share one array (see signatureUnpacker); copy one to keep it.
   */
  *phraseSignatures(): Generator<{ readonly path: string; readonly ord: number; readonly docId: string; readonly serial: number; readonly signature: Uint32Array }> {
    const unpack = signatureUnpacker();
    const stmt = this.db.prepare(
      'SELECT d.path, d.ord, d.doc_id AS docId, d.serial, s.signature FROM documents d JOIN phrase_signatures s ON s.serial = d.serial ORDER BY d.doc_key, d.path_key, d.ord',
    );
    for (const row of stmt.iterate() as IterableIterator<{ path: string; ord: number; docId: string; serial: number; signature: Buffer }>) {
      yield { path: row.path, ord: row.ord, docId: row.docId, serial: row.serial, signature: unpack(row.signature) };
    }
  }

  /** 32-bit words of all phrase signatures (unpacked). */
  phraseSignatureWords(): number {
    return this.db.prepare('SELECT coalesce(sum(words), 0) FROM phrase_signatures').pluck().get() as number;
  }

  /** SQLite's quick integrity check: false when the file is damaged. */
  quickCheck(): boolean {
    return this.db.pragma('quick_check', { simple: true }) === 'ok';
  }

  /**
   * Fold the WAL into the database and close. When the disk is full, the frames of the transaction
   * that failed are cut first (trimWalToCommitted) so that the fold has room: no WAL as large as
   * the free space stays behind. Best effort: the database stays consistent either way.
   */
  close(): void {
    if (!this.db.readonly) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        if (!this.db.inTransaction && trimWalToCommitted(this.file)) {
          try {
            this.db.pragma('wal_checkpoint(TRUNCATE)');
          } catch {
            // still no room: SQLite folds the WAL on the next open
          }
        }
      }
    }
    this.db.close();
  }
}
