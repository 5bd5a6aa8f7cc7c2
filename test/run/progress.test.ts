import { describe, expect, it } from 'vitest';
import { createProgressDisplay } from '../../src/commands/progress.js';
import type { RunProgress } from '../../src/pipeline/run-summary.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, columns: 100, write: (s: string) => (written.push(s), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => stream, removeListener: () => stream } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

const at = (done: number): RunProgress => ({ done, total: 4, bytes: done * 1e6, totalBytes: 4e6, reused: 1, file: `f${done}.txt` });

describe('progress on stderr', () => {
  it('prints plain lines, not every file, when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const p = createProgressDisplay(stream, false);
    for (let i = 1; i <= 4; i += 1) p.update(at(i));
    p.stop();
    expect(written).toHaveLength(2); // the first update, then the last one
    expect(written[1]).toMatch(/^controverse: 4\/4 files analysed \(1 reused\), 4\.0\/4\.0 MB, [\d.]+ MB\/s, \d+s left\n$/u);
  });

  it('prints nothing with --quiet', () => {
    const { stream, written } = fakeStream(true);
    const p = createProgressDisplay(stream, true);
    p.update(at(1));
    p.stop();
    expect(written).toEqual([]);
  });

  it('draws a bar with files, MB/s and time left on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const p = createProgressDisplay(stream, false);
    p.update(at(1));
    p.update(at(4));
    p.stop();
    expect(written.join('')).toMatch(/4\/4 files \| [\d.]+ MB\/s \| \d+s left \| 1 reused/u);
  });
});
