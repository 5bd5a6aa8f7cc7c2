// npm run bench -- [--mb 200] [--dir /tmp/controverse-bench] [--format txt|jsonl|mixed] [--workers 2] [--skip-single] [--micro-mb 10] [--profile]
// Generates a French corpus with comment threads, then times `controverse run` (built code, dist/)
// as a child process: full runs with one worker (unless --skip-single) and with all, a rerun with
// nothing new, a rerun with 1% new files, a rerun with 1% changed and those 1% removed; the store's
// size; and, in this process on the same text, a bare tokenizer pass as the reference, and the
// analysis of one worker on the first --micro-mb of the corpus. Prints the seconds by stage of the
// full runs (read from the side folder CONTROVERSE_STAGE_TIMES, never from the reports); with
// --profile, writes CPU profiles of every run and of the one-thread analysis into a folder it names.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { analyseFile, createAnalysisContext } from '../src/pipeline/analyse-file.js';
import { ANALYSIS_STAGES, StageClock } from '../src/pipeline/stage-times.js';
import { toStoredDocument } from '../src/store/stored-document.js';
import { tokenise } from '../src/text/tokenise.js';
import { generateCorpus, type CorpusFormat } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'controverse-bench') },
    format: { type: 'string', default: 'txt' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    'skip-single': { type: 'boolean', default: false },
    'micro-mb': { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
  },
});
const megabytes = Number(values.mb);
const format = values.format as CorpusFormat;
const workers = Number(values.workers);
const root = path.resolve(values.dir);
const profiles = values.profile ? path.join(root, `profiles-${new Date().toISOString().replace(/[:.]/gu, '-')}`) : undefined;
const corpus = path.join(root, 'corpus');
const fresh = path.join(corpus, 'zz-new');
const cli = path.resolve('dist/cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js missing: run "npm run build" first (npm run bench does)');

function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(full, out);
    else if (!e.name.startsWith('.')) out.push(full);
  }
  return out;
}

// Generate once per size, seed and format; later benches reuse the corpus.
const cues = loadLexicons(path.resolve('lexicons')).stances.entries.flatMap((e) => e.examples)
  .concat(loadLexicons(path.resolve('lexicons')).claims.entries.flatMap((e) => e.examples));
const stamp = path.join(root, 'corpus.json');
const params = JSON.stringify({ megabytes, format, seed: 7, cues: cues.length });
rmSync(fresh, { recursive: true, force: true });
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== params) {
  rmSync(root, { recursive: true, force: true });
  const t = Date.now();
  const g = generateCorpus(corpus, megabytes * 1e6, { seed: 7, cues, format });
  writeFileSync(stamp, params);
  console.error(`generated ${g.files} files, ${(g.bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s → ${corpus}`);
}
const files = listFiles(corpus);
const corpusBytes = files.reduce((n, f) => n + statSync(f).size, 0);

// Reference: read, decode and tokenise every file, nothing else.
const t0 = process.hrtime.bigint();
let tokens = 0;
for (const f of files) tokens += tokenise(readFileSync(f, 'utf8')).length;
const tokenSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

/** CPU seconds of this process so far (the machine is shared: CPU time moves less than wall time). */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

// One worker's analysis, in this process, on the first --micro-mb of the corpus: read + tokenise as
// a worker's reference, then the worker's own loop (analyseFile and the stored form of each
// document), with a StageClock. Compared by CPU seconds, measured back to back on the same files.
async function microAnalysis(): Promise<{ mb: number; reference: number; analysis: number; stages: Record<string, number> }> {
  const chosen: string[] = [];
  let bytes = 0;
  for (const f of [...files].sort()) {
    if (bytes >= Number(values['micro-mb']) * 1e6) break;
    chosen.push(f);
    bytes += statSync(f).size;
  }
  const contents = chosen.map((f) => readFileSync(f));
  const clock = new StageClock();
  const context = { ...createAnalysisContext({ lexiconDir: path.resolve('lexicons'), langDetector: 'eld', fields: undefined }, true), clock };
  const session = profiles === undefined ? undefined : new Session();
  if (session !== undefined) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  let t = cpuSeconds();
  let n = 0;
  for (const b of contents) n += tokenise(b.toString('utf8')).length;
  const reference = cpuSeconds() - t;
  t = cpuSeconds();
  chosen.forEach((f, k) => {
    const a = analyseFile(path.relative(corpus, f), contents[k]!, context);
    let lap = clock.now();
    for (const d of a.documents) {
      const signature = context.phrases?.take(d.document.id);
      lap = clock.lap('phrases', lap);
      toStoredDocument(d, signature);
      lap = clock.lap('store', lap);
    }
  });
  const analysis = cpuSeconds() - t;
  if (session !== undefined && profiles !== undefined) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(profiles, { recursive: true });
    writeFileSync(path.join(profiles, 'one-worker-in-process.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
  if (n === 0) throw new Error('micro: no tokens');
  return { mb: bytes / 1e6, reference, analysis, stages: clock.seconds };
}
const micro = await microAnalysis();

// Peak memory of the whole child process (main thread and workers): maxRSS at exit.
const probe = path.join(root, 'maxrss.cjs');
// At exit the child prints its peak resident set and its CPU seconds (user + system, every thread).
// Worker threads inherit the preload: only the main thread's exit, the last, tells the whole run.
writeFileSync(probe, "if (require('node:worker_threads').isMainThread) process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\nBENCH_MAXRSS_KB=${u.maxRSS} BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\\n`); });\n");

interface Measure {
  readonly name: string; readonly seconds: number; readonly cpu: number; readonly maxRssMb: number; readonly documents: number; readonly analysed: number;
  readonly phases: { analysis: number; reports: number; phrases?: number };
  /** Seconds by stage, summed over the threads that ran it (see stageSeconds). */
  readonly stages: Record<string, number>;
}

/** The stage times a run wrote into `dir`: the analysis workers' stages summed, the main thread's store writes added to store. */
function stageSeconds(dir: string, phases: Measure['phases']): Record<string, number> {
  const sums: Record<string, number> = Object.fromEntries(ANALYSIS_STAGES.map((s) => [s, 0]));
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    const times = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, number>;
    for (const [stage, seconds] of Object.entries(times)) sums[stage] = (sums[stage] ?? 0) + seconds;
  }
  // Phrase counting (the phrase thread) runs while the reports are written: its wall time goes to phrases, the rest to reports.
  sums.phrases = (sums.phrases ?? 0) + (phases.phrases ?? 0);
  sums.reports = phases.reports - (phases.phrases ?? 0);
  return sums;
}

let runs = 0;
function runCli(name: string, out: string, extra: string[]): Measure {
  runs += 1;
  const times = path.join(root, 'stage-times', String(runs));
  rmSync(times, { recursive: true, force: true });
  const profiling = profiles === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.join(profiles, `${runs}-${name.replace(/[^\w]+/gu, '-')}`)}`];
  const spawnedAt = Date.now();
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...profiling, '-r', probe, cli, 'run', corpus, '--out', out, '--quiet', ...extra], {
    encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CONTROVERSE_STAGE_TIMES: times },
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
  const kb = Number(/BENCH_MAXRSS_KB=(\d+)/u.exec(r.stderr)?.[1] ?? 0);
  const cpu = Number(/BENCH_CPU_US=(\d+)/u.exec(r.stderr)?.[1] ?? 0) / 1e6;
  const manifestFile = path.join(out, 'manifest.json');
  const manifest = (existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { started: '' }) as {
    started: string; counts: { documents: number }; changes: { added: string[]; changed: string[]; reanalysed: number }; seconds: { analysis: number; reports: number; phrases?: number };
  };
  // Exit 1 is a run that skipped files, but also a process that crashed: only a manifest this run
  // wrote counts (an older one would be the previous run's figures).
  if (!(Date.parse(manifest.started) >= spawnedAt)) throw new Error(`${name}: exit ${r.status} and no manifest of this run\n${r.stderr}`);
  const analysed = manifest.changes.added.length + manifest.changes.changed.length + manifest.changes.reanalysed;
  console.error(`${name}: ${seconds.toFixed(2)} s (analysis ${manifest.seconds.analysis} s, reports ${manifest.seconds.reports} s, of which phrases ${manifest.seconds.phrases ?? '-'} s), ${cpu.toFixed(1)} CPU s, ${(kb / 1024).toFixed(0)} MB peak, ${analysed} files analysed`);
  return { name, seconds, cpu, maxRssMb: kb / 1024, documents: manifest.counts.documents, analysed, phases: manifest.seconds, stages: stageSeconds(times, manifest.seconds) };
}

const out1 = path.join(root, 'out-1');
const outN = path.join(root, `out-${workers}`);
rmSync(out1, { recursive: true, force: true });
rmSync(outN, { recursive: true, force: true });
const one = values['skip-single'] === true ? undefined : runCli('full run, 1 worker', out1, ['--workers', '1']);
const full = runCli(`full run, ${workers} workers`, outN, ['--workers', String(workers)]);
const again = runCli('rerun, nothing new', outN, ['--workers', String(workers)]);
const added = generateCorpus(fresh, corpusBytes / 100, { seed: 99, cues, format, first: 9_000_000 });
const onePercent = runCli(`rerun, 1% new files (${added.files} files)`, outN, ['--workers', String(workers)]);
// 1% of the files changed (a comment line appended) and the 1% just added removed; then put back.
const touched = files.filter((_, i) => i % 100 === 50).map((f) => [f, readFileSync(f)] as const);
for (const [f, bytes] of touched) writeFileSync(f, Buffer.concat([bytes, Buffer.from('\nUn lecteur ajoute une phrase pour le banc d’essai, rien de plus.\n')]));
rmSync(fresh, { recursive: true, force: true });
const changedRemoved = runCli(`rerun, 1% changed + 1% removed (${touched.length} + ${added.files} files)`, outN, ['--workers', String(workers)]);
for (const [f, bytes] of touched) writeFileSync(f, bytes);
const storeFile = path.join(outN, 'controverse.sqlite');
const storeBytes = [storeFile, `${storeFile}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);

const mb = corpusBytes / 1e6;
const row = (m: Measure, reference: Measure | undefined): string =>
  `| ${m.name} | ${m.seconds.toFixed(2)} | ${m.phases.analysis.toFixed(1)} | ${m.phases.reports.toFixed(1)} (${m.phases.phrases?.toFixed(1) ?? '-'}) | ${m.cpu.toFixed(1)} | ${(mb / m.seconds).toFixed(1)} | ${Math.round(m.documents / m.seconds)} | ${m.maxRssMb.toFixed(0)} | ${reference ? `${((100 * m.seconds) / reference.seconds).toFixed(1)}% of full (CPU ${((100 * m.cpu) / reference.cpu).toFixed(1)}%)` : ''} |`;
console.log(`\nCorpus: ${files.length} files, ${mb.toFixed(1)} MB (${format}); ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}.\n`);
console.log('| run | seconds | analysis s | reports s (phrases s) | CPU s | MB/s | documents/s | peak memory (MB) | vs full run |');
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(`| reference: read + tokenise only, 1 thread (${tokens} tokens) | ${tokenSeconds.toFixed(2)} | | | | ${(mb / tokenSeconds).toFixed(1)} | | | |`);
if (one !== undefined) console.log(row(one, undefined));
console.log(one === undefined ? row(full, undefined) : `${row(full, undefined).slice(0, -2)}${(one.seconds / full.seconds).toFixed(2)}× faster than 1 worker |`);
console.log(row(again, full));
console.log(row(onePercent, full));
console.log(row(changedRemoved, full));
console.log(`\nStore: ${(storeBytes / 1e6).toFixed(1)} MB on disk, ${(storeBytes / corpusBytes).toFixed(2)}× the corpus.`);

// Where the time goes: seconds by stage, summed over threads (workers run in parallel, so the sum
// exceeds the wall time), and each stage's share of that sum.
const shareRow = (stage: string, ms: readonly Measure[]): string => `| ${stage} | ${ms.map((m) => {
  const total = Object.values(m.stages).reduce((a, b) => a + b, 0);
  const s = m.stages[stage] ?? 0;
  return `${s.toFixed(1)} | ${((100 * s) / total).toFixed(1)}%`;
}).join(' | ')} |`;
const stageNames = [...ANALYSIS_STAGES, 'reports'];
console.log(`\nSeconds by stage (thread-seconds: each analysis worker's stages summed; store adds the main thread's busy time while workers analyse; phrases is the workers' phrase signing plus the phrase thread's counting, run with the reports):\n`);
const timed = one === undefined ? [full] : [one, full];
console.log(`| stage | ${timed.map((m) => `${m.name} s | share`).join(' | ')} |`);
console.log(`|---|${timed.map(() => '---|---').join('|')}|`);
for (const stage of stageNames) console.log(shareRow(stage, timed));
const microStages = Object.values(micro.stages).reduce((a, b) => a + b, 0);
console.log(`\nOne worker in this process on the first ${micro.mb.toFixed(1)} MB (CPU seconds): read + tokenise ${micro.reference.toFixed(2)} s, analysis ${micro.analysis.toFixed(2)} s = ${(micro.mb / micro.analysis).toFixed(2)} MB/s, ${(micro.reference / micro.analysis).toFixed(3)} of the reference.`);
console.log(`By stage: ${Object.entries(micro.stages).map(([k, v]) => `${k} ${((100 * v) / microStages).toFixed(1)}%`).join(', ')}.`);
if (profiles !== undefined) console.log(`\nCPU profiles (open in Chrome DevTools or speedscope): ${profiles}`);
