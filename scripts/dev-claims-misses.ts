// Why claims are missed, on the DEV split only (never the test split): each missed (unit, claim) of
// the dev pages put in one class, to tell missing variants from rules that suppress a claim.
// `npx tsx scripts/dev-claims-misses.ts [--half a|b] [--writer a|b|c|d|e] [--show NEG|ARTICLE|SPLIT|ONE_SLOT|NONE]`
//   NEG       the lexicon finds the claim in the unit, but only negated
//   ARTICLE   an article body, where concept rules are not applied; read as a comment, a rule finds it
//   SPLIT     every slot of one of the claim's rules is filled in the unit, not within one sentence
//   ONE_SLOT  some slot of a rule of the claim is filled, not all: a variant, or a second cue, is absent
//   NONE      no concept of any rule of the claim occurs in the unit
// `--half`: alternate dev pages in id order, as `scripts/dev-claims.ts --half`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findClaims } from '../src/claims/find-claims.js';
import { evaluateCoded } from '../src/evaluate/evaluate-coded.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import type { Unit } from '../src/model.js';
import { tokenise } from '../src/text/tokenise.js';
import { devPages } from './dev-pages.js';

const CLASSES = ['NEG', 'ARTICLE', 'SPLIT', 'ONE_SLOT', 'NONE'] as const;
type Miss = (typeof CLASSES)[number];

const { values } = parseArgs({ options: { half: { type: 'string' }, writer: { type: 'string' }, show: { type: 'string' } } });
const lexicons = loadLexicons(path.resolve('lexicons'));
const { units, predictions } = evaluateCoded(path.resolve('eval/stances/pages'), lexicons, devPages(undefined, values.writer));
const pages = [...new Set(units.map((u) => u.docId))].sort();
const inHalf = (docId: string): boolean => values.half === undefined || (pages.indexOf(docId) % 2 === 0) === (values.half === 'a');
const concepts = lexicons.claimConcepts;

/** The class of one missed claim in one unit. */
function classify(claimId: string, unit: Unit): Miss {
  const tokens = tokenise(unit.text);
  const found = findClaims(unit, tokens, lexicons.claims, concepts).filter((m) => m.claimId === claimId);
  if (found.length > 0) return 'NEG';
  const asComment = findClaims({ ...unit, kind: 'comment' }, tokens, lexicons.claims, concepts);
  if (asComment.some((m) => m.claimId === claimId && !m.negated)) return 'ARTICLE';
  const present = new Set<string>();
  for (let i = 0; i < tokens.length; i += 1) for (const m of concepts.concepts.longestPerEntryAt(tokens, i)) present.add(m.entry.id);
  const rules = concepts.rules.filter((r) => r.claimId === claimId);
  const filled = (slot: readonly string[]): boolean => slot.some((c) => present.has(c));
  if (rules.some((r) => r.concepts.every(filled))) return 'SPLIT';
  return rules.some((r) => r.concepts.some(filled)) ? 'ONE_SLOT' : 'NONE';
}

const tally = new Map<Miss, number>(CLASSES.map((c) => [c, 0]));
let missed = 0;
units.forEach((u, i) => {
  if (!inHalf(u.docId)) return;
  const got = predictions[i]!.claims;
  const unit: Unit = { id: `${u.docId}#${u.position}`, docId: u.docId, position: u.position, kind: u.kind, depth: 0, text: u.text };
  for (const claimId of u.claims) {
    if (got.includes(claimId)) continue;
    const miss = classify(claimId, unit);
    missed += 1;
    tally.set(miss, tally.get(miss)! + 1);
    if (values.show === miss) console.log(`${unit.id} ${claimId} [${u.kind}] ${u.text}`);
  }
});
console.log(`dev${values.writer === undefined ? '' : ` writer ${values.writer}`}${values.half === undefined ? '' : ` half ${values.half}`}: ${missed} missed (unit, claim) pairs`);
for (const c of CLASSES) console.log(`  ${c.padEnd(9)} ${String(tally.get(c)).padStart(4)}  ${((100 * tally.get(c)!) / Math.max(1, missed)).toFixed(0)} %`);
