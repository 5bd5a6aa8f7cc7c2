import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../report/write-atomic.js';

/** Folder inside the output folder where a run writes its new reports before they replace the old ones. */
export const STAGING_DIR = '.controverse-staging';
/** Written once every staged report is complete: from then on the new set is the one to finish installing. */
const JOURNAL_FILE = '.controverse-commit.json';

interface Journal {
  readonly files: readonly string[];
  /** What the store records about the reports once they are in place. */
  readonly reportsKey: string;
}

/** The folder a run writes its new reports into. Emptied first: anything left there is from a killed run. */
export function prepareStaging(outDir: string): string {
  const dir = path.join(outDir, STAGING_DIR);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

function install(outDir: string, journal: Journal): void {
  const staging = path.join(outDir, STAGING_DIR);
  for (const f of journal.files) {
    const from = path.join(staging, f);
    if (existsSync(from)) renameSync(from, path.join(outDir, f));
  }
  rmSync(path.join(outDir, JOURNAL_FILE), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Replace the reports with the staged ones. The journal is written (atomically) after every staged
 * file is complete and before the first rename: a run killed during the renames leaves the journal,
 * and the next run finishes the renames, so the folder never keeps a mix of old and new reports.
 */
export function commitReports(outDir: string, files: readonly string[], reportsKey: string): void {
  const journal: Journal = { files, reportsKey };
  writeFileAtomic(path.join(outDir, JOURNAL_FILE), [JSON.stringify(journal)]);
  install(outDir, journal);
}

/**
 * Bring the output folder back to a consistent set of reports after a killed run: finish a commit
 * that was under way, drop a staging folder that was not complete, remove temporary files.
 * Returns the reports key of a finished commit, if one was finished here.
 */
export function recoverReports(outDir: string): string | undefined {
  let finished: string | undefined;
  const journalFile = path.join(outDir, JOURNAL_FILE);
  if (existsSync(journalFile)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    } catch {
      journal = undefined; // written atomically, so unreadable means someone edited it: start over
    }
    if (journal !== undefined) {
      install(outDir, journal);
      finished = journal.reportsKey;
    }
    rmSync(journalFile, { force: true });
  }
  rmSync(path.join(outDir, STAGING_DIR), { recursive: true, force: true });
  if (existsSync(outDir)) {
    // writeFileAtomic's temporary files of a killed run: ".<name>.<pid>.tmp"
    for (const name of readdirSync(outDir)) if (/^\..+\.\d+\.tmp$/u.test(name)) rmSync(path.join(outDir, name), { force: true });
  }
  return finished;
}
