import { closeSync, type Dirent, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import type { Diagnostic } from '../model.js';

/** A corpus file: where it is on disk and its id-forming path relative to the corpus root. */
export interface CorpusFile {
  readonly absolute: string;
  /** Relative to its corpus root, `/`-separated: "sub/000_de8b.txt". */
  readonly relative: string;
  /** The path's bytes, when a name in it is not UTF-8 (`absolute` then only names it for messages). */
  readonly absoluteBytes?: Uint8Array;
}

/** The path to hand to the file system for a corpus file. */
export function fsPath(file: Pick<CorpusFile, 'absolute' | 'absoluteBytes'>): string | Buffer {
  return file.absoluteBytes === undefined ? file.absolute : Buffer.from(file.absoluteBytes);
}

/** A path given on the command line that does not exist: a usage error, raised before any work. */
export class CorpusPathError extends UserError {
  override readonly name = 'CorpusPathError';
}

/** What the listing is told besides the paths. */
export interface ListingOptions {
  /** The run's output folder: never read back as corpus. */
  readonly outDir?: string;
  /** Follow symbolic links that lead out of the corpus folders (not followed by default). */
  readonly followLinks?: boolean;
}

/** The corpus files, and a diagnostics row for every folder or entry the listing skipped. */
export interface CorpusListing {
  readonly files: CorpusFile[];
  readonly diagnostics: Diagnostic[];
}

/** File names of a controverse output folder: a folder holding one is output, not corpus. */
const STORE_FILE = 'controverse.sqlite';

function isOutputFolder(dir: string): boolean {
  if (existsSync(path.join(dir, STORE_FILE))) return true;
  try {
    // Only a manifest this tool wrote: "manifest.json" is a common name.
    const fd = openSync(path.join(dir, 'manifest.json'), 'r');
    try {
      const head = Buffer.alloc(512);
      const n = readSync(fd, head, 0, head.length, 0);
      return /"tool"\s*:\s*\{\s*"name"\s*:\s*"controverse"/u.test(head.subarray(0, n).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

const within = (dir: string, target: string): boolean => target === dir || target.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

interface Walk {
  readonly root: string;
  readonly roots: readonly string[];
  readonly outDir?: string;
  readonly followLinks: boolean;
  readonly out: CorpusFile[];
  readonly skipped: Diagnostic[];
  readonly visited: Set<string>;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: UTF-8, or else Windows-1252 (Linux names are bytes; a Latin-1 archive's "é" is a lone 0xE9). */
function nameOf(raw: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: utf8Strict.decode(raw), utf8: true };
  } catch {
    return { name: iconv.decode(raw, 'windows-1252'), utf8: false };
  }
}

// Iterative (a stack of folders), so that no folder depth can overflow the call stack.
function walk(w: Walk): void {
  const folders: { dir: string | Buffer; shown: string }[] = [{ dir: w.root, shown: w.root }];
  for (let next = folders.pop(); next !== undefined; next = folders.pop()) {
    const { dir, shown } = next;
    const rel = (name: string): string => path.relative(w.root, path.join(shown, name)).split(path.sep).join('/');
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const where = path.relative(w.root, shown).split(path.sep).join('/') || '.';
      w.skipped.push({ level: 'error', code: 'unreadable-folder', file: `${where}/`, message: `cannot list the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its files are not analysed` });
      continue;
    }
    const named = entries.map((e) => ({ e, ...nameOf(e.name) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: { dir: string | Buffer; shown: string }[] = [];
    for (const { e, name, utf8 } of named) {
      if (name.startsWith('.')) continue; // .DS_Store, .git, editors' swap files
      // Below a name that is not UTF-8, paths stay bytes all the way down.
      const full: string | Buffer = utf8 && typeof dir === 'string' ? path.join(dir, name) : Buffer.concat([Buffer.from(dir), Buffer.from(path.sep), e.name]);
      const shownFull = path.join(shown, name);
      const relative = rel(name);
      if (!utf8) w.skipped.push({ level: 'warning', code: 'file-name-not-utf8', file: relative, message: 'the name is not valid UTF-8: it is shown (and the document id formed) as Windows-1252' });
      let isDirectory = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        let real: string | undefined;
        try {
          real = realpathSync(full);
        } catch {
          real = undefined;
        }
        if (real === undefined) {
          // A dangling link is listed: reading it gives a diagnostics row.
          w.out.push(corpusFile(full, relative));
          continue;
        }
        if (!w.followLinks && !w.roots.some((r) => within(r, real))) {
          w.skipped.push({ level: 'warning', code: 'link-outside-corpus', file: relative, message: 'a symbolic link to a place outside the corpus folders: not followed (use --follow-links to read it)' });
          continue;
        }
        const target = statSync(real);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDirectory) {
        const real = realpathSync(full);
        if (w.visited.has(real)) continue; // a link back up the tree
        w.visited.add(real);
        if ((w.outDir !== undefined && real === w.outDir) || isOutputFolder(shownFull)) {
          w.skipped.push({ level: 'info', code: 'output-folder-skipped', file: `${relative}/`, message: 'a controverse output folder (reports, store or manifest) inside the corpus: not read as corpus' });
          continue;
        }
        subfolders.push({ dir: full, shown: shownFull });
      } else if (isFile) w.out.push(corpusFile(full, relative));
      else w.skipped.push({ level: 'warning', code: 'special-file', file: relative, message: 'not a regular file (a pipe, socket or device): skipped, reading it could block the run' });
    }
    folders.push(...subfolders.reverse());
  }
}

function corpusFile(full: string | Buffer, relative: string): CorpusFile {
  return typeof full === 'string' ? { absolute: full, relative } : { absolute: full.toString('latin1'), absoluteBytes: new Uint8Array(full), relative };
}

const byRelative = (a: CorpusFile, b: CorpusFile): number => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);

/**
 * Every file under the given folders (recursively) and the given files, sorted by relative path.
 * A folder's files are relative to that folder; a file given alone is relative to its own folder.
 * The same file reached twice is listed once. Two different files with the same relative path
 * (`a/corpus/x.txt` and `b/corpus/x.txt` given as two roots) are both kept, each under its root
 * folder's name (`corpus/x.txt`, `corpus~2/x.txt`), so neither is dropped and ids stay unique.
 */
export function listCorpus(paths: readonly string[], options: ListingOptions = {}): CorpusFile[] {
  return readCorpusListing(paths, options).files;
}

/**
 * listCorpus, with a row for what it skipped: the output folder and any folder holding a
 * controverse store or manifest (info), unreadable folders (error), pipes, sockets and devices,
 * links leading out of the corpus folders unless `followLinks` (warning). Names that are not
 * UTF-8 are read as Windows-1252 (warning). Folders are walked without recursion.
 */
export function readCorpusListing(paths: readonly string[], options: ListingOptions = {}): CorpusListing {
  const skipped: Diagnostic[] = [];
  const outDir = options.outDir === undefined ? undefined : realOrSelf(options.outDir);
  const roots = paths.flatMap((p) => { try { return [realpathSync(p)]; } catch { return []; } });
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
    if (stat.isDirectory()) walk({ root: p, roots, outDir, followLinks: options.followLinks === true, out: files, skipped, visited: new Set([realpathSync(p)]) });
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
    out.push({ ...file, relative });
  }
  return { files: out.sort(byRelative), diagnostics: skipped };
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
