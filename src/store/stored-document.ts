import type { AnalysedDocument } from '../model.js';
import { packSignature } from '../phrases/find-phrases.js';
import { claimMentionRows, documentRows, mentionRecords, stanceRows, unitRows } from '../report/build-rows.js';
import { documentFigures } from '../report/html/aggregate-report.js';
import { CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, STANCE_COLUMNS, UNIT_COLUMNS } from '../report/columns.js';
import { csvRows, type CsvDialect } from '../report/write-csv.js';
import { packDocument, packText } from './pack.js';
import type { ReportParts, StoredDocument } from './store.js';

/** Name of a CSV dialect, as recorded beside the per-document CSVs written in it (Store.setReportSpans). */
export function dialectName(dialect: CsvDialect): string {
  return dialect.spreadsheet ? 'spreadsheet' : 'rfc4180';
}

/** The per-document CSV rows: documents.csv, units.csv, stances.csv, claim_mentions.csv, in DOCUMENT_CSVS order. */
export type DocumentCsv = readonly [documents: string, units: string, stances: string, mentions: string];

/**
 * The report rows of one document (documents, units, stances, claim_mentions), without the header:
 * the same bytes the whole-report writer gives for them, since each CSV record is written on its own.
 */
export function renderDocumentCsv(doc: AnalysedDocument, dialect: CsvDialect): DocumentCsv {
  return [
    csvRows(DOCUMENT_COLUMNS, documentRows([doc]), dialect),
    csvRows(UNIT_COLUMNS, unitRows([doc]), dialect),
    csvRows(STANCE_COLUMNS, stanceRows([doc]), dialect),
    csvRows(CLAIM_MENTION_COLUMNS, claimMentionRows([doc]), dialect),
  ];
}

/**
 * An analysed document as the store keeps it: counts, its report figures and claim mentions, the
 * analysis compressed, and its phrase signature packed.
 */
export function toStoredDocument(doc: AnalysedDocument, phrases?: Uint32Array): StoredDocument {
  return {
    docId: doc.document.id,
    nUnits: doc.units.length,
    nClaims: doc.units.reduce((n, u) => n + u.claims.length, 0),
    report: packText(JSON.stringify({ figures: documentFigures(doc), mentions: mentionRecords(doc) } satisfies ReportParts)),
    packed: packDocument(doc),
    ...(phrases === undefined ? {} : { phrases: { packed: packSignature(phrases), words: phrases.length } }),
  };
}
