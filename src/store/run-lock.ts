import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';

/** The lock file's name inside the output folder. */
export const LOCK_FILE = '.controverse.lock';

/** Another run holds the output folder: a usage error (exit 2), raised before any work. */
export class LockedError extends UserError {
  override readonly name = 'LockedError';
}

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  /** Process start time from /proc (Linux), so that a reused pid is not taken for the dead run. */
  readonly procStart?: string;
}

// A lock file still empty this long after its creation belongs to a run killed between open and write.
const EMPTY_LOCK_GRACE_MS = 10_000;

function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) comes after the command name in parentheses, which may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (info.procStart === undefined) return true;
  const now = procStart(info.pid);
  return now === undefined || now === info.procStart;
}

function readLock(file: string): LockInfo | 'empty' | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    if (text.trim() === '') return 'empty';
    return JSON.parse(text) as LockInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'empty';
  }
}

function isStale(file: string, info: LockInfo | 'empty'): boolean {
  if (info === 'empty') {
    try {
      return Date.now() - statSync(file).mtimeMs > EMPTY_LOCK_GRACE_MS;
    } catch {
      return true;
    }
  }
  // A run on another machine (shared file system) cannot be checked: only its owner or a human may clear it.
  return info.host === os.hostname() && !alive(info);
}

function tryCreate(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A held lock on an output folder; release it when the run ends. */
export interface RunLock {
  readonly file: string;
  /** True when the lock of a run that died was found and taken over. */
  readonly recoveredStale: boolean;
  release(): void;
}

/**
 * Take the output folder's lock or throw LockedError at once. A lock left by a run that died on
 * this machine (its pid gone, or reused by another process) is taken over.
 */
export function acquireRunLock(outDir: string): RunLock {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), procStart: procStart(process.pid) };
  let recoveredStale = false;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(file, mine)) {
      return {
        file, recoveredStale,
        release: () => {
          const now = readLock(file);
          if (now !== undefined && now !== 'empty' && now.pid === mine.pid && now.host === mine.host) rmSync(file, { force: true });
        },
      };
    }
    const held = readLock(file);
    if (held === undefined) continue; // released between our two calls
    if (!isStale(file, held)) {
      const who = held === 'empty' ? 'a run that is starting' : `pid ${held.pid} on ${held.host}, since ${held.started}`;
      throw new LockedError(`${outDir} is in use by another controverse run (${who}); wait for it to finish, or if that run is dead on another machine, delete ${file}`);
    }
    // Take over the stale lock through a second exclusive file, so two runs cannot both take it.
    const takeover = `${file}.takeover`;
    const takeoverInfo = readLock(takeover);
    if (takeoverInfo !== undefined && isStale(takeover, takeoverInfo)) rmSync(takeover, { force: true });
    if (!tryCreate(takeover, mine)) throw new LockedError(`${outDir} is being taken over by another controverse run`);
    try {
      const again = readLock(file);
      if (again !== undefined && JSON.stringify(again) === JSON.stringify(held)) rmSync(file, { force: true });
      recoveredStale = true;
    } finally {
      rmSync(takeover, { force: true });
    }
  }
  throw new LockedError(`${outDir}: could not take the lock ${file}`);
}
