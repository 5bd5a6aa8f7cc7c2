// npm run bench -- [--mb 200] [--dir /tmp/controverse-bench] [--format txt|jsonl|mixed] [--workers 2]
// Generates a French corpus with comment threads, then times `controverse run` (built code, dist/)
// as a child process: full runs with one worker (unless --skip-single) and with all, a rerun with
// nothing new, a rerun with 1% new files, a rerun with 1% changed and those 1% removed; the store's
// size; and, in this process on the same text, a bare tokenizer pass as the reference.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { tokenise } from '../src/text/tokenise.js';
import { generateCorpus, type CorpusFormat } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'controverse-bench') },
    format: { type: 'string', default: 'txt' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    'skip-single': { type: 'boolean', default: false },
  },
});
const megabytes = Number(values.mb);
const format = values.format as CorpusFormat;
const workers = Number(values.workers);
const root = path.resolve(values.dir);
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

// Peak memory of the whole child process (main thread and workers): maxRSS at exit.
const probe = path.join(root, 'maxrss.cjs');
writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");

interface Measure {
  readonly name: string; readonly seconds: number; readonly maxRssMb: number; readonly documents: number; readonly analysed: number;
  readonly phases: { analysis: number; reports: number; phrases?: number };
}

function runCli(name: string, out: string, extra: string[]): Measure {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', probe, cli, 'run', corpus, '--out', out, '--quiet', ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
  const kb = Number(/BENCH_MAXRSS_KB=(\d+)/u.exec(r.stderr)?.[1] ?? 0);
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
    counts: { documents: number }; changes: { added: string[]; changed: string[]; reanalysed: number }; seconds: { analysis: number; reports: number; phrases?: number };
  };
  const analysed = manifest.changes.added.length + manifest.changes.changed.length + manifest.changes.reanalysed;
  console.error(`${name}: ${seconds.toFixed(2)} s (analysis ${manifest.seconds.analysis} s, reports ${manifest.seconds.reports} s, of which phrases ${manifest.seconds.phrases ?? '-'} s), ${(kb / 1024).toFixed(0)} MB peak, ${analysed} files analysed`);
  return { name, seconds, maxRssMb: kb / 1024, documents: manifest.counts.documents, analysed, phases: manifest.seconds };
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
  `| ${m.name} | ${m.seconds.toFixed(2)} | ${m.phases.analysis.toFixed(1)} | ${m.phases.reports.toFixed(1)} (${m.phases.phrases?.toFixed(1) ?? '-'}) | ${(mb / m.seconds).toFixed(1)} | ${Math.round(m.documents / m.seconds)} | ${m.maxRssMb.toFixed(0)} | ${reference ? `${((100 * m.seconds) / reference.seconds).toFixed(1)}% of full` : ''} |`;
console.log(`\nCorpus: ${files.length} files, ${mb.toFixed(1)} MB (${format}); ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}.\n`);
console.log('| run | seconds | analysis s | reports s (phrases s) | MB/s | documents/s | peak memory (MB) | vs full run |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(`| reference: read + tokenise only, 1 thread (${tokens} tokens) | ${tokenSeconds.toFixed(2)} | | | ${(mb / tokenSeconds).toFixed(1)} | | | |`);
if (one !== undefined) console.log(row(one, undefined));
console.log(one === undefined ? row(full, undefined) : `${row(full, undefined).slice(0, -2)}${(one.seconds / full.seconds).toFixed(2)}× faster than 1 worker |`);
console.log(row(again, full));
console.log(row(onePercent, full));
console.log(row(changedRemoved, full));
console.log(`\nStore: ${(storeBytes / 1e6).toFixed(1)} MB on disk, ${(storeBytes / corpusBytes).toFixed(2)}× the corpus.`);
