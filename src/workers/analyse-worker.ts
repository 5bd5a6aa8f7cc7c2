import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { RunOptions } from '../options.js';
import { fsPath } from '../ingest/list-corpus.js';
import { analyseFile, createAnalysisContext, describeError } from '../pipeline/analyse-file.js';
import { toStoredDocument } from '../store/stored-document.js';
import type { AnalysisReply, AnalysisTask, ReadyReply } from './analysis-pool.js';

// Worker thread: analyses the corpus files the pool sends, one at a time, and answers with what the
// store keeps. The lexicons and the detector are loaded once per worker.
const options = workerData as RunOptions;
const context = createAnalysisContext(options, true);
const dialect = { spreadsheet: options.spreadsheet };
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
  return {
    id: task.id, kind: 'analysed', sha256: analysis.sha256, bytes: analysis.bytes, hashedAt,
    documents: analysis.documents.map((d) => toStoredDocument(d, dialect, context.phrases?.take(d.document.id))),
    diagnostics: analysis.diagnostics,
  };
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
  parentPort?.postMessage(reply);
});
