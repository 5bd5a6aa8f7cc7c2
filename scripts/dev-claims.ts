// Claims on the DEV split only (never the test split): P/R per claim, and the dev units a claim
// misses (fn) or finds wrongly (fp), with the phrases and concepts the lexicon matched there.
// `npx tsx scripts/dev-claims.ts [--half a|b] [--writer a|b|c|d|e] [--claim ID] [--show fn|fp|both] [--sources]`
// `--sources`: each phrase and each `together` rule with the true and false claims it finds.
// `--half`: only the dev pages of one half (alternate pages in id order), for a page-held-out check:
// write entries from the errors of half a, measure on half b. `--writer`: only the dev pages of one
// writer (split.tsv's `writer` column): write entries from one writer's errors, measure on the others.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClaimConcepts } from '../src/claims/claim-concepts.js';
import { findClaims } from '../src/claims/find-claims.js';
import { evaluateCoded } from '../src/evaluate/evaluate-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { tokenise } from '../src/text/tokenise.js';
import { devPages } from './dev-pages.js';

const { values } = parseArgs({ options: { half: { type: 'string' }, writer: { type: 'string' }, claim: { type: 'string' }, show: { type: 'string' }, sources: { type: 'boolean' } } });
const lexicons = loadLexicons(path.resolve('lexicons'));
const { units, predictions } = evaluateCoded(path.resolve('eval/stances/pages'), lexicons, devPages(undefined, values.writer));
const pages = [...new Set(units.map((u) => u.docId))].sort();
const inHalf = (docId: string): boolean => values.half === undefined || (pages.indexOf(docId) % 2 === 0) === (values.half === 'a');

/** What the lexicon matched in one text: phrases (claim ids, `¬` when negated) and concepts. */
function matched(text: string, docId: string): string {
  const tokens = tokenise(text);
  const unit = { id: 'u', docId, position: 0, kind: 'comment' as const, depth: 0, text };
  const phrases = findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts).map((m) => `${m.negated ? '¬' : ''}${m.claimId}«${m.match}»`);
  const concepts: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const m = lexicons.claimConcepts.concepts.longestEntryAt(tokens, i);
    if (m !== undefined) concepts.push(`${m.entry.id}:${text.slice(tokens[m.start]!.span.start, tokens[m.end - 1]!.span.end)}`);
  }
  return `    claims ${phrases.join(' ') || '-'}\n    concepts ${concepts.join(' ') || '-'}`;
}

/** Each source (a phrase, or a rule) that finds a claim not negated in the text, by claim. */
const ruleFinders = lexicons.claimConcepts.rules.map((r) => ({ name: `${r.claimId} [${r.concepts.map((c) => c.join('|')).join(', ')}]`, claimId: r.claimId, finder: new ClaimConcepts(lexicons.claimConcepts.concepts, [r], lexicons.claimConcepts.within) }));
function sourcesOf(text: string, docId: string): Map<string, Set<string>> {
  const tokens = tokenise(text);
  const unit = { id: 'u', docId, position: 0, kind: 'comment' as const, depth: 0, text };
  const found = new Map<string, Set<string>>();
  const add = (claimId: string, source: string): void => {
    const set = found.get(claimId) ?? new Set<string>();
    set.add(source);
    found.set(claimId, set);
  };
  const kept = findClaims(unit, tokens, lexicons.claims).filter((m) => !m.negated);
  for (const m of lexicons.claims.findAll(tokens)) {
    const span = { start: tokens[m.start]!.span.start, end: tokens[m.end - 1]!.span.end };
    if (!kept.some((k) => k.claimId === m.entry.id && k.span.start === span.start && k.span.end === span.end)) continue;
    add(m.entry.id, `${m.entry.id} "${(m.pattern ?? []).map((t) => (t.kind === 'word' ? t.norm : '…')).join(' ')}"`);
  }
  for (const r of ruleFinders) if (r.finder.find(tokens, text).some((c) => !c.negated)) add(r.claimId, r.name);
  return found;
}
const bySource = new Map<string, { tp: number; fp: number }>();

const per = new Map<string, { tp: number; fp: number; fn: number }>();
const counts = (id: string): { tp: number; fp: number; fn: number } => {
  let c = per.get(id);
  if (c === undefined) per.set(id, (c = { tp: 0, fp: 0, fn: 0 }));
  return c;
};
const show = values.show ?? '';
units.forEach((u, i) => {
  if (!inHalf(u.docId)) return;
  const got = predictions[i]!.claims;
  if (values.sources === true) {
    for (const [claimId, sources] of sourcesOf(u.text, u.docId)) {
      for (const src of sources) {
        const c = bySource.get(src) ?? { tp: 0, fp: 0 };
        if (u.claims.includes(claimId)) c.tp += 1;
        else c.fp += 1;
        bySource.set(src, c);
      }
    }
  }
  const errors: string[] = [];
  for (const c of new Set([...u.claims, ...got])) {
    const want = u.claims.includes(c);
    const has = got.includes(c);
    const k = want && has ? 'tp' : want ? 'fn' : 'fp';
    counts(c)[k] += 1;
    if (k !== 'tp' && (values.claim === undefined || values.claim === c) && (show === 'both' || show === k)) errors.push(`${k.toUpperCase()} ${c}`);
  }
  if (errors.length > 0) console.log(`${u.docId}#${u.position} ${errors.join(', ')} [${u.note}]\n  ${u.text}\n${matched(u.text, u.docId)}`);
});
for (const [src, c] of [...bySource.entries()].sort((a, b) => b[1].fp - a[1].fp || a[0].localeCompare(b[0]))) console.log(`  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)}  ${src}`);
const f = (x: number): string => x.toFixed(2);
const total = { tp: 0, fp: 0, fn: 0 };
console.log(`dev${values.writer === undefined ? '' : ` writer ${values.writer}`}${values.half === undefined ? '' : ` half ${values.half}`}: claim P R (tp fp fn)`);
for (const [id, c] of [...per.entries()].sort()) {
  total.tp += c.tp;
  total.fp += c.fp;
  total.fn += c.fn;
  console.log(`  ${id.padEnd(32)} ${f(c.tp / Math.max(1, c.tp + c.fp))} ${f(c.tp / Math.max(1, c.tp + c.fn))} (${c.tp} ${c.fp} ${c.fn})`);
}
console.log(`  ${'all'.padEnd(32)} ${f(total.tp / Math.max(1, total.tp + total.fp))} ${f(total.tp / Math.max(1, total.tp + total.fn))} (${total.tp} ${total.fp} ${total.fn})`);
