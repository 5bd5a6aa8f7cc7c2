import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** A corpus file: where it is on disk and its id-forming path relative to the corpus root. */
export interface CorpusFile {
  readonly absolute: string;
  /** Relative to its corpus root, `/`-separated: "sub/000_de8b.txt". */
  readonly relative: string;
}

/** A path given on the command line that does not exist: a usage error, raised before any work. */
export class CorpusPathError extends UserError {
  override readonly name = 'CorpusPathError';
}

function walk(root: string, dir: string, out: CorpusFile[], visited: Set<string>): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .DS_Store, .git, editors' swap files
    const full = path.join(dir, e.name);
    let isDirectory = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // Followed: a link to a file is read; a dangling link is listed so that reading it gives a
      // diagnostics row; a link to a pipe or device is not (reading it could block the run).
      try {
        const target = statSync(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        isFile = true;
      }
    }
    if (isDirectory) {
      const real = realpathSync(full);
      if (visited.has(real)) continue; // a link back up the tree
      visited.add(real);
      walk(root, full, out, visited);
    } else if (isFile) out.push({ absolute: full, relative: path.relative(root, full).split(path.sep).join('/') });
  }
}

const byRelative = (a: CorpusFile, b: CorpusFile): number => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);

/**
 * Every file under the given folders (recursively) and the given files, sorted by relative path.
 * A folder's files are relative to that folder; a file given alone is relative to its own folder.
 * The same file reached twice is listed once. Two different files with the same relative path
 * (`a/corpus/x.txt` and `b/corpus/x.txt` given as two roots) are both kept, each under its root
 * folder's name (`corpus/x.txt`, `corpus~2/x.txt`), so neither is dropped and ids stay unique.
 */
export function listCorpus(paths: readonly string[]): CorpusFile[] {
  const found: { file: CorpusFile; root: number; label: string }[] = [];
  paths.forEach((p, root) => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new CorpusPathError(`corpus path not found: ${p}`);
    }
    const files: CorpusFile[] = [];
    if (!stat.isDirectory() && !stat.isFile()) throw new CorpusPathError(`corpus path is neither a file nor a folder: ${p}`);
    if (stat.isDirectory()) walk(p, p, files, new Set([realpathSync(p)]));
    else files.push({ absolute: p, relative: path.basename(p) });
    const label = path.basename(path.resolve(stat.isDirectory() ? p : path.dirname(p))) || 'root';
    for (const file of files) found.push({ file, root, label });
  });
  const seenAbsolute = new Set<string>();
  const unique = found.filter(({ file }) => {
    const key = path.resolve(file.absolute);
    return seenAbsolute.has(key) ? false : (seenAbsolute.add(key), true);
  });
  const count = new Map<string, number>();
  for (const { file } of unique) count.set(file.relative, (count.get(file.relative) ?? 0) + 1);
  const taken = new Set(unique.filter(({ file }) => count.get(file.relative) === 1).map(({ file }) => file.relative));
  const labelOfRoot = new Map<number, string>();
  const out: CorpusFile[] = [];
  for (const { file, root, label } of unique) {
    if (count.get(file.relative) === 1) {
      out.push(file);
      continue;
    }
    let prefix = labelOfRoot.get(root);
    if (prefix === undefined) {
      const used = new Set(labelOfRoot.values());
      prefix = label;
      for (let n = 2; used.has(prefix); n += 1) prefix = `${label}~${n}`;
      labelOfRoot.set(root, prefix);
    }
    let relative = `${prefix}/${file.relative}`;
    for (let n = 2; taken.has(relative); n += 1) relative = `${prefix}~${n}/${file.relative}`;
    taken.add(relative);
    out.push({ absolute: file.absolute, relative });
  }
  return out.sort(byRelative);
}
