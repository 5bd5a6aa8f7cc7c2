import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseDocument, type AnalysisContext } from './analyse/analyse-document.js';
import { findPhrases, phraseUnitsOf } from './claims/find-phrases.js';
import { loadPhraseWords, type PhraseWords } from './claims/load-phrase-words.js';
import { ingestFile } from './ingest/ingest-file.js';
import { listCorpus } from './ingest/list-corpus.js';
import { createDetector } from './language/detect-language.js';
import { loadLexicons } from './lexicon/load-lexicon.js';
import type { AnalysedDocument, Diagnostic, FileAnalysis } from './model.js';
import type { RunOptions } from './options.js';
import { claimMentionRows, claimRows, diagnosticRows, documentRows, phraseRows, stanceRows, unitRows } from './report/build-rows.js';
import { CLAIM_COLUMNS, CLAIM_MENTION_COLUMNS, DIAGNOSTIC_COLUMNS, DOCUMENT_COLUMNS, PHRASE_COLUMNS, STANCE_COLUMNS, UNIT_COLUMNS } from './report/columns.js';
import { writeHtmlReport } from './report/html/write-html-report.js';
import { writeCsv } from './report/write-csv.js';
import { writeManifest } from './report/write-manifest.js';
import { TOOL_VERSION } from './version.js';

/** Progress of a run, for the CLI to show; stages never print. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
  readonly file: string;
}

/** What a run did, for the exit code and the closing line. */
export interface RunSummary {
  readonly files: number;
  readonly documents: number;
  readonly units: number;
  readonly diagnostics: number;
  readonly errors: number;
  readonly outDir: string;
}

/** The report files of the output contract, in the order they are written. */
export const REPORT_FILES = ['documents.csv', 'units.csv', 'stances.csv', 'claims.csv', 'claim_mentions.csv', 'phrases.csv', 'diagnostics.csv', 'report.html', 'manifest.json'] as const;

/** Read and analyse one corpus file. Bad input comes back as diagnostics; only bugs throw. */
export function analyseFile(file: string, bytes: Uint8Array, context: AnalysisContext): FileAnalysis {
  const ingested = ingestFile(file, bytes);
  return {
    file, sha256: ingested.sha256, bytes: bytes.length,
    documents: ingested.documents.map((d) => analyseDocument(d, context)),
    diagnostics: ingested.diagnostics,
  };
}

/** Write every report of the contract from the analysed files. */
export function writeReports(analyses: readonly FileAnalysis[], context: AnalysisContext, options: RunOptions, started: Date, phraseWords: PhraseWords): RunSummary {
  const docs: AnalysedDocument[] = analyses.flatMap((a) => a.documents).sort((a, b) => (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0));
  const diagnostics: Diagnostic[] = analyses.flatMap((a) => a.diagnostics);
  const dialect = { spreadsheet: options.spreadsheet };
  const out = (name: string): string => path.join(options.outDir, name);
  const phrases = findPhrases(() => phraseUnitsOf(docs), { words: phraseWords });

  writeCsv(out('documents.csv'), DOCUMENT_COLUMNS, documentRows(docs), dialect);
  writeCsv(out('units.csv'), UNIT_COLUMNS, unitRows(docs), dialect);
  writeCsv(out('stances.csv'), STANCE_COLUMNS, stanceRows(docs), dialect);
  const claims = claimRows(docs, context.lexicons.claims.entries);
  writeCsv(out('claims.csv'), CLAIM_COLUMNS, claims, dialect);
  writeCsv(out('claim_mentions.csv'), CLAIM_MENTION_COLUMNS, claimMentionRows(docs), dialect);
  writeCsv(out('phrases.csv'), PHRASE_COLUMNS, phraseRows(phrases), dialect);
  writeCsv(out('diagnostics.csv'), DIAGNOSTIC_COLUMNS, diagnosticRows(diagnostics), dialect);
  writeHtmlReport(out('report.html'), {
    documents: docs, toolVersion: TOOL_VERSION, lexicons: context.lexicons.files, diagnostics, claims, phrases: phraseRows(phrases),
    files: REPORT_FILES.filter((f) => f !== 'report.html'),
  });

  const units = docs.reduce((n, d) => n + d.units.length, 0);
  const errors = diagnostics.filter((d) => d.level === 'error').length;
  writeManifest(out('manifest.json'), {
    tool: { name: 'controverse', version: TOOL_VERSION },
    node: process.version,
    command: options.commandLine,
    corpus: options.inputs,
    inputs: analyses.map((a) => ({ file: a.file, sha256: a.sha256, bytes: a.bytes })),
    lexicons: [...context.lexicons.files, phraseWords.file],
    counts: {
      files: analyses.length, documents: docs.length, units,
      comments: units - docs.length, claim_mentions: docs.reduce((n, d) => n + d.units.reduce((m, u) => m + u.claims.length, 0), 0),
      phrases: phrases.length,
    },
    diagnostics: { total: diagnostics.length, errors, warnings: diagnostics.filter((d) => d.level === 'warning').length },
    started: started.toISOString(),
    finished: new Date().toISOString(),
  });
  return { files: analyses.length, documents: docs.length, units, diagnostics: diagnostics.length, errors, outDir: options.outDir };
}

/**
 * The whole pipeline: load lexicons and list the corpus (configuration errors throw before any
 * work), then ingest and analyse each file, then write the reports.
 */
export function run(options: RunOptions, onProgress?: (p: RunProgress) => void): RunSummary {
  const started = new Date();
  const lexicons = loadLexicons(options.lexiconDir);
  const phraseWords = loadPhraseWords(options.lexiconDir);
  const files = listCorpus(options.inputs);
  const context: AnalysisContext = { detector: createDetector(options.langDetector), lexicons };
  const analyses: FileAnalysis[] = [];
  let bytes = 0;
  files.forEach((f, i) => {
    let data: Buffer;
    try {
      data = readFileSync(f.absolute);
    } catch (error) {
      analyses.push({ file: f.relative, sha256: '', bytes: 0, documents: [], diagnostics: [{ level: 'error', code: 'unreadable-file', file: f.relative, message: `cannot read the file: ${(error as Error).message}` }] });
      return;
    }
    bytes += data.length;
    analyses.push(analyseFile(f.relative, data, context));
    onProgress?.({ done: i + 1, total: files.length, bytes, file: f.relative });
  });
  return writeReports(analyses, context, options, started, phraseWords);
}
