import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a run's lexicon folder came from: recorded in the manifest and the summary line. */
export type LexiconSource = 'option' | 'working-folder' | 'shipped';

/** The lexicons installed with the package (`lexicons/` beside `dist/` or `src/`). */
export function shippedLexiconDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicons');
}

/**
 * The lexicon folder of a command: the one given with --lexicons, else `./lexicons` when the
 * working folder has one (a researcher's edited copy, see `controverse init`), else the shipped one.
 */
export function chooseLexiconDir(given: string | undefined, cwd: string): { readonly dir: string; readonly source: LexiconSource } {
  if (given !== undefined) return { dir: path.resolve(cwd, given), source: 'option' };
  const local = path.join(cwd, 'lexicons');
  if (existsSync(local) && statSync(local).isDirectory()) return { dir: local, source: 'working-folder' };
  return { dir: shippedLexiconDir(), source: 'shipped' };
}

/** The help text of every command's --lexicons option. */
export const LEXICONS_OPTION_HELP = 'lexicon folder (default: ./lexicons when it exists, else the lexicons shipped with controverse)';

/** The RunOptions fields of a chosen lexicon folder. */
export function lexiconOptions(chosen: { readonly dir: string; readonly source: LexiconSource }): { readonly lexiconDir: string; readonly lexiconSource: LexiconSource } {
  return { lexiconDir: chosen.dir, lexiconSource: chosen.source };
}
