// Gold units beside produced units, page by page, on the DEV thread set only (eval/threads; never the
// held-out set): what to read when a site kind is mis-split. `npx tsx scripts/dev-units-diff.ts <kind> [--loko]`
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestFile } from '../src/ingest/ingest-file.js';
import { lineCuesWithout } from '../src/ingest/layouts/line-cues.js';
import { foldWhiteSpace } from '../src/text/normalise.js';
import { readThreadGold, siteKindOf, THREAD_SET_DIR } from '../test/ingest/gold-units.js';

const kind = process.argv[2];
if (kind === undefined) throw new Error('usage: dev-units-diff.ts <kind> [--loko]');
const options = process.argv.includes('--loko') ? { lineCues: lineCuesWithout(kind) } : {};
const gold = readThreadGold(THREAD_SET_DIR).filter((g) => siteKindOf(g) === kind);
const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n)}…`);
for (const file of new Set(gold.map((g) => g.file))) {
  const result = ingestFile(file, readFileSync(path.join(THREAD_SET_DIR, 'pages', file)), options);
  console.log(`\n=== ${file}  (${result.diagnostics.map((d) => d.code).join(', ')})`);
  const doc = result.documents[0];
  const rows = gold.filter((g) => g.file === file);
  const n = Math.max(rows.length, doc?.units.length ?? 0);
  for (let k = 0; k < n; k += 1) {
    const g = rows[k];
    const u = doc?.units.find((x) => x.position === (g === undefined ? k : Number(g.unit))) ?? doc?.units[k];
    const text = u === undefined ? '' : foldWhiteSpace(u.text);
    const ok = g !== undefined && u !== undefined && text.startsWith(foldWhiteSpace(g.first_words)) && text.endsWith(foldWhiteSpace(g.last_words));
    const parentOf = (id: string | undefined): string => (id === undefined ? '' : id.slice(id.lastIndexOf('#') + 1));
    if (g !== undefined) console.log(`${ok ? '  ' : '✗ '}G#${g.unit} ${g.kind} a=${g.author} d=${g.published} p=${g.parent} | ${clip(g.first_words, 40)} … ${g.last_words}`);
    if (u !== undefined && (!ok || g.author !== (u.author ?? '') || !(u.published ?? '').startsWith(g.published) || g.parent !== parentOf(u.parentId))) {
      console.log(`   P#${u.position} ${u.kind} a=${u.author ?? ''} d=${u.published ?? ''} p=${parentOf(u.parentId)} | ${clip(text, 60)} … ${text.slice(-40)}`);
    }
  }
}
