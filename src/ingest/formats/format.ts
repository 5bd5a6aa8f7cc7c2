import type { Diagnostic } from '../../model.js';
import type { ParsedPage } from '../page.js';

/** A diagnostic from a format reader, before the ingest step adds the file and document ids. */
export type FormatDiagnostic = Omit<Diagnostic, 'file' | 'docId'> & { readonly recordId?: string };

/** One document found in a structured file. */
export interface ParsedRecord {
  /** The record's id inside its file (`path#id` in the reports); undefined for a one-page file (HTML). */
  readonly id?: string;
  /** 1-based line where the record starts, when known. */
  readonly line?: number;
  readonly page: ParsedPage;
}

/** What a structured reader gives: its documents and what it could not read. */
export interface FormatResult {
  readonly records: readonly ParsedRecord[];
  readonly diagnostics: readonly FormatDiagnostic[];
}

/**
 * Largest document record (one JSONL line, one JSON array element, one CSV document) read, in
 * characters. A scraped page with a long thread is well under 1 MB; records past this are data
 * dumps or broken exports, and analysing them would hold the run for minutes (see README, "Bad input").
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** "4 MiB" for messages. */
export function sizeLabel(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '')} MiB` : `${n} bytes`;
}
