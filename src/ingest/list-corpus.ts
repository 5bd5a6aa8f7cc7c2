import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A corpus file: where it is on disk and its id-forming path relative to the corpus root. */
export interface CorpusFile {
  readonly absolute: string;
  /** Relative to its corpus root, `/`-separated: "sub/000_de8b.txt". */
  readonly relative: string;
}

/** A path given on the command line that does not exist: a usage error, raised before any work. */
export class CorpusPathError extends Error {
  override readonly name = 'CorpusPathError';
}

function walk(root: string, dir: string, out: CorpusFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .DS_Store, .git, editors' swap files
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(root, full, out);
    else if (e.isFile()) out.push({ absolute: full, relative: path.relative(root, full).split(path.sep).join('/') });
  }
}

/**
 * Every file under the given folders (recursively) and the given files, sorted by relative path.
 * A folder's files are relative to that folder; a file given alone is relative to its own folder.
 */
export function listCorpus(paths: readonly string[]): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new CorpusPathError(`corpus path not found: ${p}`);
    }
    if (stat.isDirectory()) walk(p, p, out);
    else out.push({ absolute: p, relative: path.basename(p) });
  }
  const seen = new Set<string>();
  return out
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
    .filter((f) => (seen.has(f.relative) ? false : (seen.add(f.relative), true)));
}
