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
