import { createHash } from 'node:crypto';
import type { StoredFile } from './store.js';

/**
 * A digest of the store's files (paths and contents, `Store.files()`) after `prefix`, leaving out
 * those of `except`: what identifies the reports in place (prefix: analysis key and CSV dialect).
 */
export function filesDigest(files: ReadonlyMap<string, StoredFile>, prefix: string, except: ReadonlySet<string> = new Set()): string {
  const hash = createHash('sha256').update(prefix);
  for (const [file, s] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (!except.has(file)) hash.update(`${file}\0${s.sha256}\0`);
  return hash.digest('hex');
}

