// Writer-transfer check of claims lexicon changes, on the DEV split only (never the test split).
// `npx tsx scripts/dev-claims-transfer.ts --from b [--base main] [--write]`
// The changes are the line differences of lexicons/claims.fr.yaml from its version at `--base` (a
// git revision): each added line is one candidate (a pattern, a line of concept words, an example),
// each changed block one candidate. They are tried one by one in file order, each on top of those
// already kept, and a candidate is kept only when no writer's dev claims F1 falls with it: the
// writer it was written from (`--from`, or `none` for entries written from the definitions) and
// above all the others, whose pages it was not written from. `--write` rewrites the file with the
// kept candidates only. Prints, per candidate, each writer's tp/fp/fn change and the verdict.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findClaims } from '../src/claims/find-claims.js';
import { readCodedUnits, splitValues, type CodedUnit } from '../src/evaluate/read-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import type { Token, Unit } from '../src/model.js';
import { tokenise } from '../src/text/tokenise.js';
import { devPages } from './dev-pages.js';

/** The writers of the coded pages, as the split file names them. */
const WRITERS = splitValues(path.resolve('eval/stances/split.tsv'), 'writer');
const FILE = 'lexicons/claims.fr.yaml';

const { values } = parseArgs({ options: { from: { type: 'string' }, base: { type: 'string' }, write: { type: 'boolean' } } });
const from = values.from;
if (from === undefined || ![...WRITERS, 'none'].includes(from)) throw new Error(`--from ${WRITERS.join('|')}|none: the writer whose errors the changes were written from`);
const baseText = execFileSync('git', ['show', `${values.base ?? 'main'}:${FILE}`], { encoding: 'utf8' });
const newText = readFileSync(FILE, 'utf8');

/** One change: base lines `start` to `end` (one past) replaced by `lines`. */
interface Hunk { readonly start: number; readonly end: number; readonly lines: readonly string[] }

/** The line differences of `b` from `a` (longest common subsequence), pure additions one line each. */
function hunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) for (let j = m - 1; j >= 0; j -= 1) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const start = i;
    const added: string[] = [];
    while ((i < n || j < m) && !(i < n && j < m && a[i] === b[j])) {
      if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(b[j++]!);
      else i += 1;
    }
    if (i === start) for (const line of added) out.push({ start, end: start, lines: [line] });
    else out.push({ start, end: i, lines: added });
  }
  return out;
}

const baseLines = baseText.split('\n');
const candidates = hunks(baseLines, newText.split('\n'));

/** The base file with the kept hunks applied. */
function apply(kept: readonly Hunk[]): string {
  const out: string[] = [];
  let at = 0;
  for (const h of kept) {
    out.push(...baseLines.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  out.push(...baseLines.slice(at));
  return out.join('\n');
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'claims-transfer-'));
cpSync(path.resolve('lexicons'), folder, { recursive: true });
const byWriter = new Map<string, { unit: Unit; tokens: Token[]; gold: CodedUnit }[]>();
for (const w of WRITERS) {
  const units = readCodedUnits(path.resolve('eval/stances/pages'), ['trust_state', 'sceptical', 'sovereigntist'], devPages(undefined, w));
  byWriter.set(w, units.map((u) => ({ unit: { id: `${u.docId}#${u.position}`, docId: u.docId, position: u.position, kind: u.kind, depth: 0, text: u.text }, tokens: tokenise(u.text), gold: u })));
}

interface Counts { tp: number; fp: number; fn: number }
const f1 = (c: Counts): number => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);

/** Claims tp/fp/fn per writer with the claims file `text`, or the load error. */
function measure(text: string): Map<string, Counts> | string {
  writeFileSync(path.join(folder, 'claims.fr.yaml'), text);
  let lexicons;
  try {
    lexicons = loadLexicons(folder, { fitted: false });
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
  const out = new Map<string, Counts>();
  for (const [w, units] of byWriter) {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const { unit, tokens, gold } of units) {
      const got = new Set(findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts).filter((m) => !m.negated).map((m) => m.claimId));
      const tp = gold.claims.filter((x) => got.has(x)).length;
      c.tp += tp;
      c.fp += got.size - tp;
      c.fn += gold.claims.length - tp;
    }
    out.set(w, c);
  }
  return out;
}

const show = (m: Map<string, Counts>): string => WRITERS.map((w) => { const c = m.get(w)!; return `${w} ${f1(c).toFixed(3)} (${c.tp} ${c.fp} ${c.fn})`; }).join('  ');
const kept: Hunk[] = [];
const measuredBase = measure(baseText);
if (typeof measuredBase === 'string') throw new Error(`base does not load: ${measuredBase}`);
let current: Map<string, Counts> = measuredBase;
console.log(`base            ${show(current)}   (writer claims F1 (tp fp fn))`);
const tally = { kept: 0, noEffect: 0, rejectedOthers: 0, rejectedOwn: 0, failed: 0 };
for (const h of candidates) {
  const trial = [...kept, h].sort((x, y) => x.start - y.start);
  const got = measure(apply(trial));
  const label = h.lines.join(' ').trim().slice(0, 90) || `(removed base lines ${h.start + 1}-${h.end})`;
  if (typeof got === 'string') {
    tally.failed += 1;
    console.log(`FAIL   ${label}\n       ${got.split('\n')[0]}`);
    continue;
  }
  const delta = WRITERS.map((w) => { const a = current.get(w)!; const b = got.get(w)!; return { w, d: f1(b) - f1(a), tp: b.tp - a.tp, fp: b.fp - a.fp }; });
  const changed = delta.some((d) => d.tp !== 0 || d.fp !== 0);
  const hurtsOthers = delta.some((d) => d.w !== from && d.d < -1e-9);
  const hurtsOwn = delta.some((d) => d.w === from && d.d < -1e-9);
  const verdict = hurtsOthers ? 'REJECT' : hurtsOwn ? 'REJOWN' : changed ? 'KEEP' : 'same';
  if (hurtsOthers) tally.rejectedOthers += 1;
  else if (hurtsOwn) tally.rejectedOwn += 1;
  else {
    if (changed) tally.kept += 1;
    else tally.noEffect += 1;
    kept.push(h);
    kept.sort((x, y) => x.start - y.start);
    current = got;
  }
  if (verdict !== 'same') console.log(`${verdict.padEnd(6)} ${delta.map((d) => `${d.w}${d.tp >= 0 ? '+' : ''}${d.tp}tp${d.fp >= 0 ? '+' : ''}${d.fp}fp`).join(' ')}  ${label}`);
}
console.log(`after           ${show(current)}`);
console.log(`from ${from}: ${tally.kept} kept (changed dev claims), ${tally.noEffect} kept with no effect on dev, ${tally.rejectedOthers} rejected (lowered another writer's F1), ${tally.rejectedOwn} rejected (lowered its own writer's F1), ${tally.failed} did not load alone`);
if (values.write === true) writeFileSync(FILE, apply(kept));
rmSync(folder, { recursive: true });
