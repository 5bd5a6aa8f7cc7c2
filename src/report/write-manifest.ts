import type { LexiconFile } from '../lexicon/load-lexicon.js';
import type { OutputHash } from './output-hashes.js';
import { writeFileAtomic } from './write-atomic.js';

/** manifest.json: how the reports were made. The only output that holds times. */
export interface Manifest {
  /** `code_sha256`: the hash of the pipeline's code, part of every cache key. */
  readonly tool: { readonly name: string; readonly version: string; readonly code_sha256: string };
  readonly node: string;
  readonly command: readonly string[];
  /** Every option of the run, defaults included (`fields`: the --fields map). */
  readonly options: Readonly<Record<string, string | number | boolean | null | Readonly<Record<string, string>>>>;
  readonly detector: { readonly name: string; readonly package: string; readonly version: string };
  readonly corpus: readonly string[];
  readonly inputs: readonly { readonly file: string; readonly sha256: string; readonly bytes: number }[];
  readonly lexicons: readonly LexiconFile[];
  /** Every report written beside the manifest, with its sha256: what `controverse verify` checks. */
  readonly outputs: readonly OutputHash[];
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
