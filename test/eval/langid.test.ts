import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/language/detect-language.js';
import { readLangidBenchmark, scoreBucket, type BucketScore } from '../../src/language/langid-benchmark.js';
import { DEFAULTS } from '../../src/options.js';
import { langidBenchmark } from '../external-data.js';

const LANGID = langidBenchmark();
const BENCHMARK = LANGID.file;

// Acceptance floors of issue 4 for the default detector, in percent.
const FLOORS = {
  tiny: { precision: 97, recall: 89, macro: 87 },
  short: { precision: 99.5, recall: 99.5 },
  sentence: { precision: 99.8, recall: 99.8 },
  paragraph: { precision: 99.8, recall: 99.8 },
} as const;

describe.skipIf(LANGID.skip)('the default language detector on the langid benchmark', () => {
  it('finds the benchmark', () => {
    expect(existsSync(BENCHMARK)).toBe(true);
  });

  const items = existsSync(BENCHMARK) ? readLangidBenchmark(BENCHMARK) : [];
  const detector = createDetector(DEFAULTS.langDetector);
  const scores = new Map<string, BucketScore>(Object.keys(FLOORS).map((bucket) => {
    const inBucket = items.filter((i) => i.bucket === bucket);
    return [bucket, scoreBucket(bucket, inBucket, inBucket.map((i) => detector.detect(i.text)))];
  }));

  it.each(Object.entries(FLOORS))('reaches the French precision and recall floors on %s items', (bucket, floor) => {
    const s = scores.get(bucket)!;
    expect(s.items).toBe(3300);
    expect(s.frenchPrecision).toBeGreaterThanOrEqual(floor.precision);
    expect(s.frenchRecall).toBeGreaterThanOrEqual(floor.recall);
  });

  it('reaches 87% macro accuracy over the nine languages on 1–3-word items', () => {
    const tiny = scores.get('tiny')!;
    expect(tiny.accuracy.size).toBe(9);
    expect(tiny.macroAccuracy).toBeGreaterThanOrEqual(FLOORS.tiny.macro);
  });

  it('gives calibrated scores: on every bucket the mean gap between score and accuracy stays under 5 points', () => {
    for (const s of scores.values()) expect(s.calibrationError).toBeLessThan(0.05);
  });
});
