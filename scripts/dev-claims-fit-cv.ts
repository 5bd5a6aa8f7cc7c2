// Page-held-out figures of `controverse fit --claims` on the DEV split of eval/stances only (never
// the test split): dev pages in 5 outer folds (the outer folds of dev-fit-cv.ts); for each, the
// claims are fitted on the other dev pages (with the fit's own 5-fold cross-validation over pages
// inside, which chooses penalties, groups and each claim's cut) and the held-out pages are scored
// through `evaluate`'s path (predictCoded). Claims P / R / F1 per (unit, claim), micro, with 95 %
// bootstrap intervals over units, for the lexicon alone and the fitted model, their paired
// difference, per claim, and per writer.
// `npx tsx scripts/dev-claims-fit-cv.ts [--features words,article] [--min 20] [--lexicons DIR] [--fresh g,h,i,j]`
// `--fresh`: writers whose dev pages no claims entry was written from, scored together (default g,h,i,j).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { predictCoded, scoreCoded, type CodedPrediction, figures, intervalOf, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED } from '../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit, splitValues, type CodedUnit } from '../src/evaluate/read-coded.js';
import { pageFolds } from '../src/fit/fit-stances.js';
import { claimUnitData, fitClaims, MIN_CLAIM_POSITIVES, type ClaimFitFeature } from '../src/fit/fit-claims.js';
import { fittedClaimsOf } from '../src/fit/fitted-claims-of.js';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { seededRandom } from '../src/sampling/seeded-random.js';
import { devPages } from './dev-pages.js';

const OUTER_FOLDS = 5;
const OUTER_SEED = 777;

const { values } = parseArgs({ options: { features: { type: 'string', default: 'words,article' }, min: { type: 'string', default: String(MIN_CLAIM_POSITIVES) }, lexicons: { type: 'string', default: 'lexicons' }, fresh: { type: 'string', default: 'g,h,i,j' } } });
const features = values.features.split(',').filter((f) => f !== '') as ClaimFitFeature[];
const minPositives = Number(values.min);
const lexicons = loadLexicons(path.resolve(values.lexicons), { fitted: false });
const stances = lexicons.categories.map((c) => c.name);
const units = readCodedUnits(path.resolve('eval/stances/pages'), stances, devPages());
const data = claimUnitData(units, lexicons, features.includes('words'));
const outer = pageFolds(units, OUTER_FOLDS, OUTER_SEED);
// Two variants from the same fits: every model kept, and (what `fit --claims` writes) a claim's
// model kept only when its inner out-of-fold F1 is above the lexicon's.
const heldOut = new Array<CodedPrediction | undefined>(units.length);
const heldOutAll = new Array<CodedPrediction | undefined>(units.length);
const started = Date.now();
for (let k = 0; k < OUTER_FOLDS; k += 1) {
  const idx = units.map((_, i) => i).filter((i) => outer[i] !== k);
  const { fits, kept } = fitClaims(idx.map((i) => units[i]!), lexicons, { features, data: idx.map((i) => data[i]!), minPositives, keepAll: true });
  for (const f of fits) process.stderr.write(`fold ${k} ${f.claimId}: pos ${f.positives}, λ ${f.regularisation}, groups [${f.groups.join(',')}], words ${f.wordRegularisation ?? 'none'} (${f.words.length}), threshold ${f.threshold}, inner cv F1 ${f.cvF1} (lexicon ${f.lexiconF1})\n`);
  process.stderr.write(`fold ${k}: lexicon alone for ${kept.map((c) => `${c.claimId} (${c.positives})`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const better = fits.filter((f) => f.cvF1 > f.lexiconF1);
  const test = units.map((_, i) => i).filter((i) => outer[i] === k);
  predictCoded(test.map((i) => units[i]!), { ...lexicons, fittedClaims: fittedClaimsOf(better, kept, lexicons, minPositives) }).forEach((p, n) => { heldOut[test[n]!] = p; });
  predictCoded(test.map((i) => units[i]!), { ...lexicons, fittedClaims: fittedClaimsOf(fits, kept, lexicons, minPositives) }).forEach((p, n) => { heldOutAll[test[n]!] = p; });
}
const plain = predictCoded(units, lexicons);
const model = heldOut.map((p) => p!);
const modelAll = heldOutAll.map((p) => p!);

const f2 = (x: number): string => x.toFixed(2);
function claimCounts(sub: readonly number[], p: readonly CodedPrediction[], only?: string): { tp: number; fp: number; fn: number }[] {
  return sub.map((i) => {
    const want = units[i]!.claims.filter((c) => only === undefined || c === only);
    const got = new Set(p[i]!.claims.filter((c) => only === undefined || c === only));
    const tp = want.filter((c) => got.has(c)).length;
    return { tp, fp: got.size - tp, fn: want.length - tp };
  });
}
const total = (c: readonly { tp: number; fp: number; fn: number }[], sample: readonly number[]) => sample.reduce((s, i) => ({ tp: s.tp + c[i]!.tp, fp: s.fp + c[i]!.fp, fn: s.fn + c[i]!.fn }), { tp: 0, fp: 0, fn: 0 });
function line(title: string, sub: readonly number[], p: readonly CodedPrediction[], only?: string): string {
  const c = claimCounts(sub, p, only);
  const all = sub.map((_, n) => n);
  const t = total(c, all);
  const fig = figures(t);
  return `  ${title.padEnd(44)} ${f2(fig.precision)} ${f2(fig.recall)} ${f2(fig.f1)}  (${t.tp} ${t.fp} ${t.fn})`;
}
function paired(sub: readonly number[], p: readonly CodedPrediction[] = model): string {
  const a = claimCounts(sub, p);
  const b = claimCounts(sub, plain);
  const all = sub.map((_, n) => n);
  const random = seededRandom(BOOTSTRAP_SEED);
  const draws: number[] = [];
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r += 1) {
    const sample = all.map(() => Math.floor(random() * all.length));
    draws.push(figures(total(a, sample)).f1 - figures(total(b, sample)).f1);
  }
  const ci = intervalOf(draws);
  return `${f2(figures(total(a, all)).f1 - figures(total(b, all)).f1)} [${f2(ci.low)}, ${f2(ci.high)}]`;
}
const everything = units.map((_, i) => i);
const splitFile = path.resolve('eval/stances/split.tsv');
const e0 = scoreCoded(units, plain, stances).claims;
const e1 = scoreCoded(units, model, stances).claims;
console.log(`dev claims, page-held-out (${OUTER_FOLDS} outer folds), ${units.length} units, ${new Set(units.map((u: CodedUnit) => u.docId)).size} pages; features offered: ${features.join(',') || 'none'}; min positives ${minPositives}`);
console.log(`  ${'micro over (unit, claim)'.padEnd(44)} P    R    F1    (tp fp fn)   F1 95 % CI`);
console.log(`${line('lexicon alone', everything, plain)}  [${f2(e0.f1Interval.low)}, ${f2(e0.f1Interval.high)}]`);
const e2 = scoreCoded(units, modelAll, stances).claims;
console.log(`${line('fitted, every model kept', everything, modelAll)}  [${f2(e2.f1Interval.low)}, ${f2(e2.f1Interval.high)}]`);
console.log(`${line('fitted, model kept when inner CV beats lexicon', everything, model)}  [${f2(e1.f1Interval.low)}, ${f2(e1.f1Interval.high)}]`);
console.log(`  F1 every model − lexicon alone (paired bootstrap): ${paired(everything, modelAll)}`);
console.log(`  F1 kept models − lexicon alone (paired bootstrap): ${paired(everything)}`);
console.log('per claim (lexicon alone → fitted): P R F1 (tp fp fn)');
const byFrequency = [...new Set(units.flatMap((u) => u.claims))].map((c) => [c, units.filter((u) => u.claims.includes(c)).length] as const).sort((a, b) => b[1] - a[1]);
for (const [c, n] of byFrequency) {
  console.log(`  ${c} (${n} units)`);
  console.log(line('lexicon alone', everything, plain, c));
  console.log(line('fitted, every model', everything, modelAll, c));
  console.log(line('fitted, kept models', everything, model, c));
}
const freshWriters = values.fresh.split(',').filter((w) => w !== '');
const freshPages = new Set(freshWriters.flatMap((w) => [...readSplit(splitFile, w, 'writer')]));
const fresh = everything.filter((i) => freshPages.has(units[i]!.docId));
console.log(`dev pages of writers ${freshWriters.join(', ')} (no claims entry written from them; ${fresh.length} units): kept models ${paired(fresh)}, every model ${paired(fresh, modelAll)}`);
console.log(line('lexicon alone', fresh, plain));
console.log(line('fitted, every model', fresh, modelAll));
console.log(line('fitted, kept models', fresh, model));
console.log('per writer (lexicon alone → fitted), F1 difference with paired interval:');
for (const writer of splitValues(splitFile, 'writer')) {
  const pages = readSplit(splitFile, writer, 'writer');
  const sub = everything.filter((i) => pages.has(units[i]!.docId));
  if (sub.length === 0) continue;
  console.log(`  writer ${writer} (${sub.length} units): ${paired(sub)}`);
  console.log(line('lexicon alone', sub, plain));
  console.log(line('fitted, every model', sub, modelAll));
  console.log(line('fitted, kept models', sub, model));
}
