import type { AnalysedDocument } from '../model.js';
import { claimMentionRows, documentRows, stanceRows, unitRows } from '../report/build-rows.js';
import { CLAIM_MENTION_COLUMNS, DOCUMENT_COLUMNS, STANCE_COLUMNS, UNIT_COLUMNS, type Row } from '../report/columns.js';
import { toCsv, type CsvDialect } from '../report/write-csv.js';
import type { StoredCsv, StoredDocument } from './store.js';

/** Name of a CSV dialect as stored beside the rows rendered in it. */
export function dialectName(dialect: CsvDialect): string {
  return dialect.spreadsheet ? 'spreadsheet' : 'rfc4180';
}

// Rows of one document without the header: the same bytes the whole-report writer gives for them,
// since each CSV record is stringified on its own.
function rowsOnly<C extends readonly string[]>(columns: C, rows: Iterable<Row<C>>, dialect: CsvDialect): string {
  return toCsv(columns, rows, dialect).slice(toCsv(columns, [], dialect).length);
}

/** The report rows of one document (documents, units, stances, claim_mentions), pre-rendered. */
export function renderDocumentCsv(doc: AnalysedDocument, dialect: CsvDialect): StoredCsv {
  return {
    dialect: dialectName(dialect),
    documents: rowsOnly(DOCUMENT_COLUMNS, documentRows([doc]), dialect),
    units: rowsOnly(UNIT_COLUMNS, unitRows([doc]), dialect),
    stances: rowsOnly(STANCE_COLUMNS, stanceRows([doc]), dialect),
    mentions: rowsOnly(CLAIM_MENTION_COLUMNS, claimMentionRows([doc]), dialect),
  };
}

/** An analysed document as the store keeps it. */
export function toStoredDocument(doc: AnalysedDocument, dialect: CsvDialect): StoredDocument {
  const withClaims = doc.units.filter((u) => u.claims.length > 0);
  return {
    docId: doc.document.id,
    nUnits: doc.units.length,
    nClaims: doc.units.reduce((n, u) => n + u.claims.length, 0),
    analysis: JSON.stringify(doc),
    // claims.csv is built from mentions only: the units without any are left out of this copy.
    claims: withClaims.length === 0 ? null : JSON.stringify({ ...doc, units: withClaims }),
    csv: renderDocumentCsv(doc, dialect),
  };
}
