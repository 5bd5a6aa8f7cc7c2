// npx tsx scripts/ingest-digest.ts [--src path/to/src] [--out digests.json] [--against digests.json]
// Exactness check for speed work on ingestion: reads every page of corpus/, eval/threads/pages and
// test/ (text, HTML, JSON, JSON Lines, CSV) and the bench:ingest generated pages (seed 7, 2 MB, text;
// seed 11, 1 MB, mixed with JSON Lines) with `ingestFile` from --src, and keeps a SHA-256 of each
// result (documents and diagnostics as JSON). --out writes them; --against compares them with a file
// an earlier version wrote and lists the pages that differ. Never reads the held-out sets.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    src: { type: 'string', default: path.resolve('src') },
    out: { type: 'string' },
    against: { type: 'string' },
  },
});
type Ingest = (file: string, bytes: Uint8Array) => unknown;
const { ingestFile } = (await import(pathToFileURL(path.join(path.resolve(values.src), 'ingest/ingest-file.ts')).href)) as { ingestFile: Ingest };

const PAGE = /\.(?:txt|html?|jsonl?|csv)$/u;
function listFiles(dir: string, out: string[] = []): string[] {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(full, out);
    else if (PAGE.test(e.name)) out.push(full);
  }
  return out;
}

const digests: Record<string, string> = {};
const digestAll = (root: string, label: string, files: readonly string[]): void => {
  for (const file of files) {
    const name = path.relative(root, file);
    const result = ingestFile(name, readFileSync(file));
    digests[`${label}${name}`] = createHash('sha256').update(JSON.stringify(result)).digest('hex');
  }
};

const here = path.resolve('.');
for (const dir of ['corpus', 'eval/threads/pages', 'test']) digestAll(here, '', listFiles(path.join(here, dir)));
for (const [seed, mb, format] of [[7, 2, 'txt'], [11, 1, 'mixed']] as const) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'controverse-ingest-digest-'));
  try {
    generateCorpus(dir, mb * 1e6, { seed, cues: [], format });
    digestAll(dir, `generated-${seed}/`, listFiles(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const names = Object.keys(digests);
const byGroup = (prefix: string): number => names.filter((n) => n.startsWith(prefix)).length;
console.log(`${names.length} pages: corpus ${byGroup('corpus/')}, eval/threads ${byGroup('eval/')}, test ${byGroup('test/')}, generated ${byGroup('generated-')}`);
if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(digests, null, 1)}\n`);
if (values.against !== undefined) {
  const before = JSON.parse(readFileSync(values.against, 'utf8')) as Record<string, string>;
  const differ = names.filter((n) => before[n] !== digests[n]);
  const missing = Object.keys(before).filter((n) => digests[n] === undefined);
  for (const n of [...differ, ...missing]) console.log(`differs: ${n}`);
  console.log(`${names.length - differ.length} of ${names.length} identical to ${values.against}${missing.length > 0 ? `, ${missing.length} missing` : ''}`);
  if (differ.length + missing.length > 0) process.exitCode = 1;
}
