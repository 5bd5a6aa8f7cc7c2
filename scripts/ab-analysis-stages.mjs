// node scripts/ab-analysis-stages.mjs <corpus folder> <MB> <passes> <dist folder of a build>...
// One worker's per-unit analysis (analyseDocument: language, tokenise, claims, stances, and the
// phrase signature taken per document) of every build given, timed in CPU seconds on the first
// <MB> MB of a corpus. The builds are loaded into one process and their passes alternated (order
// swapped every pass), so a shared machine's load weighs on each alike; the best pass of each is
// printed, with its stages (a StageClock reading CPU time) and a digest of every analysed document
// and signature: builds that must give the same outputs print the same digest. Plain JavaScript
// over each build's dist/ (built with `npx tsc`), whose ../lexicons is the lexicon folder used.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';

const [root, mb, passes, ...dists] = process.argv.slice(2);
if (root === undefined || dists.length === 0) throw new Error('usage: node scripts/ab-analysis-stages.mjs <corpus> <MB> <passes> <dist>...');
function list(d, out = []) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) list(f, out);
    else out.push(f);
  }
  return out;
}
const files = [];
let bytes = 0;
for (const f of list(root).sort()) {
  if (bytes >= Number(mb) * 1e6) break;
  files.push(f);
  bytes += statSync(f).size;
}
const contents = files.map((f) => readFileSync(f));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

const builds = [];
for (const dist of dists) {
  const imp = (m) => import(`${path.resolve(dist)}/${m}`);
  const { createAnalysisContext } = await imp('pipeline/analyse-file.js');
  const { ingestFile } = await imp('ingest/ingest-file.js');
  const { analyseDocument } = await imp('analyse/analyse-document.js');
  const { StageClock } = await imp('pipeline/stage-times.js');
  const options = { lexiconDir: path.resolve(dist, '../lexicons'), langDetector: 'eld', fields: undefined };
  const reader = createAnalysisContext(options, false);
  const documents = files.flatMap((f, k) => ingestFile(path.relative(root, f), contents[k], reader.ingest ?? {}).documents);
  builds.push({ dist, createAnalysisContext, analyseDocument, StageClock, options, documents, best: Infinity, stages: {}, digests: new Set() });
}

for (let pass = 0; pass < Number(passes); pass += 1) {
  for (const b of pass % 2 === 0 ? builds : [...builds].reverse()) {
    const clock = new b.StageClock();
    clock.now = cpuMs;
    clock.lap = (stage, since) => {
      const t = cpuMs();
      clock.seconds[stage] += (t - since) / 1000;
      return t;
    };
    const context = { ...b.createAnalysisContext(b.options, true), clock };
    const out = [];
    const started = cpuMs();
    for (const d of b.documents) {
      const analysed = b.analyseDocument(d, context);
      const lap = clock.now();
      out.push(analysed, context.phrases.take(d.id));
      clock.lap('phrases', lap);
    }
    b.best = Math.min(b.best, (cpuMs() - started) / 1000);
    for (const [stage, s] of Object.entries(clock.seconds)) b.stages[stage] = Math.min(b.stages[stage] ?? Infinity, s);
    const hash = createHash('sha256');
    for (let k = 0; k < out.length; k += 2) {
      hash.update(JSON.stringify(out[k]));
      hash.update(Buffer.from(out[k + 1].buffer, out[k + 1].byteOffset, out[k + 1].byteLength));
    }
    b.digests.add(hash.digest('hex').slice(0, 16));
  }
}
for (const b of builds) {
  const stages = Object.entries(b.stages).filter(([, s]) => s > 0).map(([stage, s]) => `${stage} ${s.toFixed(3)}`).join(', ');
  const units = b.documents.reduce((n, d) => n + d.units.length, 0);
  process.stdout.write(`${b.dist}: ${(bytes / 1e6).toFixed(1)} MB, ${units} units, best ${b.best.toFixed(3)} CPU s (${stages}), digest ${[...b.digests].join(' ')}\n`);
}
