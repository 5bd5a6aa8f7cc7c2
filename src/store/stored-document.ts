import type { AnalysedDocument } from '../model.js';
import { claimMentionRows, documentRows, stanceRows, unitRows } from '../report/build-rows.js';
import { CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, STANCE_COLUMNS, UNIT_COLUMNS } from '../report/columns.js';
import { csvRows, type CsvDialect } from '../report/write-csv.js';
import type { StoredCsv, StoredDocument } from './store.js';

/** Name of a CSV dialect as stored beside the rows rendered in it. */
export function dialectName(dialect: CsvDialect): string {
  return dialect.spreadsheet ? 'spreadsheet' : 'rfc4180';
}

/**
 * The report rows of one document (documents, units, stances, claim_mentions), pre-rendered without
 * the header: the same bytes the whole-report writer gives for them, since each CSV record is
 * written on its own.
 */
export function renderDocumentCsv(doc: AnalysedDocument, dialect: CsvDialect): StoredCsv {
  return {
    dialect: dialectName(dialect),
    documents: csvRows(DOCUMENT_COLUMNS, documentRows([doc]), dialect),
    units: csvRows(UNIT_COLUMNS, unitRows([doc]), dialect),
    stances: csvRows(STANCE_COLUMNS, stanceRows([doc]), dialect),
    mentions: csvRows(CLAIM_MENTION_COLUMNS, claimMentionRows([doc]), dialect),
  };
}

/** An analysed document as the store keeps it. */
export function toStoredDocument(doc: AnalysedDocument, dialect: CsvDialect, phrases?: Uint32Array): StoredDocument {
  const withClaims = doc.units.filter((u) => u.claims.length > 0);
  return {
    docId: doc.document.id,
    nUnits: doc.units.length,
    nClaims: doc.units.reduce((n, u) => n + u.claims.length, 0),
    analysis: JSON.stringify(doc),
    // claims.csv is built from mentions only: the units without any are left out of this copy.
    claims: withClaims.length === 0 ? null : JSON.stringify({ ...doc, units: withClaims }),
    csv: renderDocumentCsv(doc, dialect),
    ...(phrases === undefined ? {} : { phrases }),
  };
}
