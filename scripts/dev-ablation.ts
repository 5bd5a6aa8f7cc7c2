// Leave-one-entry-out on the DEV split only (never the test split): for each entry id given, the
// dev macro-F1 and claims F1 of each writer's pages with the lexicons as they are, and without
// that entry: what the entry brings to the writer it was written from and to the others.
// `npx tsx scripts/dev-ablation.ts ID…`
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { predictCoded, scoreCoded } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits, splitValues } from '../src/evaluate/read-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { devPages } from './dev-pages.js';

/** The writers of the coded pages, as the split file names them. */
const WRITERS = splitValues(path.resolve('eval/stances/split.tsv'), 'writer');

/** The YAML text without the entry `id` (its lines up to the next entry, comment or end). */
function withoutEntry(text: string, id: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `- id: ${id}`);
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && /^ {4,}\S/u.test(lines[end]!)) end += 1;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

function figures(folder: string): string {
  const lexicons = loadLexicons(folder, { fitted: false });
  const stances = lexicons.categories.map((c) => c.name);
  return WRITERS.map((w) => {
    const units = readCodedUnits(path.resolve('eval/stances/pages'), stances, devPages(undefined, w));
    const e = scoreCoded(units, predictCoded(units, lexicons), stances, 0);
    return `${w} ${e.macroF1.toFixed(3)}/${e.claims.f1.toFixed(3)}`;
  }).join('  ');
}

const source = path.resolve('lexicons');
console.log(`all entries      ${figures(source)}   (writer macro-F1/claims F1)`);
for (const id of process.argv.slice(2)) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ablation-'));
  cpSync(source, folder, { recursive: true });
  for (const dir of [folder, path.join(folder, 'stances')]) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const file = path.join(dir, f);
      writeFileSync(file, withoutEntry(readFileSync(file, 'utf8'), id));
    }
  }
  console.log(`without ${id.padEnd(40)} ${figures(folder)}`);
  rmSync(folder, { recursive: true });
}
