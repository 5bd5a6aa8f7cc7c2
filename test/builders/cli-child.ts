import { execFile } from 'node:child_process';

/** What the CLI run in a child process left: its exit status (null when killed), stdout and stderr. */
export interface ChildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI in a child process, awaited: a fit computes for a minute or more on a loaded machine, and a
 * synchronous spawn would block the test thread past vitest's 60 s limit for answering its runner.
 */
export function cliChild(...args: string[]): Promise<ChildRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stderr, stdout });
    });
  });
}
