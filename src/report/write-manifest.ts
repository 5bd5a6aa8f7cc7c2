import type { LexiconFile } from '../lexicon/load-lexicon.js';
import { writeFileAtomic } from './write-atomic.js';

/** manifest.json: how the reports were made. The only output that holds times. */
export interface Manifest {
  readonly tool: { readonly name: string; readonly version: string };
  readonly node: string;
  readonly command: readonly string[];
  readonly corpus: readonly string[];
  readonly inputs: readonly { readonly file: string; readonly sha256: string; readonly bytes: number }[];
  readonly lexicons: readonly LexiconFile[];
  readonly counts: Readonly<Record<string, number>>;
  readonly diagnostics: { readonly total: number; readonly errors: number; readonly warnings: number };
  /** What this run added, changed, removed and reused, compared with the store of the previous run. */
  readonly changes?: Readonly<Record<string, unknown>>;
  /** Wall-clock seconds per phase of the run (analysis of new files, reports). */
  readonly seconds?: Readonly<Record<string, number>>;
  readonly started: string;
  readonly finished: string;
}

/** Write manifest.json atomically, pretty-printed with a final newline. */
export function writeManifest(file: string, manifest: Manifest): void {
  writeFileAtomic(file, [`${JSON.stringify(manifest, null, 2)}\n`]);
}
