import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock, LOCK_FILE, LockedError } from '../../src/store/run-lock.js';
import { tempDir } from '../run/run-helpers.js';

// A pid that existed and is gone: a child process that has already exited.
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('the run lock of an output folder', () => {
  it('refuses a second holder at once, naming the one that holds it, and frees on release', () => {
    const out = tempDir('lock');
    const lock = acquireRunLock(out);
    expect(() => acquireRunLock(out)).toThrow(LockedError);
    expect(() => acquireRunLock(out)).toThrow(new RegExp(`pid ${process.pid} on ${os.hostname()}`));
    lock.release();
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
    acquireRunLock(out).release();
  });

  it('takes over the lock of a run that died on this machine', () => {
    const out = tempDir('lock');
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: os.hostname(), started: '2020-01-01T00:00:00Z' }));
    const lock = acquireRunLock(out);
    expect(lock.recoveredStale).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (different start time)', () => {
    const out = tempDir('lock');
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2020-01-01T00:00:00Z', procStart: '1' }));
    const lock = acquireRunLock(out);
    expect(lock.recoveredStale).toBe(process.platform === 'linux');
    lock.release();
  });

  it('leaves the lock of a run on another machine alone', () => {
    const out = tempDir('lock');
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: 1, host: 'other-node-17', started: '2020-01-01T00:00:00Z' }));
    expect(() => acquireRunLock(out)).toThrow(/other-node-17.*delete/u);
  });
});
