import { SingleBar } from 'cli-progress';
import type { RunProgress } from '../pipeline/run-summary.js';

/** Shows a run's progress on stderr: a bar on a terminal, a line every few seconds otherwise, nothing when quiet. */
export interface ProgressDisplay {
  update(p: RunProgress): void;
  stop(): void;
}

// Plain lines (logs, CI, Slurm output files): often enough to show life, rarely enough to stay readable.
const LINE_EVERY_MS = 5_000;

function mbPerSecond(bytes: number, since: number): number {
  const seconds = (Date.now() - since) / 1000;
  return seconds > 0 ? bytes / 1e6 / seconds : 0;
}

function timeLeft(p: RunProgress, since: number): string {
  const rate = p.bytes / Math.max(1, Date.now() - since);
  if (p.bytes === 0 || rate === 0) return '?';
  const s = Math.round((p.totalBytes - p.bytes) / rate / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** The progress display fitting the stream: `quiet` shows nothing. */
export function createProgressDisplay(stream: NodeJS.WriteStream, quiet: boolean): ProgressDisplay {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const since = Date.now();
  if (stream.isTTY === true) {
    const bar = new SingleBar({
      stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50,
      format: 'controverse {bar} {value}/{total} files | {mbs} MB/s | {left} left | {reused} reused',
    });
    let started = false;
    return {
      update(p) {
        const payload = { mbs: mbPerSecond(p.bytes, since).toFixed(1), left: timeLeft(p, since), reused: p.reused };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (p.done !== p.total && now - last < LINE_EVERY_MS) return;
      last = now;
      stream.write(
        `controverse: ${p.done}/${p.total} files analysed (${p.reused} reused), ${(p.bytes / 1e6).toFixed(1)}/${(p.totalBytes / 1e6).toFixed(1)} MB, ` +
          `${mbPerSecond(p.bytes, since).toFixed(1)} MB/s, ${timeLeft(p, since)} left\n`,
      );
    },
    stop: () => undefined,
  };
}
