/** Exit codes of every command: 0 done, 1 done with skipped input, 2 bad usage or configuration (before any work), 3 the run could not finish. */
export const EXIT = { ok: 0, skipped: 1, usage: 2, failed: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem the user can fix: bad flags, a bad lexicon, a missing folder (exit 2, raised before any
 * work) or an environment that stops the run (exit 3). Commands throw it; only the CLI prints it,
 * as one line with its hint, and turns it into the exit code.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(message: string, readonly hint?: string, readonly exitCode: ExitCode = EXIT.usage) {
    super(message);
  }
}

/** Error codes of the file system and of SQLite that say the environment, not the input, stopped the run. */
const ENVIRONMENT: Readonly<Record<string, (where: string) => string>> = {
  ENOSPC: (where) => `the disk is full${where}: free some space and run again (what was analysed is kept)`,
  SQLITE_FULL: () => 'the disk holding controverse.sqlite is full: free some space and run again (what was analysed is kept)',
  EDQUOT: (where) => `the disk quota is exhausted${where}: free some space and run again`,
  EACCES: (where) => `permission denied${where}: fix the permissions or choose another --out`,
  EPERM: (where) => `operation not permitted${where}: fix the permissions or choose another --out`,
  EROFS: (where) => `read-only file system${where}: choose another --out`,
  SQLITE_READONLY: () => 'controverse.sqlite cannot be written (read-only): fix its permissions or choose another --out',
  SQLITE_CANTOPEN: () => 'controverse.sqlite cannot be opened: check the output folder\'s permissions, or choose another --out',
  SQLITE_CORRUPT: () => 'controverse.sqlite is damaged: run again with --rebuild-store, or delete it',
  SQLITE_NOTADB: () => 'controverse.sqlite is damaged (not a database): run again with --rebuild-store, or delete it',
  SQLITE_IOERR: () => 'controverse.sqlite could not be read or written (I/O error): check the disk, then run again',
  EIO: (where) => `input/output error${where}: check the disk, then run again`,
  EEXIST: (where) => `a file is in the way${where}: the output folder must be a folder; choose another --out`,
  ENOTDIR: (where) => `a file stands where a folder is expected${where}: choose another --out`,
  EISDIR: (where) => `a folder stands where a file is expected${where}: remove or rename it`,
  EMFILE: () => 'too many open files: raise the limit (ulimit -n) or run with fewer --workers',
  ENOMEM: () => 'out of memory: run with fewer --workers',
  ERR_WORKER_OUT_OF_MEMORY: () => 'a worker thread ran out of memory: run with fewer --workers or a larger --worker-memory, or split the largest files',
};

/**
 * The UserError (exit 3) an environment failure stands for: disk full, unwritable or damaged
 * output, a file where a folder should be… Undefined for anything else (a bug). SQLite codes are
 * matched by their family ("SQLITE_CORRUPT_VTAB" is SQLITE_CORRUPT).
 */
export function environmentError(error: unknown): UserError | undefined {
  const e = error as { code?: unknown; path?: unknown; dest?: unknown };
  if (typeof e?.code !== 'string') return undefined;
  const code = e.code;
  const family = Object.keys(ENVIRONMENT).find((k) => code === k || code.startsWith(`${k}_`));
  if (family === undefined) return undefined;
  const where = typeof e.path === 'string' ? ` (${e.path})` : '';
  return new UserError(ENVIRONMENT[family]!(where), undefined, EXIT.failed);
}
