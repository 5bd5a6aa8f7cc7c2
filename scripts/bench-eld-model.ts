/**
 * The compact eld model (src/language/eld-database.ts, eld-scoring.ts) against the eld package it
 * replaces, for each database size: time and resident memory to load it, each in a fresh process,
 * and verdicts per second over every item of the langid benchmark (best of 3 rounds). That both
 * give the same verdicts is test/language/eld-model.test.ts's job. Prints a markdown table.
 *
 *   node --expose-gc --import tsx scripts/bench-eld-model.ts
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEldDatabase, type EldSize } from '../src/language/eld-database.js';
import { createEldScorer, type EldVerdict } from '../src/language/eld-scoring.js';
import { readLangidBenchmark } from '../src/language/langid-benchmark.js';
import { referenceEld } from '../test/language/eld-reference.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARK = path.resolve(ROOT, '../shared/benchmarks/langid/langid-ud.tsv');
const IMPLEMENTATIONS = { 'eld package': referenceEld, compact: (size: EldSize) => createEldScorer(readEldDatabase(size)) };
type Implementation = keyof typeof IMPLEMENTATIONS;

interface Cost {
  readonly loadSeconds: number;
  readonly rssMB: number;
  readonly itemsPerSecond: number;
}

/** In this process: load one implementation, then time it over the benchmark. */
function measure(implementation: Implementation, size: EldSize): Cost {
  const texts = readLangidBenchmark(BENCHMARK).map((i) => i.text);
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const detect: (text: string) => EldVerdict = IMPLEMENTATIONS[implementation](size);
  detect('Bonjour à tous, et merci pour cet article.');
  const loadSeconds = (performance.now() - t0) / 1000;
  globalThis.gc?.();
  const rssMB = (process.memoryUsage().rss - rss0) / 1e6;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (const text of texts) detect(text);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { loadSeconds, rssMB, itemsPerSecond: texts.length / best };
}

function measureInFreshProcess(implementation: Implementation, size: EldSize): Cost {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--measure', implementation, size], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`measuring ${implementation} ${size} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Cost;
}

function main(): void {
  const at = process.argv.indexOf('--measure');
  if (at !== -1) {
    console.log(JSON.stringify(measure(process.argv[at + 1] as Implementation, process.argv[at + 2] as EldSize)));
    return;
  }
  console.log(`Benchmark: ${path.relative(ROOT, BENCHMARK)}, Node ${process.version}.\n`);
  console.log('| database | implementation | load | resident memory added | items/s |');
  console.log('|---|---|---:|---:|---:|');
  for (const size of ['large', 'small'] as const) {
    for (const implementation of Object.keys(IMPLEMENTATIONS) as Implementation[]) {
      const c = measureInFreshProcess(implementation, size);
      console.log(`| ${size} | ${implementation} | ${c.loadSeconds.toFixed(2)} s | ${Math.round(c.rssMB)} MB | ${Math.round(c.itemsPerSecond).toLocaleString('en-US')} |`);
    }
  }
}

main();
