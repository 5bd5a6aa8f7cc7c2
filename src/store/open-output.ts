import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { recoverReports } from './commit-reports.js';
import { acquireRunLock } from './run-lock.js';
import { Store, STORE_FILE } from './store.js';

/** How to open the store: `rebuild` deletes it first; `repair` (--full) rebuilds it only if it is damaged. */
export interface OpenOutputOptions {
  readonly rebuild?: boolean;
  readonly repair?: boolean;
}

/** A file (not a folder) given as the output folder: a usage error, raised before any work. */
function checkOutDir(outDir: string): void {
  let stat;
  try {
    stat = statSync(outDir);
  } catch {
    return; // created by the lock
  }
  if (!stat.isDirectory()) throw new UserError(`the output path ${outDir} is a file, not a folder`, 'Give another --out, or move the file away.');
}

function deleteStore(outDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(outDir, STORE_FILE + suffix), { force: true });
}

const damaged = (error: unknown): boolean => /^SQLITE_(?:CORRUPT|NOTADB)/u.test(String((error as { code?: unknown }).code));

/** Store.open, and with `repair` a store found damaged (on opening or by SQLite's quick check) is deleted and made anew. */
function openStore(outDir: string, options: OpenOutputOptions): ReturnType<typeof Store.open> {
  if (options.rebuild === true) deleteStore(outDir);
  if (options.repair !== true) return Store.open(outDir);
  try {
    const opened = Store.open(outDir);
    if (opened.store.quickCheck()) return opened;
    opened.store.close();
  } catch (error) {
    if (!damaged(error)) throw error;
  }
  deleteStore(outDir);
  return Store.open(outDir);
}

/**
 * Open the output folder for a run: take its lock, repair what a killed run left, open the store.
 * `rebuiltFrom`: the schema version of an older store found there, emptied to be rebuilt.
 */
export function openOutput(outDir: string, options: OpenOutputOptions = {}): { store: Store; rebuiltFrom?: number; close: () => void } {
  checkOutDir(outDir);
  const lock = acquireRunLock(outDir);
  try {
    const finished = recoverReports(outDir);
    const { store, rebuiltFrom } = openStore(outDir, options);
    if (finished !== undefined) store.setMeta('reports_key', finished);
    return {
      store,
      ...(rebuiltFrom === undefined ? {} : { rebuiltFrom }),
      close: () => {
        try {
          store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
