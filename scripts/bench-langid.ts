/**
 * Language identification benchmark: every detector over ../shared/benchmarks/langid/, one table
 * per length bucket (French precision/recall, accuracy per language, und rate, calibration error,
 * items per second), then each detector's memory and start-up cost, measured in a fresh process.
 *
 *   npm run bench:langid                      # the tables (markdown, for the README)
 *   npm run bench:langid -- --fit             # refit the score calibration of every detector
 *   npm run bench:langid -- --detectors eld   # only some detectors
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrationFeatures, type Calibration } from '../src/language/calibrate.js';
import { createDetector, DETECTORS, type DetectorName, type LanguageDetector } from '../src/language/detect-language.js';
import { BUCKETS, guessWithFrenchPrior, readLangidBenchmark, scoreBucket, type BucketScore, type LangidItem } from '../src/language/langid-benchmark.js';
import type { LanguageGuess } from '../src/model.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARK = path.resolve(ROOT, '../shared/benchmarks/langid/langid-ud.tsv');
const LANGS = ['fra', 'eng', 'spa', 'ita', 'por', 'cat', 'ron', 'deu', 'nld'];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function loadCost(name: DetectorName): { ms: number; rssMB: number } {
  const script = path.join(ROOT, 'scripts', 'measure-detector-load.ts');
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, name], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`load-cost ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; rssMB: number };
}

// Logistic regression by gradient descent on standardised features: a few thousand points, 4 weights.
function fitCalibration(detector: LanguageDetector, items: readonly LangidItem[]): Calibration {
  const rows = items.map((item) => {
    const e = detector.evidence(item.text);
    return { x: calibrationFeatures(e), y: e.code === item.lang ? 1 : 0, und: e.code === 'und' };
  }).filter((r) => !r.und);
  const k = 3;
  const mean = [0, 1, 2].map((j) => rows.reduce((s, r) => s + r.x[j]!, 0) / rows.length);
  const sd = [0, 1, 2].map((j) => Math.sqrt(rows.reduce((s, r) => s + (r.x[j]! - mean[j]!) ** 2, 0) / rows.length) || 1);
  const w = [0, 0, 0, 0];
  for (let iter = 0; iter < 4000; iter++) {
    const g = [0, 0, 0, 0];
    for (const r of rows) {
      const z = w[0]! + [0, 1, 2].reduce((s, j) => s + w[j + 1]! * ((r.x[j]! - mean[j]!) / sd[j]!), 0);
      const d = 1 / (1 + Math.exp(-z)) - r.y;
      g[0]! += d;
      for (let j = 0; j < k; j++) g[j + 1]! += d * ((r.x[j]! - mean[j]!) / sd[j]!);
    }
    for (let j = 0; j <= k; j++) w[j]! -= (1.0 * g[j]!) / rows.length;
  }
  const coef = [0, 1, 2].map((j) => w[j + 1]! / sd[j]!);
  const intercept = w[0]! - [0, 1, 2].reduce((s, j) => s + coef[j]! * mean[j]!, 0);
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return { intercept: r(intercept), letters: r(coef[0]!), margin: r(coef[1]!), top: r(coef[2]!) };
}

function f1(v: number): string {
  return v.toFixed(1);
}

function row(name: string, s: BucketScore, perSecond: number | undefined): string {
  const accs = LANGS.map((l) => f1(s.accuracy.get(l) ?? 0));
  return `| ${name} | ${f1(s.frenchPrecision)} | ${f1(s.frenchRecall)} | ${f1(s.macroAccuracy)} | ${accs.join(' | ')} | ${f1(s.undRate)} | ${s.calibrationError.toFixed(3)} | ${perSecond === undefined ? '' : Math.round(perSecond).toLocaleString('en-US')} |`;
}

function main(): void {
  const names = (argValue('--detectors')?.split(',') ?? [...DETECTORS]) as DetectorName[];
  const items = readLangidBenchmark(BENCHMARK);
  if (process.argv.includes('--fit')) {
    const train = items.filter((_, i) => i % 2 === 0);
    for (const name of names) console.log(`${name}: ${JSON.stringify(fitCalibration(createDetector(name), train))}`);
    return;
  }

  const detectors = names.map((n) => createDetector(n));
  console.log(`Benchmark: ${path.relative(ROOT, BENCHMARK)}, ${items.length} items. Node ${process.version}.\n`);
  for (const bucket of BUCKETS) {
    const inBucket = items.filter((i) => i.bucket === bucket);
    console.log(`#### ${bucket} (${inBucket.length} items)\n`);
    console.log(`| detector | fra P | fra R | macro acc | ${LANGS.join(' | ')} | und % | calib. err. | items/s |`);
    console.log(`|---|${'---:|'.repeat(LANGS.length + 6)}`);
    for (const detector of detectors) {
      for (const i of inBucket.slice(0, 200)) detector.detect(i.text); // warm-up
      const t0 = performance.now();
      const guesses: LanguageGuess[] = inBucket.map((i) => detector.detect(i.text));
      const seconds = (performance.now() - t0) / 1000;
      console.log(row(detector.name, scoreBucket(bucket, inBucket, guesses), inBucket.length / seconds));
      if (detector.name === detectors[0]?.name) {
        const primed = inBucket.map((i) => guessWithFrenchPrior(detector, detector.evidence(i.text)));
        console.log(row(`${detector.name}, French page prior`, scoreBucket(bucket, inBucket, primed), undefined));
      }
    }
    console.log('');
  }
  // Informal comments drop accents and capitals ("c est nul, l etat se fout de nous"): the same
  // French items lower-cased and without accents, French recall only.
  const informal = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  console.log('#### French items lower-cased and without accents (French recall %)\n');
  console.log(`| detector | ${BUCKETS.join(' | ')} |`);
  console.log(`|---|${'---:|'.repeat(BUCKETS.length)}`);
  for (const detector of detectors) {
    const recalls = BUCKETS.map((bucket) => {
      const french = items.filter((i) => i.bucket === bucket && i.lang === 'fra');
      return f1((100 * french.filter((i) => detector.detect(informal(i.text)).code === 'fra').length) / french.length);
    });
    console.log(`| ${detector.name} | ${recalls.join(' | ')} |`);
    if (detector.name === detectors[0]?.name) {
      const primed = BUCKETS.map((bucket) => {
        const french = items.filter((i) => i.bucket === bucket && i.lang === 'fra');
        return f1((100 * french.filter((i) => guessWithFrenchPrior(detector, detector.evidence(informal(i.text))).code === 'fra').length) / french.length);
      });
      console.log(`| ${detector.name}, French page prior | ${primed.join(' | ')} |`);
    }
  }
  console.log('');
  console.log('| detector | start-up (load + first call) | resident memory added |');
  console.log('|---|---:|---:|');
  for (const name of names) {
    const cost = loadCost(name);
    console.log(`| ${name} | ${(cost.ms / 1000).toFixed(2)} s | ${Math.round(cost.rssMB)} MB |`);
  }
}

main();
