import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_STAGES } from '../../src/pipeline/stage-times.js';
import { run } from '../../src/run.js';
import { optionsFor, readCsvs, tempDir } from '../run/run-helpers.js';

describe('stage times (the benchmark\'s side channel)', () => {
  it('are written per thread into their own folder, and leave every report byte-identical', async () => {
    const times = tempDir('times');
    const timed = tempDir('timed');
    const plain = tempDir('plain');
    await run(optionsFor(path.resolve('corpus'), timed, { stageTimes: times }));
    await run(optionsFor(path.resolve('corpus'), plain));
    expect(readCsvs(timed)).toEqual(readCsvs(plain));
    const files = readdirSync(times).sort();
    // Two analysis workers and the main thread.
    expect(files.filter((f) => f.startsWith('analysis-'))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('main-'))).toHaveLength(1);
    const summed = Object.fromEntries(ANALYSIS_STAGES.map((s) => [s, 0]));
    for (const f of files.filter((name) => name.startsWith('analysis-'))) {
      const stages = JSON.parse(readFileSync(path.join(times, f), 'utf8')) as Record<string, number>;
      expect(Object.keys(stages).sort()).toEqual([...ANALYSIS_STAGES].sort());
      for (const s of ANALYSIS_STAGES) summed[s]! += stages[s]!;
    }
    // The sample pages are French with comments: every stage did some work, on one worker or the other.
    for (const s of ANALYSIS_STAGES) expect(summed[s], s).toBeGreaterThan(0);
    expect(readdirSync(timed).some((f) => f.includes('stage'))).toBe(false);
  });
});
