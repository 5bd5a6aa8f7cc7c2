import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunLexicons } from '../lexicon/run-lexicons.js';
import type { RunOptions } from '../options.js';
import type { RunChanges, RunSummary } from '../pipeline/run-summary.js';
import { commitReports, prepareStaging } from '../store/commit-reports.js';
import { filesDigest } from '../store/files-digest.js';
import { LISTING_META, type Store, type StoredFile } from '../store/store.js';
import { writeDocumentCsvs } from '../store/write-document-csvs.js';
import { detectorVersion } from '../language/detector-version.js';
import { TOOL_VERSION } from '../version.js';
import type { PhrasesJob, PhrasesResult } from '../workers/phrases-worker.js';
import { runOnWorker } from '../workers/analysis-pool.js';
import { claimRows, diagnosticRows, phraseRows, type MentionRecord } from './build-rows.js';
import { claimColumns, DIAGNOSTIC_COLUMNS, PHRASE_COLUMNS, type ClaimRow, type Row } from './columns.js';
import type { GatheredDocuments, ReportDocument } from './html/write-html-report.js';
import { hashOutputs, type OutputHash } from './output-hashes.js';
import { REPORT_FILES } from './outputs.js';
import { writeCsv, type CsvDialect } from './write-csv.js';
import { writeManifest, type Manifest } from './write-manifest.js';
import { dialectName } from '../store/stored-document.js';

/** What phrase discovery gives the rest of the run: how many phrases and the top rows for the HTML report. */
export interface PhrasesOutcome {
  readonly count: number;
  /** Voices a phrase needs (see PhraseStats.floor): counts are exact, memory never raises it. */
  readonly floor: number;
  readonly top: readonly Row<typeof PHRASE_COLUMNS>[];
}

/** Old-generation cap of the phrase thread (see runOnWorker): its count keeps its tables in typed arrays, outside it, and a heap of tens of MB. */
const PHRASE_THREAD_HEAP_MB = 512;

/**
 * Find the recurring phrases of the store's documents, from their phrase signatures, on a thread
 * of its own (the main thread writes the other reports meanwhile), and write phrases.csv.
 */
async function writePhrasesReport(file: string, job: PhrasesJob, dialect: CsvDialect, shown: number): Promise<PhrasesOutcome & { readonly state: Uint8Array }> {
  const { phrases, stats, state } = await runOnWorker<PhrasesResult>('phrases-worker', job, PHRASE_THREAD_HEAP_MB);
  writeCsv(file, PHRASE_COLUMNS, phraseRows(phrases), dialect);
  return { count: phrases.length, floor: stats.floor, top: [...phraseRows(phrases.slice(0, shown))], state };
}

/**
 * What report.html and claims.csv read of every document, stored together (StoredDocument.report),
 * in one pass over the store: the figures added up with the threads shown, and the claim rows.
 */
function gatherReports(store: Store, lexicons: RunLexicons, gatherDocuments: (documents: Iterable<ReportDocument>) => GatheredDocuments): { documents: GatheredDocuments; claims: ClaimRow[] } {
  const mentions: MentionRecord[] = [];
  function* documents(): Generator<ReportDocument> {
    for (const { path: file, ord, figures, mentions: found } of store.reportParts()) {
      for (const m of found) mentions.push(m);
      yield { figures, analysis: () => store.analysisOf(file, ord) };
    }
  }
  const gathered = gatherDocuments(documents());
  return { documents: gathered, claims: claimRows(mentions, lexicons.set.claims.entries, lexicons.set.categories) };
}

// Identifies a set of reports: the analyses they come from and the CSV dialect. Equal keys mean the
// reports in place are the ones this run would write (the listing's rows are in diagnostics.csv).
function reportsKey(store: Store, files: ReadonlyMap<string, StoredFile>, key: string, dialect: CsvDialect): string {
  return filesDigest(files, `${key}\0${dialectName(dialect)}\0${store.getMeta(LISTING_META) ?? ''}\0`);
}

interface ReportCounts {
  readonly documents: number;
  readonly units: number;
  readonly claimMentions: number;
  readonly phrases: number;
  /** PhrasesOutcome.floor. */
  readonly phraseFloor: number;
  readonly diagnostics: number;
  readonly errors: number;
  readonly warnings: number;
  /** Every report but the manifest, hashed once written (absent in stores of earlier versions). */
  readonly outputs?: readonly OutputHash[];
}

/** The reports manifest.json hashes: all but itself. */
const HASHED_OUTPUTS = REPORT_FILES.filter((f) => f !== 'manifest.json');

/**
 * The reports of `counts` are all in `outDir`, each of the size it was written with: a report
 * deleted, truncated or edited to another length makes the run write them again. (Hashing them
 * would cost a read of every report on every rerun; `controverse verify` does that.)
 */
function reportsInPlace(outDir: string, counts: ReportCounts): boolean {
  if (counts.outputs === undefined || !existsSync(path.join(outDir, 'manifest.json'))) return false;
  return counts.outputs.every((o) => {
    try {
      return statSync(path.join(outDir, o.file)).size === o.bytes;
    } catch {
      return false;
    }
  });
}

/** What writeReports needs besides the store. */
export interface ReportContext {
  readonly lexicons: RunLexicons;
  readonly options: RunOptions;
  readonly started: Date;
  readonly analysisKey: string;
  /** pipelineHash() of this run, already computed for the analysis key: recorded in the manifest. */
  readonly codeHash: string;
  readonly changes: RunChanges;
  /** Seconds spent bringing the store up to date, for the manifest. */
  readonly analysisSeconds: number;
  /** The store's files table as it now is (Store.files(), read once per run). */
  readonly files: ReadonlyMap<string, StoredFile>;
}

/**
 * Write every report of the contract from the store, streaming: the new reports go to a staging
 * folder and replace the old ones only once all are complete. When the analyses and the dialect
 * are those of the reports in place, only the manifest is written again.
 */
export async function writeReports(store: Store, ctx: ReportContext): Promise<RunSummary> {
  const { options, lexicons } = ctx;
  const dialect = { spreadsheet: options.spreadsheet };
  const reportsStarted = Date.now();
  const { files } = ctx;
  const key = reportsKey(store, files, ctx.analysisKey, dialect);
  const recorded = store.getMeta('report_counts');
  const kept = recorded === undefined ? undefined : JSON.parse(recorded) as ReportCounts;
  const inPlace = options.full !== true && store.getMeta('reports_key') === key && kept !== undefined && reportsInPlace(options.outDir, kept);
  const manifest = (counts: ReportCounts, phrasesSeconds?: number): Manifest => ({
    tool: { name: 'controverse', version: TOOL_VERSION, code_sha256: ctx.codeHash },
    node: process.version,
    command: options.commandLine,
    options: {
      lexicon_dir: options.lexiconDir, lexicon_source: options.lexiconSource ?? 'option', lang_detector: options.langDetector,
      spreadsheet: options.spreadsheet, workers: options.workers ?? null, full: options.full === true,
      shard: options.shard === undefined ? null : `${options.shard.index}/${options.shard.count}`,
      fitted: options.fitted !== false, worker_memory_mb: options.workerMemoryMb ?? null,
      fields: options.fields === undefined ? null : Object.fromEntries(Object.entries(options.fields).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    detector: detectorVersion(options.langDetector),
    corpus: options.inputs,
    inputs: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => ({ file: f.path, sha256: f.sha256, bytes: f.bytes })),
    lexicons: lexicons.files,
    outputs: counts.outputs ?? hashOutputs(options.outDir, HASHED_OUTPUTS),
    counts: {
      files: files.size, documents: counts.documents, units: counts.units, comments: counts.units - counts.documents,
      claim_mentions: counts.claimMentions, phrases: counts.phrases, phrase_admission_floor: counts.phraseFloor,
    },
    diagnostics: { total: counts.diagnostics, errors: counts.errors, warnings: counts.warnings },
    changes: { ...ctx.changes, reports_rewritten: !inPlace },
    seconds: { analysis: ctx.analysisSeconds, reports: (Date.now() - reportsStarted) / 1000, ...(phrasesSeconds === undefined ? {} : { phrases: phrasesSeconds }) },
    started: ctx.started.toISOString(),
    finished: new Date().toISOString(),
  });
  const summary = (counts: ReportCounts): RunSummary => ({
    files: files.size, documents: counts.documents, units: counts.units, diagnostics: counts.diagnostics, errors: counts.errors,
    outDir: options.outDir, changes: ctx.changes, reportsWritten: !inPlace,
    lexicons: { dir: options.lexiconDir, source: options.lexiconSource ?? 'option' },
  });

  if (inPlace) {
    writeManifest(path.join(options.outDir, 'manifest.json'), manifest(kept));
    return summary(kept);
  }

  // The HTML report's modules (its charts library takes ~0.6 CPU s to load) only when it is written.
  const { gatherDocuments, PHRASES_SHOWN, writeHtmlReport } = await import('./html/write-html-report.js');
  const staging = prepareStaging(options.outDir);
  const out = (name: string): string => path.join(staging, name);
  // Phrase discovery walks the signatures: it runs on a thread of its own meanwhile.
  let phrasesSeconds = 0;
  const phrasesDone = writePhrasesReport(out('phrases.csv'), { storeFile: store.file, full: options.full === true }, dialect, PHRASES_SHOWN)
    .then((outcome) => ((phrasesSeconds = (Date.now() - reportsStarted) / 1000), outcome));
  phrasesDone.catch(() => undefined); // awaited below; this keeps an early failure from being reported as unhandled
  // Rows of documents unchanged since the reports in place are copied from them (checked by hash), not unpacked.
  const documentCsvs = writeDocumentCsvs(store, staging, dialect, options.full === true ? undefined : options.outDir);
  const { documents, claims } = gatherReports(store, lexicons, gatherDocuments);
  writeCsv(out('claims.csv'), claimColumns(lexicons.set.categories), claims, dialect);
  const diagnostics = store.diagnostics();
  writeCsv(out('diagnostics.csv'), DIAGNOSTIC_COLUMNS, diagnosticRows(diagnostics), dialect);
  const phrasesOutcome = await phrasesDone;
  const phrases = phrasesOutcome.count;
  writeHtmlReport(out('report.html'), {
    documents, toolVersion: TOOL_VERSION, lexicons: lexicons.files, categories: lexicons.set.categories, diagnostics, claims,
    phrases: phrasesOutcome.top, files: REPORT_FILES.filter((f) => f !== 'report.html'),
  });

  const stored = store.counts();
  const counts: ReportCounts = {
    documents: stored.documents, units: stored.units, claimMentions: stored.claims, phrases, phraseFloor: phrasesOutcome.floor,
    diagnostics: diagnostics.length, errors: diagnostics.filter((d) => d.level === 'error').length,
    warnings: diagnostics.filter((d) => d.level === 'warning').length,
    outputs: HASHED_OUTPUTS.map((f) => documentCsvs.outputs.find((o) => o.file === f) ?? hashOutputs(staging, [f])[0]!),
  };
  writeManifest(out('manifest.json'), manifest(counts, phrasesSeconds));
  commitReports(options.outDir, REPORT_FILES, key);
  // The next run's phrase count starts from this one's (recountSignedPhrases).
  store.setPhraseState(phrasesOutcome.state);
  store.setReportSpans(documentCsvs.spans, { dialect: dialectName(dialect), outputs: documentCsvs.outputs });
  store.setMeta('reports_key', key);
  store.setMeta('report_counts', JSON.stringify(counts));
  return summary(counts);
}

