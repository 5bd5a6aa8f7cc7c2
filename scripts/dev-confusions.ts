// Disagreements on the DEV split only (never the test split): what to read when growing the lexicons.
// `npx tsx scripts/dev-confusions.ts [stance|claims] [fn|fp] [--half A|B] [--writer a|b|c|d|e]`
import path from 'node:path';
import { predictCoded } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits } from '../src/evaluate/read-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { devPages, takeWriter } from './dev-pages.js';

const args = process.argv.slice(2);
const writer = takeWriter(args);
const at = args.indexOf('--half');
const half = at < 0 ? undefined : args.splice(at, 2)[1];
const [only, kind] = args;
const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const units = readCodedUnits(path.resolve('eval/stances/pages'), lexicons.categories.map((c) => c.name), devPages(half, writer));
const predictions = predictCoded(units, lexicons);
units.forEach((u, i) => {
  const p = predictions[i]!;
  const lines: string[] = [];
  for (const s of lexicons.categories.map((c) => c.name)) {
    if (only !== undefined && only !== s) continue;
    const want = u.labels[s];
    const got = p.labels[s];
    if (want === got) continue;
    const k = got === 1 ? 'fp' : 'fn';
    if (kind === undefined || kind === k) lines.push(`  ${k.toUpperCase()} ${s}: ${p.evidence[s] || '(none)'}`);
  }
  if (only === undefined || only === 'claims') {
    const fn = u.claims.filter((c) => !p.claims.includes(c));
    const fp = p.claims.filter((c) => !u.claims.includes(c));
    if (fn.length > 0 && kind !== 'fp') lines.push(`  FN claims: ${fn.join(' ')}`);
    if (fp.length > 0 && kind !== 'fn') lines.push(`  FP claims: ${fp.join(' ')}`);
  }
  if (lines.length > 0) console.log(`${u.docId}#${u.position} [${u.note}] ${u.text}\n${lines.join('\n')}`);
});
