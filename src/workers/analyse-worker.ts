import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { runLexiconsOf } from '../lexicon/lexicon-data.js';
import { fsPath } from '../ingest/list-corpus.js';
import { analyseFile, createAnalysisContext, describeError } from '../pipeline/analyse-file.js';
import { StageClock, writeStageTimes } from '../pipeline/stage-times.js';
import { toStoredDocument } from '../store/stored-document.js';
import type { AnalysisReply, AnalysisTask, AnalysisWorkerData, ReadyReply } from './analysis-pool.js';

// Worker thread: analyses the corpus files the pool sends, one at a time, and answers with what the
// store keeps. The detector is loaded once per worker; the lexicons come read and checked from the
// main thread (AnalysisWorkerData), and are compiled here once.
const { options, lexicons } = workerData as AnalysisWorkerData;
const clock = options.stageTimes === undefined ? undefined : new StageClock();
const context = { ...createAnalysisContext(options, true, runLexiconsOf(lexicons)), ...(clock === undefined ? {} : { clock }) };
parentPort?.postMessage({ kind: 'ready' } satisfies ReadyReply);

function analyse(task: AnalysisTask): AnalysisReply {
  const hashedAt = Date.now();
  let bytes: Buffer;
  try {
    bytes = readFileSync(fsPath(task));
  } catch (error) {
    return {
      id: task.id, kind: 'analysed', sha256: '', bytes: 0, hashedAt, documents: [],
      diagnostics: [{ level: 'error', code: 'unreadable-file', file: task.path, message: `cannot read the file: ${(error as Error).message}` }],
    };
  }
  if (task.knownSha256 !== undefined && createHash('sha256').update(bytes).digest('hex') === task.knownSha256) {
    return { id: task.id, kind: 'unchanged', sha256: task.knownSha256, bytes: bytes.length, hashedAt };
  }
  const analysis = analyseFile(task.path, bytes, context, task.docId);
  if (clock === undefined) {
    return {
      id: task.id, kind: 'analysed', sha256: analysis.sha256, bytes: analysis.bytes, hashedAt,
      documents: analysis.documents.map((d) => toStoredDocument(d, context.phrases?.take(d.document.id))),
      diagnostics: analysis.diagnostics,
    };
  }
  // Timed: signing each document's phrases is 'phrases', encoding what the store keeps is 'store'.
  let t = clock.now();
  const documents = analysis.documents.map((d) => {
    const signature = context.phrases?.take(d.document.id);
    t = clock.lap('phrases', t);
    const stored = toStoredDocument(d, signature);
    t = clock.lap('store', t);
    return stored;
  });
  return { id: task.id, kind: 'analysed', sha256: analysis.sha256, bytes: analysis.bytes, hashedAt, documents, diagnostics: analysis.diagnostics };
}

parentPort?.on('message', (task: AnalysisTask) => {
  let reply: AnalysisReply;
  try {
    reply = analyse(task);
  } catch (error) {
    // Past analyseFile's own containment (storing the result failed): still one row, never the run.
    reply = {
      id: task.id, kind: 'analysed', sha256: '', bytes: 0, hashedAt: Date.now(), documents: [],
      diagnostics: [{ level: 'error', code: 'analysis-failed', file: task.path, message: `the file could not be analysed (${describeError(error)}); skipped` }],
    };
  }
  if (clock === undefined || options.stageTimes === undefined) {
    parentPort?.postMessage(reply);
    return;
  }
  // The pool ends its workers once the last reply is in: the times so far are written before each
  // reply (the same file each time), so they are on disk whatever task is the last.
  writeStageTimes(options.stageTimes, 'analysis', clock.seconds);
  const posting = clock.now();
  parentPort?.postMessage(reply);
  clock.lap('store', posting);
});
