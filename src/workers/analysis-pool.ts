import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Diagnostic } from '../model.js';
import { lexiconDataOf, type LexiconData } from '../lexicon/lexicon-data.js';
import { loadRunLexicons, type RunLexicons } from '../lexicon/run-lexicons.js';
import type { RunOptions } from '../options.js';
import type { StoredDocument } from '../store/store.js';

/** One corpus file for a worker to analyse. */
export interface AnalysisTask {
  readonly id: number;
  /** Corpus-relative path (forms the document ids). */
  readonly path: string;
  readonly absolute: string;
  /** The path's bytes when a name in it is not UTF-8 (see CorpusFile). */
  readonly absoluteBytes?: Uint8Array;
  /** The file's document id, or the base of its records' ids (see corpusDocIds); the usual one when absent. */
  readonly docId?: string;
  /** When set, the worker first hashes the file and answers `unchanged` if the hash is this one. */
  readonly knownSha256?: string;
}

/** A worker's answer about one task. */
export type AnalysisReply =
  | { readonly id: number; readonly kind: 'unchanged'; readonly sha256: string; readonly bytes: number; readonly hashedAt: number }
  | {
      readonly id: number; readonly kind: 'analysed'; readonly sha256: string; readonly bytes: number; readonly hashedAt: number;
      readonly documents: readonly StoredDocument[]; readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

/** What an analysis thread starts with: the run's options and its lexicons, read once by the main thread. */
export interface AnalysisWorkerData {
  readonly options: RunOptions;
  readonly lexicons: LexiconData;
}

/** A worker's first message: its lexicons and detector are loaded, a death from now on is a file's doing. */
export interface ReadyReply {
  readonly kind: 'ready';
}

/** Tasks sent ahead to each worker, so that none waits while the main thread stores a result. */
const IN_FLIGHT_PER_WORKER = 2;

// Under tsx or vitest this module runs from its TypeScript source: the worker then starts with a
// small script that loads the TypeScript entry through tsx's tsImport (Node 20 applies neither
// `--import` nor module.register hooks to a worker's entry). Built code (dist/) runs the compiled
// entry directly.
function startWorker(name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  const api = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs');
  const entry = JSON.stringify(new URL(`./${name}.ts`, import.meta.url).href);
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ tsImport }) => tsImport(${entry}, ${entry}));`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Run one job on a worker thread of its own (the worker posts one message: its result). With
 * `heapMb`, the thread's old generation is capped at that size: V8 otherwise lets a thread that
 * allocates fast grow its heap with garbage far beyond what it keeps (measured: phrase pass 2 on
 * 200 MB keeps ~50 MB but peaks at ~410 MB resident uncapped, ~310 MB capped at 512, as fast). A
 * job that needs more than the cap after all is run again without it, never lost.
 */
export async function runOnWorker<T>(name: 'phrases-worker', data: unknown, heapMb?: number): Promise<T> {
  try {
    return await runOnce<T>(name, data, heapMb === undefined ? undefined : { maxOldGenerationSizeMb: heapMb });
  } catch (error) {
    if (heapMb === undefined || (error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    return runOnce<T>(name, data, undefined);
  }
}

async function runOnce<T>(name: string, data: unknown, resourceLimits: ResourceLimits | undefined): Promise<T> {
  const worker = startWorker(name, data, resourceLimits);
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', (m: { ok: true; value: T } | { ok: false; message: string }) => (m.ok ? resolve(m.value) : reject(new Error(m.message))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`${name} stopped with exit code ${code} before answering`)));
    });
  } finally {
    await worker.terminate();
  }
}

/** What analyseOnWorkers did besides its replies. */
export interface PoolOutcome {
  /** Threads started at first (one more for each that died). */
  readonly threads: number;
}

/** What the analysis threads start with: the run's lexicons, and heap limits (tests give a small one to make a thread die). */
export interface PoolSetup {
  readonly resourceLimits?: ResourceLimits;
  /** The run's lexicons, handed to every thread; read from `options.lexiconDir` when absent. */
  readonly lexicons?: RunLexicons;
}

/** The row a file gets when the thread analysing it died (out of memory, a native crash). */
function deathReply(task: AnalysisTask, error: Error & { code?: string }): AnalysisReply & { kind: 'analysed' } {
  const why = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'its analysis ran out of memory' : `the analysis thread stopped: ${error.message}`;
  return {
    id: task.id, kind: 'analysed', sha256: '', bytes: 0, hashedAt: Date.now(), documents: [],
    diagnostics: [{ level: 'error', code: 'analysis-failed', file: task.path, message: `the file could not be analysed (${why}); skipped` }],
  };
}

/**
 * Analyse tasks on `size` worker threads. Tasks are pulled from the iterable only as workers free
 * up (a handful in flight), so the corpus is never held in memory; replies are handed to `onReply`
 * on the main thread, in completion order. A thread that dies (out of memory) costs the file it
 * was analysing an `analysis-failed` reply; the files sent after it go to a fresh thread.
 */
export async function analyseOnWorkers(
  size: number,
  options: RunOptions,
  tasks: Iterator<AnalysisTask>,
  onReply: (reply: AnalysisReply & { kind: 'unchanged' | 'analysed' }) => void,
  setup: PoolSetup = {},
): Promise<PoolOutcome> {
  const first = tasks.next();
  if (first.done === true) return { threads: 0 }; // nothing to analyse: no thread is started
  const pending: AnalysisTask[] = [first.value];
  const source: Iterator<AnalysisTask> = { next: () => (pending.length > 0 ? { done: false, value: pending.pop()! } : tasks.next()) };
  // One structured clone of the lexicons' data per thread: no thread reads or parses the folder again.
  const data: AnalysisWorkerData = { options, lexicons: lexiconDataOf(setup.lexicons ?? loadRunLexicons(options.lexiconDir, { fitted: options.fitted })) };
  const start = (): Worker => startWorker('analyse-worker', data, setup.resourceLimits);
  const workers = Array.from({ length: Math.max(1, size) }, start);
  let threads = workers.length;
  try {
    await new Promise<void>((resolve, reject) => {
      // Tasks posted to each thread and not answered yet, in order: a thread analyses one at a time.
      const posted = new Map<Worker, AnalysisTask[]>();
      const ready = new Set<Worker>();
      let inFlight = 0;
      let exhausted = false;
      let failed = false;
      const fail = (error: Error): void => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const settleIfDone = (): void => {
        if (exhausted && inFlight === 0 && pending.length === 0 && !failed) resolve();
      };
      const feed = (worker: Worker, budget: number): void => {
        for (let k = 0; k < budget && !failed; k += 1) {
          const next = source.next();
          if (next.done === true) {
            exhausted = true;
            break;
          }
          inFlight += 1;
          posted.get(worker)!.push(next.value);
          worker.postMessage(next.value);
        }
        settleIfDone();
      };
      const died = (worker: Worker, error: Error): void => {
        const queue = posted.get(worker);
        if (queue === undefined || failed) return; // 'error' and 'exit' both report one death
        posted.delete(worker);
        const culprit = queue.shift();
        // A thread that dies before it is ready (or with nothing to do) died starting up: a fresh one would too.
        if (!ready.has(worker) || culprit === undefined) {
          fail(error);
          return;
        }
        inFlight -= queue.length + 1;
        pending.push(...queue.reverse());
        try {
          onReply(deathReply(culprit, error));
        } catch (replyError) {
          fail(replyError as Error);
          return;
        }
        const fresh = start();
        workers[workers.indexOf(worker)] = fresh;
        threads += 1;
        listen(fresh);
        feed(fresh, IN_FLIGHT_PER_WORKER);
      };
      const listen = (worker: Worker): void => {
        posted.set(worker, []);
        worker.on('message', (reply: AnalysisReply | ReadyReply) => {
          if (reply.kind === 'ready') {
            ready.add(worker);
            return;
          }
          inFlight -= 1;
          posted.get(worker)?.shift();
          if (reply.kind === 'failed') {
            fail(new Error(`analysis failed: ${reply.message}`));
            return;
          }
          try {
            onReply(reply);
          } catch (error) {
            fail(error as Error);
            return;
          }
          feed(worker, 1);
        });
        worker.on('error', (error) => died(worker, error));
        worker.on('exit', (code) => {
          if (code !== 0) died(worker, new Error(`exit code ${code}`));
        });
      };
      for (const worker of workers) listen(worker);
      for (const worker of workers) feed(worker, IN_FLIGHT_PER_WORKER);
    });
    return { threads };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
