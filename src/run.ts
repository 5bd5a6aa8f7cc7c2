import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseDocument, type AnalysisContext } from './analyse/analyse-document.js';
import { combinePartitions, PHRASE_PARTITIONS, PhraseSketch, sumSketchTables, type PartitionCount } from './claims/find-phrases.js';
import { loadPhraseWords, type PhraseWords } from './claims/load-phrase-words.js';
import type { PhrasesJob } from './workers/phrases-worker.js';
import { ingestFile } from './ingest/ingest-file.js';
import { listCorpus, type CorpusFile } from './ingest/list-corpus.js';
import { createDetector } from './language/detect-language.js';
import { loadLexicons, type LexiconFile, type LexiconSet } from './lexicon/load-lexicon.js';
import type { AnalysedDocument, FileAnalysis } from './model.js';
import type { RunOptions, Shard } from './options.js';
import { claimRows, diagnosticRows, phraseRows } from './report/build-rows.js';
import { CLAIM_COLUMNS, DIAGNOSTIC_COLUMNS, PHRASE_COLUMNS, type Row } from './report/columns.js';
import { PHRASES_SHOWN, writeHtmlReport } from './report/html/write-html-report.js';
import { writeCsv, type CsvDialect } from './report/write-csv.js';
import { writeManifest, type Manifest } from './report/write-manifest.js';
import { analysisKey, pipelineHash } from './store/analysis-key.js';
import { commitReports, prepareStaging, recoverReports } from './store/commit-reports.js';
import { acquireRunLock } from './store/run-lock.js';
import { STORE_FILE, Store, type FileRecord, type StoredFile } from './store/store.js';
import { dialectName } from './store/stored-document.js';
import { writeDocumentCsvs } from './store/write-document-csvs.js';
import { WordFolder } from './text/normalise.js';
import { TOOL_VERSION } from './version.js';
import { analyseOnWorkers, runOnWorker, type AnalysisTask } from './workers/analysis-pool.js';

/** Progress of a run, for the CLI to show; stages never print. */
export interface RunProgress {
  /** Files read and hashed or analysed so far, of `total` (files the store could not vouch for). */
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
  readonly totalBytes: number;
  /** Files taken from the store without reading them. */
  readonly reused: number;
  readonly file: string;
}

/** What a rerun changed, compared with what the store held before: recorded in the manifest. */
export interface RunChanges {
  /** `--full`: every file was analysed again. */
  readonly full: boolean;
  /** Files new to the store. */
  readonly added: readonly string[];
  /** Files whose content changed since the last run. */
  readonly changed: readonly string[];
  /** Files gone from the corpus: they dropped out of the reports. */
  readonly removed: readonly string[];
  /** Files with unchanged content analysed again (new lexicons or pipeline version, or `--full`). */
  readonly reanalysed: number;
  /** Files whose stored analysis was used as is. */
  readonly reused: number;
}

/** What a run did, for the exit code and the closing line. */
export interface RunSummary {
  readonly files: number;
  readonly documents: number;
  readonly units: number;
  readonly diagnostics: number;
  readonly errors: number;
  readonly outDir: string;
  readonly changes: RunChanges;
  /** False when nothing changed and the reports in place were kept. */
  readonly reportsWritten: boolean;
}

/** The report files of the output contract, in the order they are written. */
export const REPORT_FILES = ['documents.csv', 'units.csv', 'stances.csv', 'claims.csv', 'claim_mentions.csv', 'phrases.csv', 'diagnostics.csv', 'report.html', 'manifest.json'] as const;

/**
 * What the per-document stages need: loaded once per run, and once in every worker thread. With
 * `sketchPhrases`, the units' phrase segments are counted as they are analysed (pass 1 of phrase discovery).
 */
export function createAnalysisContext(options: Pick<RunOptions, 'lexiconDir' | 'langDetector'>, sketchPhrases = false): AnalysisContext {
  return {
    detector: createDetector(options.langDetector), lexicons: loadLexicons(options.lexiconDir), folder: new WordFolder(),
    ...(sketchPhrases ? { phrases: new PhraseSketch(loadPhraseWords(options.lexiconDir)) } : {}),
  };
}

/** Read and analyse one corpus file. Bad input comes back as diagnostics; only bugs throw. */
export function analyseFile(file: string, bytes: Uint8Array, context: AnalysisContext): FileAnalysis {
  const ingested = ingestFile(file, bytes);
  return {
    file, sha256: ingested.sha256, bytes: bytes.length,
    documents: ingested.documents.map((d) => analyseDocument(d, context)),
    diagnostics: ingested.diagnostics,
  };
}

/** What phrase discovery gives the rest of the run: how many phrases, the top rows for the HTML report, and pass 1 when it made it. */
export interface PhrasesOutcome {
  readonly count: number;
  /** Units a phrase needed to be tallied (see PhraseStats.floor): above the minimum when memory forced it up. */
  readonly floor: number;
  readonly top: readonly Row<typeof PHRASE_COLUMNS>[];
  readonly sketch?: readonly Uint16Array[];
}

/** Old-generation cap of a phrase thread (see runOnWorker): ten times what one keeps on 200 MB. */
const PHRASE_THREAD_HEAP_MB = 512;

/**
 * Find the recurring phrases of the store's documents and write phrases.csv. The phrase partitions
 * are counted on `threads` worker threads side by side (each reads every unit, counts its share).
 */
async function writePhrasesReport(file: string, job: Omit<PhrasesJob, 'partitions'>, threads: number, dialect: CsvDialect): Promise<PhrasesOutcome> {
  const count = Math.max(1, Math.min(threads, PHRASE_PARTITIONS));
  const shares = Array.from({ length: count }, (_, t) => Array.from({ length: PHRASE_PARTITIONS }, (_p, i) => i).filter((i) => i % count === t));
  const counted = await Promise.all(shares.map((partitions) =>
    runOnWorker<PartitionCount>('phrases-worker', { ...job, partitions } satisfies PhrasesJob, PHRASE_THREAD_HEAP_MB)));
  const phrases = combinePartitions(counted.flatMap((c) => c.kept));
  writeCsv(file, PHRASE_COLUMNS, phraseRows(phrases), dialect);
  return {
    count: phrases.length, floor: Math.max(...counted.map((c) => c.stats.floor)),
    top: [...phraseRows(phrases.slice(0, PHRASES_SHOWN))], sketch: counted[0]?.sketch,
  };
}

/** The partition (1..count) a corpus file belongs to: from its path only, so every shard agrees. */
export function shardOf(file: string, count: number): number {
  return (createHash('sha256').update(file).digest().readUInt32BE(0) % count) + 1;
}

// A file modified within this long before it was hashed may change again within the same mtime
// tick (coarse file-system clocks): its stored hash is not trusted on stat alone ("racy git").
const RACY_MS = 2_000;
// Analysed files are stored in transactions of this many, or sooner past this much JSON.
const STORE_BATCH_FILES = 256;
const STORE_BATCH_CHARS = 32 << 20;

function parsed(json: Iterable<string>): Iterable<AnalysedDocument> {
  return { *[Symbol.iterator]() { for (const j of json) yield JSON.parse(j) as AnalysedDocument; } };
}

/** Bring the store up to date with the corpus: analyse what is new or changed, forget what is gone. */
async function updateStore(
  store: Store, files: readonly CorpusFile[], key: string, options: RunOptions, onProgress?: (p: RunProgress) => void,
): Promise<{ changes: RunChanges; phraseSketch: () => readonly Uint16Array[] | undefined }> {
  const full = options.full === true;
  const stored = store.files();
  const current = new Set(files.map((f) => f.relative));
  const removed = [...stored.keys()].filter((p) => !current.has(p)).sort();
  store.removeFiles(removed);

  const tasks: (AnalysisTask & { size: number; mtimeMs: number })[] = [];
  let reused = 0;
  let totalBytes = 0;
  for (const f of files) {
    let size = -1;
    let mtimeMs = -1;
    try {
      const st = statSync(f.absolute);
      size = st.size;
      mtimeMs = st.mtimeMs;
    } catch {
      // unreadable: the worker's read fails too and says why in diagnostics
    }
    const s = stored.get(f.relative);
    const valid = !full && s !== undefined && s.analysisKey === key && s.sha256 !== '';
    if (valid && size >= 0 && s.size === size && s.mtimeMs === mtimeMs && mtimeMs < s.hashedAt - RACY_MS) {
      reused += 1;
      continue;
    }
    totalBytes += Math.max(0, size);
    tasks.push({ id: tasks.length, path: f.relative, absolute: f.absolute, knownSha256: valid ? s.sha256 : undefined, size, mtimeMs });
  }

  const added: string[] = [];
  const changed: string[] = [];
  let reanalysed = 0;
  const analysedNow = new Set<string>();
  let records: FileRecord[] = [];
  let recordChars = 0;
  let touches: { path: string; size: number; mtimeMs: number; hashedAt: number }[] = [];
  const flush = (): void => {
    store.putFiles(records);
    store.touchFiles(touches);
    records = [];
    touches = [];
    recordChars = 0;
  };
  let done = 0;
  let bytes = 0;
  const sketches = await analyseOnWorkers(options.workers ?? os.availableParallelism(), options, tasks.values(), (reply) => {
    const task = tasks[reply.id]!;
    const before: StoredFile | undefined = stored.get(task.path);
    // An unreadable file is stored with an impossible stat, so the next run tries it again.
    const stat = reply.sha256 === '' ? { size: -1, mtimeMs: -1 } : { size: task.size, mtimeMs: task.mtimeMs };
    if (reply.kind === 'unchanged') {
      reused += 1;
      touches.push({ path: task.path, ...stat, hashedAt: reply.hashedAt });
    } else {
      if (before === undefined) added.push(task.path);
      else if (before.sha256 !== reply.sha256) changed.push(task.path);
      else reanalysed += 1;
      analysedNow.add(task.path);
      records.push({ path: task.path, sha256: reply.sha256, bytes: reply.bytes, ...stat, hashedAt: reply.hashedAt, analysisKey: key, diagnostics: reply.diagnostics, documents: reply.documents });
      recordChars += reply.documents.reduce((n, d) => n + d.analysis.length + d.csv.units.length, 0);
    }
    if (records.length >= STORE_BATCH_FILES || touches.length >= STORE_BATCH_FILES || recordChars >= STORE_BATCH_CHARS) flush();
    done += 1;
    bytes += Math.max(0, task.size);
    onProgress?.({ done, total: tasks.length, bytes, totalBytes, reused, file: task.path });
  });
  flush();
  const changes = { full, added: added.sort(), changed: changed.sort(), removed, reanalysed, reused };
  return { changes, phraseSketch: phraseSketchOf(store, key, analysedNow, sketches) };
}

/**
 * A digest of the store's files (paths and contents) after `prefix`, leaving out those of
 * `except`: what identifies the reports in place (prefix: analysis key and CSV dialect) or the
 * files a phrase sketch counts (prefix: analysis key, since words and stems depend on the lexicons).
 */
function filesDigest(store: Store, prefix: string, except: ReadonlySet<string> = new Set()): string {
  const hash = createHash('sha256').update(prefix);
  for (const [file, s] of [...store.files()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (!except.has(file)) hash.update(`${file}\0${s.sha256}\0`);
  return hash.digest('hex');
}

/** What identifies the set of files a phrase sketch counts: the store's files but `except`. */
function sketchCovers(store: Store, key: string, except?: ReadonlySet<string>): string {
  return filesDigest(store, `${key}\0`, except);
}

/**
 * Pass 1 of phrase discovery over every file of the store, when it can be had without reading
 * them: the analysis workers counted the files analysed now; the files kept from earlier runs are
 * covered by the sketch stored then, if it counts exactly them (a file removed or changed since
 * cannot be taken out of it: the phrase threads then count everything again). Read only when the
 * reports are rewritten; stored again when files were analysed.
 */
function phraseSketchOf(store: Store, key: string, analysedNow: ReadonlySet<string>, sketches: (readonly Uint16Array[])[]): () => Uint16Array[] | undefined {
  if (analysedNow.size === 0) return () => store.phraseSketch(sketchCovers(store, key));
  const all = store.files().size === analysedNow.size;
  const earlier = all ? [] : store.phraseSketch(sketchCovers(store, key, analysedNow));
  if (earlier === undefined) return () => undefined;
  const sketch = sumSketchTables(all ? sketches : [earlier, ...sketches]);
  store.setPhraseSketch(sketchCovers(store, key), sketch);
  return () => sketch;
}

// Identifies a set of reports: the analyses they come from and the CSV dialect. Equal keys mean the
// reports in place are the ones this run would write.
function reportsKey(store: Store, key: string, dialect: CsvDialect): string {
  return filesDigest(store, `${key}\0${dialectName(dialect)}\0`);
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
}

/** Every lexicon a run reads: stances, claims, negation (LexiconSet) and phrase discovery's word lists. */
export interface RunLexicons {
  readonly set: LexiconSet;
  readonly phraseWords: PhraseWords;
  /** Every file, as the manifest and the cache keys record them. */
  readonly files: readonly LexiconFile[];
}

/** Load and validate every lexicon of the folder, before any work (LexiconError on a problem). */
export function loadRunLexicons(dir: string): RunLexicons {
  const set = loadLexicons(dir);
  const phraseWords = loadPhraseWords(dir);
  return { set, phraseWords, files: [...set.files, phraseWords.file] };
}

/** What writeReports needs besides the store. */
export interface ReportContext {
  readonly lexicons: RunLexicons;
  readonly options: RunOptions;
  readonly started: Date;
  readonly analysisKey: string;
  readonly changes: RunChanges;
  /** Seconds spent bringing the store up to date, for the manifest. */
  readonly analysisSeconds: number;
  /** Pass 1 of phrase discovery over every unit of the store, when it is known without reading them (see phraseSketchOf). */
  readonly phraseSketch?: () => readonly Uint16Array[] | undefined;
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
  const files = store.files();
  const key = reportsKey(store, ctx.analysisKey, dialect);
  const inPlace = options.full !== true && store.getMeta('reports_key') === key && store.getMeta('report_counts') !== undefined
    && REPORT_FILES.every((f) => existsSync(path.join(options.outDir, f)));
  const manifest = (counts: ReportCounts, phrasesSeconds?: number): Manifest => ({
    tool: { name: 'controverse', version: TOOL_VERSION },
    node: process.version,
    command: options.commandLine,
    corpus: options.inputs,
    inputs: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => ({ file: f.path, sha256: f.sha256, bytes: f.bytes })),
    lexicons: lexicons.files,
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
  });

  if (inPlace) {
    const counts = JSON.parse(store.getMeta('report_counts')!) as ReportCounts;
    writeManifest(path.join(options.outDir, 'manifest.json'), manifest(counts));
    return summary(counts);
  }

  const staging = prepareStaging(options.outDir);
  const out = (name: string): string => path.join(staging, name);
  // Phrase discovery reads every unit again: it runs on threads of its own meanwhile.
  let phrasesSeconds = 0;
  const phrasesDone = writePhrasesReport(out('phrases.csv'), { storeFile: store.file, lexiconDir: options.lexiconDir, sketch: ctx.phraseSketch?.() }, options.workers ?? os.availableParallelism(), dialect)
    .then((outcome) => ((phrasesSeconds = (Date.now() - reportsStarted) / 1000), outcome));
  phrasesDone.catch(() => undefined); // awaited below; this keeps an early failure from being reported as unhandled
  writeDocumentCsvs(store, staging, dialect);
  const claims = claimRows(parsed(store.claimAnalyses()), lexicons.set.claims.entries);
  writeCsv(out('claims.csv'), CLAIM_COLUMNS, claims, dialect);
  const diagnostics = store.diagnostics();
  writeCsv(out('diagnostics.csv'), DIAGNOSTIC_COLUMNS, diagnosticRows(diagnostics), dialect);
  const phrasesOutcome = await phrasesDone;
  const phrases = phrasesOutcome.count;
  // The phrase threads had to count pass 1 themselves: keep it, so the next run adding files need not.
  if (phrasesOutcome.sketch !== undefined) store.setPhraseSketch(sketchCovers(store, ctx.analysisKey), phrasesOutcome.sketch);
  writeHtmlReport(out('report.html'), {
    documents: parsed(store.analyses()), toolVersion: TOOL_VERSION, lexicons: lexicons.files, diagnostics, claims,
    phrases: phrasesOutcome.top, files: REPORT_FILES.filter((f) => f !== 'report.html'),
  });

  const stored = store.counts();
  const counts: ReportCounts = {
    documents: stored.documents, units: stored.units, claimMentions: stored.claims, phrases, phraseFloor: phrasesOutcome.floor,
    diagnostics: diagnostics.length, errors: diagnostics.filter((d) => d.level === 'error').length,
    warnings: diagnostics.filter((d) => d.level === 'warning').length,
  };
  writeManifest(out('manifest.json'), manifest(counts, phrasesSeconds));
  commitReports(options.outDir, REPORT_FILES, key);
  store.setMeta('reports_key', key);
  store.setMeta('report_counts', JSON.stringify(counts));
  return summary(counts);
}

/** The corpus files of this run: all of them, or this shard's. */
function filesOfRun(options: RunOptions): CorpusFile[] {
  const files = listCorpus(options.inputs);
  const shard: Shard | undefined = options.shard;
  return shard === undefined ? files : files.filter((f) => shardOf(f.relative, shard.count) === shard.index);
}

/** Open the output folder for a run: take its lock, repair what a killed run left, open the store. */
function openOutput(outDir: string): { store: Store; close: () => void } {
  const lock = acquireRunLock(outDir);
  try {
    const finished = recoverReports(outDir);
    const store = Store.open(outDir);
    if (finished !== undefined) store.setMeta('reports_key', finished);
    return { store, close: () => { store.close(); lock.release(); } };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The whole pipeline: load lexicons and list the corpus (configuration errors throw before any
 * work), take the output folder's lock, bring the store up to date (only new or changed files are
 * analysed, on worker threads), then rebuild the reports from the store.
 */
export async function run(options: RunOptions, onProgress?: (p: RunProgress) => void): Promise<RunSummary> {
  const started = new Date();
  const lexicons = loadRunLexicons(options.lexiconDir);
  const files = filesOfRun(options);
  const key = analysisKey({ pipeline: pipelineHash(), lexicons: lexicons.files, langDetector: options.langDetector });
  const output = openOutput(options.outDir);
  try {
    const { store } = output;
    const analysisStarted = Date.now();
    const { changes, phraseSketch } = await updateStore(store, files, key, options, onProgress);
    const analysisSeconds = (Date.now() - analysisStarted) / 1000;
    store.setMeta('analysis_key', key);
    store.setMeta('corpus', JSON.stringify(options.inputs));
    if (options.shard === undefined) store.deleteMeta('shard');
    else store.setMeta('shard', `${options.shard.index}/${options.shard.count}`);
    return await writeReports(store, { lexicons, options, started, analysisKey: key, changes, analysisSeconds, phraseSketch });
  } finally {
    output.close();
  }
}

/** A shard folder that cannot be merged: a usage error (exit 2), raised before any work. */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** What `controverse merge` needs: the shards' output folders and where the merged reports go. */
export interface MergeOptions extends Omit<RunOptions, 'inputs' | 'workers' | 'full' | 'shard'> {
  readonly shardDirs: readonly string[];
}

function readShard(dir: string, key: string): { file: string; shard: string; corpus: readonly string[] } {
  const file = path.join(dir, STORE_FILE);
  if (!existsSync(file)) throw new MergeError(`${dir}: no ${STORE_FILE} (not the output folder of a "controverse run --shard")`);
  const store = Store.openReadonly(file);
  try {
    const shard = store.getMeta('shard');
    if (shard === undefined) throw new MergeError(`${dir}: this store was not made by a run with --shard K/N`);
    if (store.getMeta('analysis_key') !== key) {
      throw new MergeError(`${dir}: shard ${shard} was analysed with another controverse version, lexicons or language detector than ${'--lexicons'} given here`);
    }
    return { file, shard, corpus: JSON.parse(store.getMeta('corpus') ?? '[]') as string[] };
  } finally {
    store.close();
  }
}

/**
 * Combine the stores of every shard of an array job into the output folder's store and write the
 * reports, as one run over the whole corpus would have. Every shard 1..N must be there, once.
 */
export async function mergeShards(options: MergeOptions): Promise<RunSummary> {
  const started = new Date();
  const lexicons = loadRunLexicons(options.lexiconDir);
  const key = analysisKey({ pipeline: pipelineHash(), lexicons: lexicons.files, langDetector: options.langDetector });
  const shards = options.shardDirs.map((d) => readShard(d, key));
  const count = Number(shards[0]?.shard.split('/')[1] ?? 0);
  const seen = new Set(shards.map((s) => s.shard));
  if (seen.size !== shards.length) throw new MergeError('the same shard is given twice');
  const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((s) => !seen.has(s));
  if (missing.length > 0 || shards.some((s) => !s.shard.endsWith(`/${count}`))) {
    throw new MergeError(`shards do not form one complete job: have ${[...seen].sort().join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}`);
  }
  const output = openOutput(options.outDir);
  try {
    const { store } = output;
    const before = store.files();
    store.clear();
    for (const s of shards) {
      try {
        store.copyFrom(s.file);
      } catch (error) {
        throw new MergeError(`shard ${s.shard} (${s.file}) overlaps another shard: ${(error as Error).message}`);
      }
    }
    const after = store.files();
    const changes: RunChanges = {
      full: false,
      added: [...after.keys()].filter((p) => !before.has(p)).sort(),
      changed: [...after.entries()].filter(([p, f]) => before.has(p) && before.get(p)!.sha256 !== f.sha256).map(([p]) => p).sort(),
      removed: [...before.keys()].filter((p) => !after.has(p)).sort(),
      reanalysed: 0,
      reused: [...after.entries()].filter(([p, f]) => before.get(p)?.sha256 === f.sha256).length,
    };
    store.setMeta('analysis_key', key);
    store.deleteMeta('shard');
    const inputs = shards[0]?.corpus ?? [];
    store.setMeta('corpus', JSON.stringify(inputs));
    return await writeReports(store, { lexicons, options: { ...options, inputs }, started, analysisKey: key, changes, analysisSeconds: 0 });
  } finally {
    output.close();
  }
}
