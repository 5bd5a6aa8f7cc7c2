import type { DetectorName } from './language/detect-language.js';

/** Everything a run needs to know, built once by the CLI and passed down. Stages never read argv, env or cwd. */
export interface RunOptions {
  /** Corpus folders or files. */
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly lexiconDir: string;
  readonly langDetector: DetectorName;
  /** Add a BOM and use `;` in CSVs, for spreadsheets set to French. */
  readonly spreadsheet: boolean;
  /** The command line as typed, recorded in the manifest. */
  readonly commandLine: readonly string[];
}

/** Defaults, relative to the working directory the CLI resolves them against. */
export const DEFAULTS = {
  inputs: ['corpus'],
  outDir: 'out',
  lexiconDir: 'lexicons',
  langDetector: 'eld' as DetectorName,
} as const;
