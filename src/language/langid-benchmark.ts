import { readFileSync } from 'node:fs';
import type { LanguageGuess } from '../model.js';
import { decideLanguage, decideWithPrior, type LanguageEvidence } from './calibrate.js';
import type { LanguageDetector } from './detect-language.js';
import { SHORT_UNIT_LETTERS, THREAD_PRIOR } from './detect-document-languages.js';

/** One labelled item of the langid benchmark (`../shared/benchmarks/langid/langid-ud.tsv`). */
export interface LangidItem {
  readonly id: string;
  readonly lang: string;
  readonly bucket: string;
  readonly text: string;
}

/** Length buckets of the benchmark, shortest first. */
export const BUCKETS = ['tiny', 'short', 'sentence', 'paragraph'] as const;

/**
 * Read the benchmark TSV: a header, then `id`, `lang`, `bucket`, `text` split on the first three
 * tabs. Texts hold `"` characters and no quoting is used, so no CSV parser reads it right.
 */
export function readLangidBenchmark(file: string): LangidItem[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const items: LangidItem[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const c = line.indexOf('\t', b + 1);
    if (a === -1 || b === -1 || c === -1) throw new Error(`${file}:${i + 2}: expected 4 tab-separated columns`);
    items.push({ id: line.slice(0, a), lang: line.slice(a + 1, b), bucket: line.slice(b + 1, c), text: line.slice(c + 1).replace(/\r$/u, '') });
  });
  return items;
}

/** Scores of one detector on one bucket. Percentages in [0,100]. */
export interface BucketScore {
  readonly bucket: string;
  readonly items: number;
  readonly frenchPrecision: number;
  readonly frenchRecall: number;
  /** Accuracy per language, in the order of `languages`. */
  readonly accuracy: ReadonlyMap<string, number>;
  /** Mean of the per-language accuracies. */
  readonly macroAccuracy: number;
  readonly undRate: number;
  /** Mean absolute gap between score and accuracy over ten score bins (expected calibration error). */
  readonly calibrationError: number;
}

function percent(n: number, d: number): number {
  return d === 0 ? 0 : (100 * n) / d;
}

/** Score predictions against their items (same order). Languages in order of first appearance. */
export function scoreBucket(bucket: string, items: readonly LangidItem[], guesses: readonly LanguageGuess[]): BucketScore {
  let tp = 0, fp = 0, fn = 0, und = 0;
  const perLang = new Map<string, { right: number; total: number }>();
  const bins = Array.from({ length: 10 }, () => ({ n: 0, score: 0, right: 0 }));
  items.forEach((item, i) => {
    const guess = guesses[i]!;
    const right = guess.code === item.lang;
    if (guess.code === 'und') und += 1;
    if (item.lang === 'fra' && guess.code === 'fra') tp += 1;
    if (item.lang !== 'fra' && guess.code === 'fra') fp += 1;
    if (item.lang === 'fra' && guess.code !== 'fra') fn += 1;
    const l = perLang.get(item.lang) ?? { right: 0, total: 0 };
    perLang.set(item.lang, { right: l.right + (right ? 1 : 0), total: l.total + 1 });
    const bin = bins[Math.min(9, Math.floor(guess.score * 10))]!;
    bin.n += 1; bin.score += guess.score; bin.right += right ? 1 : 0;
  });
  const accuracy = new Map([...perLang].map(([lang, { right, total }]) => [lang, percent(right, total)]));
  const macro = [...accuracy.values()].reduce((s, v) => s + v, 0) / Math.max(1, accuracy.size);
  return {
    bucket, items: items.length,
    frenchPrecision: percent(tp, tp + fp), frenchRecall: percent(tp, tp + fn),
    accuracy, macroAccuracy: macro, undRate: percent(und, items.length),
    calibrationError: items.length === 0 ? 0 : bins.reduce((s, b) => s + Math.abs(b.score - b.right), 0) / items.length,
  };
}

/**
 * Each item as a short comment on a French page: its evidence combined with a French prior the
 * way detectDocumentLanguages treats short units. Shows what the prior gains on French items and
 * costs on the others (a foreign comment wrongly made French).
 */
export function guessWithFrenchPrior(detector: LanguageDetector, evidence: LanguageEvidence): LanguageGuess {
  if (evidence.letters >= SHORT_UNIT_LETTERS) return decideLanguage(evidence, detector.calibration);
  return decideWithPrior(evidence, detector.calibration, 'fra', THREAD_PRIOR);
}
