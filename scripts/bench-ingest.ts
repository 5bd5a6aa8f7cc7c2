// npm run bench:ingest -- [--mb 2] [--rounds 12] [--src path/to/src] [--dev-only]
// Ingestion alone (decode, layout, units; no language, stance or report work), in this process:
// (1) the text and HTML pages of corpus/, eval/threads/pages and eval/threads-heldout/pages, read
// until about --mb MB have gone through; (2) the bench's generated text corpus (scripts/generate-corpus.ts,
// seed 7) of --mb MB. Prints MB/s of CPU time for each, best of --rounds. --src reads another checkout's src/
// (e.g. an older commit extracted with `git archive`) so two versions are timed on the same machine.
// --dev-only leaves the held-out pages out (while the reader is being changed, they are not read at all).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '12' },
    src: { type: 'string', default: path.resolve('src') },
    'dev-only': { type: 'boolean', default: false },
  },
});
const megabytes = Number(values.mb);
const rounds = Number(values.rounds);
type Ingest = (file: string, bytes: Uint8Array) => unknown;
const module = (await import(pathToFileURL(path.join(path.resolve(values.src), 'ingest/ingest-file.ts')).href)) as { ingestFile: Ingest };
const ingest = module.ingestFile;

function listFiles(dir: string, out: string[] = []): string[] {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(full, out);
    else if (/\.(?:txt|html?)$/u.test(e.name)) out.push(full);
  }
  return out;
}

interface Page { readonly name: string; readonly bytes: Uint8Array }
const load = (files: readonly string[], root: string): Page[] => files.map((f) => ({ name: path.relative(root, f), bytes: readFileSync(f) }));

function time(pages: readonly Page[], repeat: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r += 1) {
    // CPU time of this process: the machine is shared, and waiting for a core is not ingestion.
    const t = process.cpuUsage();
    for (let k = 0; k < repeat; k += 1) for (const p of pages) ingest(p.name, p.bytes);
    const used = process.cpuUsage(t);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

const here = path.resolve('.');
const dirs = ['corpus', 'eval/threads/pages', ...(values['dev-only'] ? [] : ['eval/threads-heldout/pages'])];
const real = load(dirs.flatMap((d) => listFiles(path.join(here, d))), here);
const realBytes = real.reduce((n, p) => n + p.bytes.length, 0);
const repeat = Math.max(1, Math.round((megabytes * 1e6) / realBytes));
for (const [name, pages] of [['real pages', real], ['  of which text', real.filter((p) => p.name.endsWith('.txt'))], ['  of which HTML', real.filter((p) => !p.name.endsWith('.txt'))]] as const) {
  const bytes = pages.reduce((n, p) => n + p.bytes.length, 0);
  const seconds = time(pages, repeat);
  console.log(`${name}: ${pages.length} files, ${(bytes / 1e6).toFixed(2)} MB x ${repeat}: ${((bytes * repeat) / 1e6 / seconds).toFixed(2)} MB/s`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-bench-ingest-'));
try {
  generateCorpus(dir, megabytes * 1e6, { seed: 7, cues: [], format: 'txt' });
  const generated = load(listFiles(dir), dir);
  const bytes = generated.reduce((n, p) => n + p.bytes.length, 0);
  const seconds = time(generated, 1);
  console.log(`generated pages: ${generated.length} files, ${(bytes / 1e6).toFixed(2)} MB: ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
