import { recoverReports } from './commit-reports.js';
import { acquireRunLock } from './run-lock.js';
import { Store } from './store.js';

/** Open the output folder for a run: take its lock, repair what a killed run left, open the store. */
export function openOutput(outDir: string): { store: Store; close: () => void } {
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

