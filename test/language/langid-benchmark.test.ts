import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLangidBenchmark, scoreBucket } from '../../src/language/langid-benchmark.js';

describe('the langid benchmark reader and scorer', () => {
  it('splits on the first three tabs only and keeps quotes as they are', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'langid-')), 'b.tsv');
    writeFileSync(file, 'id\tlang\tbucket\ttext\nfra-tiny-0001\tfra\ttiny\t"Bravo" dit-il\neng-short-0001\teng\tshort\tsay "no\r\n\n');
    expect(readLangidBenchmark(file)).toEqual([
      { id: 'fra-tiny-0001', lang: 'fra', bucket: 'tiny', text: '"Bravo" dit-il' },
      { id: 'eng-short-0001', lang: 'eng', bucket: 'short', text: 'say "no' },
    ]);
  });

  it('names the file and line of a malformed row', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'langid-')), 'b.tsv');
    writeFileSync(file, 'id\tlang\tbucket\ttext\nfra-tiny-0001\tfra tiny\n');
    expect(() => readLangidBenchmark(file)).toThrow(/b\.tsv:2: expected 4 tab-separated columns/);
  });

  it('computes French precision and recall, per-language and macro accuracy, und rate and calibration error', () => {
    const item = (lang: string) => ({ id: '', lang, bucket: 'tiny', text: '' });
    const items = [item('fra'), item('fra'), item('fra'), item('eng'), item('eng'), item('spa')];
    const guesses = [
      { code: 'fra', score: 1 }, { code: 'fra', score: 1 }, { code: 'und', score: 0 },
      { code: 'fra', score: 0.55 }, { code: 'eng', score: 0.55 }, { code: 'spa', score: 1 },
    ];
    const s = scoreBucket('tiny', items, guesses);
    expect(s.frenchPrecision).toBeCloseTo(200 / 3);
    expect(s.frenchRecall).toBeCloseTo(200 / 3);
    expect([...s.accuracy]).toEqual([['fra', 200 / 3], ['eng', 50], ['spa', 100]]);
    expect(s.macroAccuracy).toBeCloseTo((200 / 3 + 50 + 100) / 3);
    expect(s.undRate).toBeCloseTo(100 / 6);
    // Bins: score 1 → 3 right of 3; 0.55 → 1 right of 2 (gap 0.1); 0 → 0 of 1 (gap 0).
    expect(s.calibrationError).toBeCloseTo(0.1 / 6);
  });
});
