/** What a run reports to the CLI: progress while it runs, what changed and what it did. */

/** Progress of a run, for the CLI to show; stages never print. */
export interface RunProgress {
  /** Files read and hashed or analysed so far, of `total` (files the store could not vouch for). */
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
  readonly totalBytes: number;
  /** Files taken from the store without reading them. */
  readonly reused: number;
  readonly file: string;
}

/** What a rerun changed, compared with what the store held before: recorded in the manifest. */
export interface RunChanges {
  /** `--full`: every file was analysed again. */
  readonly full: boolean;
  /** Files new to the store. */
  readonly added: readonly string[];
  /** Files whose content changed since the last run. */
  readonly changed: readonly string[];
  /** Files gone from the corpus: they dropped out of the reports. */
  readonly removed: readonly string[];
  /** Files with unchanged content analysed again (new lexicons or pipeline version, or `--full`). */
  readonly reanalysed: number;
  /** Files whose stored analysis was used as is. */
  readonly reused: number;
}

/** What a run did, for the exit code and the closing line. */
export interface RunSummary {
  readonly files: number;
  readonly documents: number;
  readonly units: number;
  readonly diagnostics: number;
  readonly errors: number;
  readonly outDir: string;
  /** The lexicon folder used and how it was chosen. */
  readonly lexicons: { readonly dir: string; readonly source: string };
  readonly changes: RunChanges;
  /** False when nothing changed and the reports in place were kept. */
  readonly reportsWritten: boolean;
  /** The schema version of a store made by an older controverse, rebuilt by this run (every file analysed again). */
  readonly storeRebuiltFrom?: number;
}

