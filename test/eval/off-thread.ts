import { Worker } from 'node:worker_threads';

/**
 * Runs a TypeScript module in a worker thread and resolves with the one message it posts. For the
 * evaluations that compute for minutes on a loaded machine: done in the test's own thread, they
 * block it past vitest's 60 s limit for answering the runner ("Timeout calling onTaskUpdate").
 */
export function offThread<T>(module: URL, data: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./off-thread-boot.mjs', import.meta.url), { workerData: { module: module.href, data } });
    let answered = false;
    worker.once('message', (message: T) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`${module.pathname} ended (exit code ${code}) without an answer`));
    });
  });
}
