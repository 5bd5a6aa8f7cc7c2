import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CachedLexicons } from '../lexicon/lexicon-cache.js';
import { Store, STORE_FILE } from './store.js';

/**
 * The lexicons kept in an output folder's store, read before the run takes the folder's lock (the
 * lexicons are checked before any work): read-only, and none when there is no store yet or it
 * cannot be read (another schema, damaged: the run then reads the lexicon folder as always).
 */
export function peekLexiconCache(outDir: string): CachedLexicons | undefined {
  const file = path.join(outDir, STORE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const store = Store.openReadonly(file);
    try {
      return store.lexiconCache();
    } finally {
      store.close();
    }
  } catch {
    return undefined;
  }
}
