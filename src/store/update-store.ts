import { statSync } from 'node:fs';
import os from 'node:os';
import { fsPath } from '../ingest/list-corpus.js';
import type { RunFile } from '../ingest/shard-of.js';
import { docIdFor } from '../ingest/ingest-file.js';
import type { RunLexicons } from '../lexicon/run-lexicons.js';
import type { RunOptions } from '../options.js';
import type { RunChanges, RunProgress } from '../pipeline/run-summary.js';
import { analyseOnWorkers, type AnalysisTask } from '../workers/analysis-pool.js';
import type { FileRecord, FileTouch, Store, StoredFile } from './store.js';

// A file modified within this long before it was hashed may change again within the same mtime
// tick (coarse file-system clocks): its stored hash is not trusted on stat alone ("racy git").
const RACY_MS = 2_000;
// Analysed files are stored in transactions of this many, or sooner past this many (compressed) bytes.
const STORE_BATCH_FILES = 256;
const STORE_BATCH_CHARS = 16 << 20;

interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** A stat no file has: an unreadable file is stored with it, so the next run tries it again. */
const UNREADABLE: FileStat = { size: -1, mtimeMs: -1, ino: -1 };

function statOf(f: RunFile): FileStat {
  try {
    const st = statSync(fsPath(f));
    return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  } catch {
    return UNREADABLE; // the worker's read fails too and says why in diagnostics
  }
}

/**
 * A thread's start (its lexicons and language model, about 3 CPU s) costs about what analysing 2 MB
 * does: a rerun (a store that holds files already) starts one thread per 4 MB to analyse, at least
 * one. Its outputs are the same whatever the number of threads; a first run takes every thread asked for.
 */
const RERUN_BYTES_PER_THREAD = 4e6;

function rerunThreads(storedFiles: number, bytesToAnalyse: number): number {
  return storedFiles === 0 ? Infinity : Math.max(1, Math.ceil(bytesToAnalyse / RERUN_BYTES_PER_THREAD));
}

/**
 * Bring the store up to date with the corpus: analyse what is new or changed, forget what is gone.
 * `files` is the store's files table after the update, kept in step with it (read once per run).
 * `lexicons`: the run's, handed to the analysis threads (read from the folder when absent).
 */
export async function updateStore(
  store: Store, files: readonly RunFile[], key: string, options: RunOptions, onProgress?: (p: RunProgress) => void, lexicons?: RunLexicons,
): Promise<{ changes: RunChanges; threads: number; files: ReadonlyMap<string, StoredFile> }> {
  const full = options.full === true;
  const stored = store.files();
  const current = new Set(files.map((f) => f.relative));
  const removed = [...stored.keys()].filter((p) => !current.has(p)).sort();
  store.removeFiles(removed);
  const after = new Map(stored);
  for (const p of removed) after.delete(p);

  const tasks: (AnalysisTask & FileStat)[] = [];
  let reused = 0;
  let totalBytes = 0;
  // A file whose document id is not the usual one (a collision) is analysed under a key of its own,
  // so that its stored analysis is redone when its id changes.
  const keyOf = (f: RunFile): string => (f.docId === docIdFor(f.relative) ? key : `${key}\0${f.docId}`);
  const byPath = new Map(files.map((f) => [f.relative, f]));
  for (const f of files) {
    const stat = statOf(f);
    const s = stored.get(f.relative);
    const valid = !full && s !== undefined && s.analysisKey === keyOf(f) && s.sha256 !== '';
    if (valid && stat.size >= 0 && s.size === stat.size && s.mtimeMs === stat.mtimeMs && s.ino === stat.ino && stat.mtimeMs < s.hashedAt - RACY_MS) {
      reused += 1;
      continue;
    }
    totalBytes += Math.max(0, stat.size);
    tasks.push({ id: tasks.length, path: f.relative, absolute: f.absolute, absoluteBytes: f.absoluteBytes, docId: f.docId, knownSha256: valid ? s.sha256 : undefined, ...stat });
  }

  const added: string[] = [];
  const changed: string[] = [];
  let reanalysed = 0;
  let records: FileRecord[] = [];
  let recordChars = 0;
  let touches: FileTouch[] = [];
  const flush = (): void => {
    store.putFiles(records);
    store.touchFiles(touches);
    for (const { diagnostics: _d, documents: _docs, ...file } of records) after.set(file.path, file);
    for (const t of touches) after.set(t.path, { ...after.get(t.path)!, ...t });
    records = [];
    touches = [];
    recordChars = 0;
  };
  let done = 0;
  let bytes = 0;
  // More threads than files would only load the lexicons again (each thread holds its own copy); so
  // would more than one per RERUN_BYTES_PER_THREAD on a rerun.
  const threads = Math.min(options.workers ?? os.availableParallelism(), tasks.length, rerunThreads(stored.size, totalBytes));
  const setup = { ...(options.workerMemoryMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb } }), ...(lexicons === undefined ? {} : { lexicons }) };
  const pool = await analyseOnWorkers(threads, options, tasks.values(), (reply) => {
    const task = tasks[reply.id]!;
    const before: StoredFile | undefined = stored.get(task.path);
    // An unreadable file is stored with an impossible stat, so the next run tries it again.
    const stat = reply.sha256 === '' ? UNREADABLE : { size: task.size, mtimeMs: task.mtimeMs, ino: task.ino };
    if (reply.kind === 'unchanged') {
      reused += 1;
      touches.push({ path: task.path, ...stat, hashedAt: reply.hashedAt });
    } else {
      if (before === undefined) added.push(task.path);
      else if (before.sha256 !== reply.sha256) changed.push(task.path);
      else reanalysed += 1;
      const file = byPath.get(task.path)!;
      const diagnostics = file.collision === undefined ? reply.diagnostics : [file.collision, ...reply.diagnostics];
      records.push({ path: task.path, sha256: reply.sha256, bytes: reply.bytes, ...stat, hashedAt: reply.hashedAt, analysisKey: keyOf(file), diagnostics, documents: reply.documents });
      recordChars += reply.documents.reduce((n, d) => n + d.packed.length, 0);
    }
    if (records.length >= STORE_BATCH_FILES || touches.length >= STORE_BATCH_FILES || recordChars >= STORE_BATCH_CHARS) flush();
    done += 1;
    bytes += Math.max(0, task.size);
    onProgress?.({ done, total: tasks.length, bytes, totalBytes, reused, file: task.path });
  }, setup);
  flush();
  const changes = { full, added: added.sort(), changed: changed.sort(), removed, reanalysed, reused };
  return { changes, threads: pool.threads, files: after };
}

