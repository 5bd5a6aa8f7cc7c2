// What fitted weights cost `run`: one worker's analysis (analyseFile, in this process, as
// scripts/bench.ts measures it) of the same generated French corpus with the lexicon weights, and
// with each fitted file given, in rounds interleaved so that a shared machine's load falls on all
// alike; CPU seconds per MB, best round of each. `npx tsx scripts/bench-fitted-scoring.ts --mb 3
// --rounds 3 FITTED.yaml…` (e.g. the files of `controverse fit --features words` and
// `--features words,bigrams,context`).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { analyseFile, createAnalysisContext } from '../src/pipeline/analyse-file.js';
import { generateCorpus } from './generate-corpus.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { mb: { type: 'string', default: '3' }, rounds: { type: 'string', default: '3' }, dir: { type: 'string', default: path.join(os.tmpdir(), 'controverse-bench-fitted') } },
});
const root = path.resolve(values.dir);
const corpus = path.join(root, 'corpus');
if (!existsSync(corpus)) {
  const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
  const cues = lexicons.stances.entries.flatMap((e) => e.examples).concat(lexicons.claims.entries.flatMap((e) => e.examples));
  generateCorpus(corpus, Number(values.mb) * 1e6, { seed: 7, cues, format: 'txt' });
}
const files = readdirSync(corpus, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
const contents = files.map((f) => readFileSync(f));
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;

// One lexicon folder per variant: the shipped lexicons, then a copy holding each fitted file.
const variants = [{ name: 'lexicon weights', dir: path.resolve('lexicons') }, ...positionals.map((file) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-fitted-lex-'));
  cpSync(path.resolve('lexicons'), dir, { recursive: true });
  cpSync(path.resolve(file), path.join(dir, 'fitted.yaml'));
  return { name: file, dir };
})];

const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const best = new Map<string, number>();
for (let round = 0; round < Number(values.rounds); round += 1) {
  for (const v of variants) {
    const context = createAnalysisContext({ lexiconDir: v.dir, langDetector: 'eld', fields: undefined, fitted: true });
    const t = cpu();
    files.forEach((f, k) => analyseFile(path.relative(corpus, f), contents[k]!, context));
    const s = (cpu() - t) / mb;
    best.set(v.name, Math.min(best.get(v.name) ?? Infinity, s));
    console.error(`round ${round} ${v.name}: ${s.toFixed(3)} CPU s/MB`);
  }
}
const base = best.get('lexicon weights')!;
console.log(`${mb.toFixed(1)} MB, best of ${values.rounds} rounds, CPU seconds per MB (one worker, in process):`);
for (const [name, s] of best) console.log(`  ${name.padEnd(40)} ${s.toFixed(3)}  (${((s / base - 1) * 100).toFixed(1)} % vs lexicon weights)`);
