import type { LexiconSource } from './lexicon/lexicon-folder.js';
import type { DetectorName } from './language/detect-language.js';

/** Everything a run needs to know, built once by the CLI and passed down. Stages never read argv, env or cwd. */
export interface RunOptions {
  /** Corpus folders or files. */
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly lexiconDir: string;
  /** How lexiconDir was chosen (see chooseLexiconDir): recorded in the manifest. */
  readonly lexiconSource?: LexiconSource;
  readonly langDetector: DetectorName;
  /** Add a BOM and use `;` in CSVs, for spreadsheets set to French. */
  readonly spreadsheet: boolean;
  /** The command line as typed, recorded in the manifest. */
  readonly commandLine: readonly string[];
  /** Worker threads analysing files (default: the machine's available cores). */
  readonly workers?: number;
  /**
   * Heap cap of each analysis thread, in MB (V8's old generation). A file whose analysis needs more
   * gets an `analysis-failed` row and the next files go to a fresh thread; without it, a thread
   * grows until the machine (or the scheduler's memory limit) stops the whole run.
   */
  readonly workerMemoryMb?: number;
  /** Re-analyse every file, ignoring what the store already knows. */
  readonly full?: boolean;
  /** Export field names beyond the aliases (`--fields text=corps`): this tool's field → the export's name. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Follow symbolic links that lead out of the corpus folders (an untrusted archive's links are not followed by default). */
  readonly followLinks?: boolean;
  /** Delete the output folder's store before the run (a damaged store), and analyse everything again. */
  readonly rebuildStore?: boolean;
  /** Process only the `index`-th (1-based) of `count` deterministic partitions of the corpus, into this folder's own store. */
  readonly shard?: Shard;
  /** Score with the lexicon folder's fitted weights (fitted.yaml) when it has them; false (`--no-fitted`) ignores them. Default true. */
  readonly fitted?: boolean;
  /**
   * Folder where the run writes the seconds each thread spent per stage (`npm run bench` sets it
   * through the CONTROVERSE_STAGE_TIMES environment variable); never part of the reports.
   */
  readonly stageTimes?: string;
}

/** One partition of an array job: `--shard 2/8` is { index: 2, count: 8 }. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Defaults, relative to the working directory the CLI resolves them against. */
export const DEFAULTS = {
  inputs: ['corpus'],
  outDir: 'out',
  langDetector: 'eld' as DetectorName,
} as const;
