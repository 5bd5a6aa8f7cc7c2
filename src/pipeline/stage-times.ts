import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';

/** The parts of one file's analysis that a StageClock times, in pipeline order. */
export const ANALYSIS_STAGES = ['ingest', 'tokenise', 'language', 'stances', 'claims', 'phrases', 'store'] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

/**
 * Seconds spent per stage by one thread, for the benchmark (`npm run bench`): made only when a
 * run is asked for stage times, so an ordinary run pays one `undefined` test per stage and unit.
 * Never written to the reports: the times go to a side folder (see writeStageTimes).
 */
export class StageClock {
  readonly seconds: Record<AnalysisStage, number> = { ingest: 0, tokenise: 0, language: 0, stances: 0, claims: 0, phrases: 0, store: 0 };

  /** Now, in milliseconds: the start of the next lap. */
  now(): number {
    return performance.now();
  }

  /** Adds the time since `since` to `stage` and gives now, the start of the next lap. */
  lap(stage: AnalysisStage, since: number): number {
    const t = performance.now();
    this.seconds[stage] += (t - since) / 1000;
    return t;
  }
}

/** Active time of this thread's event loop since the call, in seconds: what the main thread spent storing while workers analysed. */
export function activeSecondsSince(): () => number {
  const start = performance.eventLoopUtilization();
  return () => performance.eventLoopUtilization(start).active / 1000;
}

/** Writes one thread's stage times as `<dir>/<name>-<thread id>.json` (a run asked for them with CONTROVERSE_STAGE_TIMES). */
export function writeStageTimes(dir: string, name: string, times: Readonly<Record<string, number>>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}-${process.pid}-${threadId}.json`), `${JSON.stringify(times)}\n`);
}
